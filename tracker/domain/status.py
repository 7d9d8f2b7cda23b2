"""Derive an obligation's status as of a date from the facts; never stored."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.forms import FORM_BY_VALUE, SINGLE_FLAGS, Form


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


def _first_arrivals(arrivals: Iterable[Arrival], as_of: date) -> dict[int, date]:
    first: dict[int, date] = {}
    for arrival in arrivals:
        if arrival.received > as_of:
            continue
        value = int(arrival.forms)
        for flag in SINGLE_FLAGS:
            if value & flag:
                seen = first.get(flag)
                if seen is None or arrival.received < seen:
                    first[flag] = arrival.received
    return first


def received_by(arrivals: Iterable[Arrival], as_of: date) -> dict[Form, date]:
    """First day each single form arrived, counting only arrivals on or before ``as_of``.

    Keys are the single flags' integer values; ``Form`` members look them up equally.
    """
    return _first_arrivals(arrivals, as_of)  # type: ignore[return-value]


def standing(facts: Facts, as_of: date) -> Standing:
    """Status of one obligation as the ledger stood at the end of ``as_of``.

    Works on plain ints internally: it runs once per obligation on every refresh.
    """
    first = _first_arrivals(facts.arrivals, as_of)
    required = int(facts.required)
    received = sum(first)  # distinct single-bit flags
    got_required = received & required
    if required:
        done_on = max(first[f] for f in first if f & required) if got_required == required else None
    else:  # nothing specific asked for: any submission completes it
        done_on = min(first.values()) if first else None
    firsts: dict[Form, date] = first  # type: ignore[assignment]  # int keys equal Form keys
    received_forms = FORM_BY_VALUE[received]
    due = facts.extended_to or facts.deadline

    if facts.exempt:
        return Standing(Status.EXEMPT, received_forms, Form.NONE, done_on, 0, firsts)
    if done_on is not None:
        late_by = (done_on - due).days
        status = Status.LATE if late_by > 0 else Status.ON_TIME
        return Standing(status, received_forms, Form.NONE, done_on, max(late_by, 0), firsts)
    missing = FORM_BY_VALUE[required & ~received]
    if as_of <= due:
        return Standing(Status.PENDING, received_forms, missing, None, 0, firsts)
    status = Status.PARTIAL if got_required else Status.OVERDUE
    return Standing(status, received_forms, missing, None, (as_of - due).days, firsts)
