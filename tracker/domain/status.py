"""Derive an obligation's status as of a date from the facts; never stored."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.forms import FORM_BY_VALUE, SINGLE_FLAGS, Form


class Status(enum.Enum):
    """Status codes are stable English words (used by JSON output and filters).

    What each status is called, how it looks and what it means for the clerk is declared once,
    in ``TERMS`` below; the window, the PDFs and the workbooks all read it from there.
    """

    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"
    PARTIAL = "partial"
    EXEMPT = "exempt"

    @property
    def terms(self) -> StatusTerms:
        return TERMS[self]

    @property
    def label(self) -> str:
        return TERMS[self].label

    @property
    def word(self) -> str:
        """The short word of a matrix cell, in the window and in the workbook alike."""
        return TERMS[self].word

    @property
    def needs_action(self) -> bool:
        """True when the clerk should chase this unit (催报函, 逾期未报名单)."""
        return TERMS[self].needs_action

    @property
    def is_done(self) -> bool:
        """True when everything required has arrived (counts as 已报 in every tally)."""
        return TERMS[self].is_done

    @property
    def is_owed(self) -> bool:
        """True unless exempted: the obligation counts in 应报."""
        return self is not Status.EXEMPT


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusTerms:
    """What the window, the PDFs and the workbooks say and show for one status."""

    label: str  # the full name: grid, filters, lists, command line
    word: str  # a matrix cell
    meaning: str  # a matrix legend's line
    ink: str | None  # text colour "#rrggbb"; None: the default (black)
    fill: str | None  # background "#rrggbb"; None: none
    bold: bool = False
    needs_action: bool = False  # chase the unit
    is_done: bool = False  # counts as 已报


# The one palette, for screen and paper alike: light fills under dark text of the same hue
# (contrast 5:1 or better). Printed in grey, the fills still order by urgency — 逾期未报
# darkest (and bold), then 部分报送, then the settled ones, 未到期 white — and the words
# themselves tell every status apart.
TERMS: dict[Status, StatusTerms] = {
    Status.ON_TIME: StatusTerms(
        label="已按时报送",
        word="按时",
        meaning="已按时报送",
        ink="#1d6b2a",
        fill="#d9efdb",
        is_done=True,
    ),
    Status.LATE: StatusTerms(
        label="逾期补报",
        word="补报",
        meaning="逾期补报（时限后报齐）",
        ink="#6b5300",
        fill="#fff1b8",
        is_done=True,
    ),
    Status.PENDING: StatusTerms(
        label="未到期", word="未到期", meaning="未到期（时限未到，尚未报齐）", ink=None, fill=None
    ),
    Status.OVERDUE: StatusTerms(
        label="逾期未报",
        word="未报",
        meaning="逾期未报",
        ink="#9c0006",
        fill="#f4b6b6",
        bold=True,
        needs_action=True,
    ),
    Status.PARTIAL: StatusTerms(
        label="部分报送",
        word="部分",
        meaning="部分报送（时限已过，材料未齐）",
        ink="#8a4500",
        fill="#fbd6a6",
        needs_action=True,
    ),
    Status.EXEMPT: StatusTerms(
        label="免报", word="免报", meaning="免报", ink="#505050", fill="#e3e3e3"
    ),
}
STATUS_LABELS: dict[Status, str] = {s: t.label for s, t in TERMS.items()}
# Display order: the ones needing action first.
STATUS_ORDER: tuple[Status, ...] = (
    Status.OVERDUE,
    Status.PARTIAL,
    Status.PENDING,
    Status.LATE,
    Status.ON_TIME,
    Status.EXEMPT,
)
DONE: frozenset[Status] = frozenset(s for s in Status if s.is_done)
NEEDS_ACTION: tuple[Status, ...] = tuple(s for s in STATUS_ORDER if s.needs_action)
OPEN: frozenset[Status] = frozenset(s for s in Status if s.is_owed and not s.is_done)


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
