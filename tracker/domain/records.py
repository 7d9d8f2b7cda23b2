"""Plain records passed between layers: what services return and reports consume.

Frozen dataclasses, never live ORM objects, so a view or a report can hold them safely.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from tracker.domain.forms import Form
from tracker.domain.status import Status


class Channel(enum.Enum):
    EMAIL = "邮件"
    PAPER = "纸质"
    IN_PERSON = "现场"
    OTHER = "其他"


class ReminderMethod(enum.Enum):
    LETTER = "函"
    PHONE = "电话"
    EMAIL = "邮件"
    SMS = "短信"


DEFAULT_CATEGORIES: tuple[str, ...] = (
    "区局",
    "县局",
    "委办局",
    "标委会",
    "技术机构",
    "协会",
    "其他",
)


@dataclass(frozen=True, slots=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit as entered or imported."""

    name: str
    category: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    sort_order: int = 0
    active: bool = True


@dataclass(frozen=True, slots=True)
class UnitRecord:
    id: int
    name: str
    category: str
    short_name: str
    aliases: tuple[str, ...]
    contact_person: str
    phone: str
    email: str
    address: str
    sort_order: int
    active: bool
    version: int = 1


@dataclass(frozen=True, slots=True)
class RequirementSpec:
    """Who must send what by when. The units owing it are every active unit of
    ``categories`` plus ``units`` (names or aliases)."""

    title: str
    deadline: date
    forms: Form
    categories: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    note: str = ""
    id: int | None = None  # set when editing an existing requirement


@dataclass(frozen=True, slots=True)
class NoticeSpec:
    title: str
    doc_number: str = ""
    issuer: str = ""
    issued_on: date | None = None
    theme: str = ""
    body_note: str = ""
    contacts: tuple[Contact, ...] = ()
    requirements: tuple[RequirementSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class RequirementRecord:
    id: int
    notice_id: int
    title: str
    deadline: date
    forms: Form
    categories: tuple[str, ...]
    note: str
    obligations: int
    deadline_note: str = ""  # e.g. 星期日 / 国庆节 when the deadline is an off day


@dataclass(frozen=True, slots=True)
class NoticeRecord:
    id: int
    doc_number: str
    title: str
    issuer: str
    issued_on: date | None
    theme: str
    body_note: str
    contacts: tuple[Contact, ...]
    requirements: tuple[RequirementRecord, ...]
    version: int = 1

    @property
    def label(self) -> str:
        return f"{self.doc_number} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class ObligationRow:
    """One unit × requirement, with its status derived as of ``as_of``."""

    obligation_id: int
    as_of: date
    unit_id: int
    unit_name: str
    unit_short_name: str
    category: str
    unit_sort: int
    unit_active: bool
    contact_person: str
    phone: str
    email: str
    notice_id: int
    doc_number: str
    notice_title: str
    requirement_id: int
    requirement_title: str
    deadline: date
    extended_to: date | None
    extension_reason: str
    exempt_reason: str | None
    required_forms: Form
    status: Status
    received_forms: Form
    missing_forms: Form
    completed_on: date | None
    days_overdue: int
    workdays_left: int | None
    deadline_note: str
    reminders: int
    last_reminder: date | None
    first_received: dict[Form, date] = field(default_factory=dict)
    note: str = ""
    # The obligation's version when read: pass it back with an edit so that an edit made from
    # a stale screen is refused instead of overwriting someone else's change.
    version: int = 1
    exempt_on: date | None = None  # the day the 免报 was granted (None: not known)
    extended_on: date | None = None  # the day the 延期 was granted

    @property
    def effective_deadline(self) -> date:
        return self.extended_to or self.deadline


@dataclass(frozen=True, slots=True)
class SubmissionRecord:
    id: int
    obligation_id: int
    received_on: date
    channel: str
    forms: Form
    note: str
    files: tuple[tuple[str, str], ...]  # (original name, sha256)
    created_at: datetime
    created_by: str


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    id: int
    obligation_id: int
    unit_name: str
    notice_label: str
    requirement_title: str
    reminded_on: date
    method: str
    letter_number: str
    note: str


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    before: str | None
    after: str | None
    undone: bool


@dataclass(frozen=True, slots=True)
class Change:
    """What a write did, so it can be announced and undone (Ctrl+Z)."""

    audit_ids: tuple[int, ...]
    summary: str
    ids: tuple[int, ...] = ()  # the records created (submission or reminder ids)
