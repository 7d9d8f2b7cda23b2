"""What the notice editor edits: mutable drafts, made from a record or a spec and turned back
into a ``NoticeSpec`` for the service. No Qt here.

Who must report is kept as a set of unit ids (the checklist is the truth); when saving, a
category whose every active unit is ticked is written as that category, the rest by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.domain.forms import Form
from tracker.domain.records import (
    Contact,
    NoticeRecord,
    NoticeSpec,
    RequirementRecord,
    RequirementSpec,
    UnitRecord,
)


@dataclass
class RequirementDraft:
    title: str
    deadline: date
    forms: Form = Form.ELECTRONIC
    unit_ids: set[int] = field(default_factory=set)
    note: str = ""
    id: int | None = None


@dataclass
class NoticeDraft:
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    issued_on: date | None = None
    theme: str = ""
    body_note: str = ""
    contacts: list[Contact] = field(default_factory=list)
    requirements: list[RequirementDraft] = field(default_factory=list)
    notice_id: int | None = None
    version: int | None = None


def ids_for_names(units: Sequence[UnitRecord], names: Iterable[str]) -> set[int]:
    by_name: dict[str, int] = {}
    for u in units:
        for key in (u.name, u.short_name, *u.aliases):
            if key:
                by_name.setdefault(key, u.id)
    return {by_name[n] for n in names if n in by_name}


def ids_for_categories(units: Sequence[UnitRecord], categories: Iterable[str]) -> set[int]:
    wanted = set(categories)
    return {u.id for u in units if u.active and u.category in wanted}


def _header(source: NoticeRecord | NoticeSpec) -> dict[str, Any]:
    """The notice-level fields a record and a spec share."""
    names = ("title", "doc_number", "issuer", "issued_on", "theme", "body_note")
    return {name: getattr(source, name) for name in names} | {"contacts": list(source.contacts)}


def draft_from_record(record: NoticeRecord, owing: Mapping[int, Sequence[int]]) -> NoticeDraft:
    """An existing notice; ``owing`` maps requirement id → ids of units that owe it."""
    return NoticeDraft(
        **_header(record),
        requirements=[_req_from_record(r, owing.get(r.id, ())) for r in record.requirements],
        notice_id=record.id,
        version=record.version,
    )


def _req_from_record(r: RequirementRecord, unit_ids: Sequence[int]) -> RequirementDraft:
    return RequirementDraft(r.title, r.deadline, r.forms, set(unit_ids), r.note, r.id)


def draft_from_spec(spec: NoticeSpec, units: Sequence[UnitRecord]) -> NoticeDraft:
    """A new notice from a spec (e.g. last year's, via ``copy_spec``)."""
    return NoticeDraft(
        **_header(spec),
        requirements=[
            RequirementDraft(
                r.title,
                r.deadline,
                r.forms,
                ids_for_categories(units, r.categories) | ids_for_names(units, r.units),
                r.note,
            )
            for r in spec.requirements
        ],
    )


def bump_years(text: str, years: int) -> str:
    """ "2023年标准化研学行动" → "2024年…" when copying last year's notice (years 2000–2099)."""
    return re.sub(r"(?<!\d)(20\d\d)(?=年|年度)", lambda m: str(int(m[1]) + years), text)


def audience(
    unit_ids: set[int], units: Sequence[UnitRecord], categories: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(categories, unit names) that together name exactly the ticked active units."""
    active = [u for u in units if u.active]
    whole: list[str] = []
    for cat in categories:
        members = [u.id for u in active if u.category == cat]
        if members and all(i in unit_ids for i in members):
            whole.append(cat)
    covered = ids_for_categories(active, whole)
    names = tuple(u.name for u in active if u.id in unit_ids and u.id not in covered)
    return tuple(whole), names


def to_spec(
    draft: NoticeDraft, units: Sequence[UnitRecord], categories: Sequence[str]
) -> NoticeSpec:
    contacts = tuple(c for c in draft.contacts if c.name or c.phone or c.email)
    reqs = []
    for r in draft.requirements:
        cats, names = audience(r.unit_ids, units, categories)
        reqs.append(RequirementSpec(r.title, r.deadline, r.forms, cats, names, r.note, r.id))
    return NoticeSpec(
        title=draft.title,
        doc_number=draft.doc_number,
        issuer=draft.issuer,
        issued_on=draft.issued_on,
        theme=draft.theme,
        body_note=draft.body_note,
        contacts=contacts,
        requirements=tuple(reqs),
    )
