"""One namespace for what a clerk types to mean a unit: every unit's name, short name and
aliases are unique across all units, so 和平局 can never mean two units (registrations went to
the wrong one when a rename took another unit's name or alias)."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tracker.domain.records import UnitSpec
from tracker.store.models import Unit, UnitAlias

KIND_LABELS = {"name": "单位名称", "short": "简称", "alias": "别名"}


def lock_names(s: Session) -> None:
    """Two clerks saving units at once on PostgreSQL take turns here (SQLite's BEGIN IMMEDIATE
    already serialises writers), so neither can slip a clashing name past the other's check."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext('tracker.unit_names'))"))


def taken_names(s: Session, except_unit: int | None = None) -> dict[str, tuple[int, str, str]]:
    """Every name in use: text → (unit id, the unit's name, what it is there: name/short/alias)."""
    taken: dict[str, tuple[int, str, str]] = {}
    units = {uid: name for uid, name in s.execute(select(Unit.id, Unit.name))}
    for uid, name, short in s.execute(select(Unit.id, Unit.name, Unit.short_name)):
        if uid == except_unit:
            continue
        taken.setdefault(name, (uid, name, "name"))
        if short:
            taken.setdefault(short, (uid, name, "short"))
    for uid, alias in s.execute(select(UnitAlias.unit_id, UnitAlias.alias)):
        if uid != except_unit:
            taken.setdefault(alias, (uid, units.get(uid, ""), "alias"))
    return taken


def spec_names(spec: UnitSpec) -> list[tuple[str, str]]:
    """(text, kind) a unit would answer to; its own repeats (alias = short name) are fine."""
    names = [(spec.name, "name")]
    if spec.short_name:
        names.append((spec.short_name, "short"))
    names += [(a, "alias") for a in spec.aliases if a != spec.name]
    return names


def clashes(
    spec: UnitSpec, taken: dict[str, tuple[int, str, str]]
) -> list[tuple[str, str, str, str]]:
    """(text, its kind here, the unit already answering to it, its kind there) per clash."""
    found = []
    for name, kind in spec_names(spec):
        owner = taken.get(name)
        if owner is not None:
            found.append((name, kind, owner[1], owner[2]))
    return found


def clash_text(name: str, kind: str, owner: str, owner_kind: str) -> str:
    """One clash in a sentence (the first two wordings are those clerks already know)."""
    if kind == owner_kind == "name":
        return f"单位名称“{name}”已存在"
    there = "名称" if owner_kind == "name" else KIND_LABELS[owner_kind]
    if kind == "alias":
        return f"别名“{name}”已被其他单位使用（是“{owner}”的{there}）"
    return f"{KIND_LABELS[kind]}“{name}”已被其他单位使用（是“{owner}”的{there}）"
