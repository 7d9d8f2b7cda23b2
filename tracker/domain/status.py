"""Derive an obligation's status as of a date from the facts; never stored."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.forms import Form


class Status(enum.Enum):
    """Status codes are stable English words (used by JSON output and filters)."""

    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"
    PARTIAL = "partial"
    EXEMPT = "exempt"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def needs_action(self) -> bool:
        """True when the clerk should chase this unit."""
        return self in (Status.OVERDUE, Status.PARTIAL)


STATUS_LABELS: dict[Status, str] = {
    Status.ON_TIME: "已按时报送",
    Status.LATE: "逾期补报",
    Status.PENDING: "未到期",
    Status.OVERDUE: "逾期未报",
    Status.PARTIAL: "部分报送",
    Status.EXEMPT: "免报",
}
# Display order: the ones needing action first.
STATUS_ORDER: tuple[Status, ...] = (
    Status.OVERDUE,
    Status.PARTIAL,
    Status.PENDING,
    Status.LATE,
    Status.ON_TIME,
    Status.EXEMPT,
)


def parse_status(word: str) -> Status:
    from tracker.domain.errors import ValidationError

    key = word.strip()
    for status in Status:
        if key in (status.value, status.label):
            return status
    known = "、".join(f"{s.label}({s.value})" for s in STATUS_ORDER)
    raise ValidationError(f"无法识别的状态“{key}”，可用：{known}")


@dataclass(frozen=True, slots=True)
class Arrival:
    """One submission's contribution: which forms arrived on which day."""

    received: date
    forms: Form


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the status depends on, for one obligation."""

    deadline: date
    required: Form
    arrivals: tuple[Arrival, ...] = ()
    extended_to: date | None = None
    exempt: bool = False

    @property
    def effective_deadline(self) -> date:
        return self.extended_to or self.deadline


@dataclass(frozen=True, slots=True)
class Standing:
    """The derived status as of a date."""

    status: Status
    received: Form
    missing: Form
    completed_on: date | None
    days_overdue: int
    first_received: dict[Form, date]


def received_by(arrivals: Iterable[Arrival], as_of: date) -> dict[Form, date]:
    """First day each single form arrived, counting only arrivals on or before ``as_of``."""
    first: dict[Form, date] = {}
    for arrival in arrivals:
        if arrival.received > as_of:
            continue
        for flag in (Form.ELECTRONIC, Form.PAPER, Form.SEAL, Form.EVIDENCE):
            if arrival.forms & flag and (flag not in first or arrival.received < first[flag]):
                first[flag] = arrival.received
    return first


def _completion_day(facts: Facts, first: dict[Form, date]) -> date | None:
    required = [f for f in first if facts.required & f]
    if facts.required == Form.NONE:
        # Nothing specific asked for: any submission completes it.
        return min(first.values()) if first else None
    if len(required) != bin(int(facts.required)).count("1"):
        return None
    return max(first[f] for f in required)


def standing(facts: Facts, as_of: date) -> Standing:
    """Status of one obligation as the ledger stood at the end of ``as_of``."""
    first = received_by(facts.arrivals, as_of)
    received = Form.NONE
    for flag in first:
        received |= flag
    missing = Form(int(facts.required) & ~int(received))
    done_on = _completion_day(facts, first)
    due = facts.effective_deadline

    if facts.exempt:
        return Standing(Status.EXEMPT, received, Form.NONE, done_on, 0, first)
    if done_on is not None:
        late_by = (done_on - due).days
        status = Status.LATE if late_by > 0 else Status.ON_TIME
        return Standing(status, received, Form.NONE, done_on, max(late_by, 0), first)
    if as_of <= due:
        return Standing(Status.PENDING, received, missing, None, 0, first)
    has_some = bool(int(received) & int(facts.required))
    status = Status.PARTIAL if has_some else Status.OVERDUE
    return Standing(status, received, missing, None, (as_of - due).days, first)
