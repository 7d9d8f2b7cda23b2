"""Importing a roster workbook: a preview of what would change, then all of it or nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import ValidationError
from tracker.domain.limits import unit_problems
from tracker.domain.records import Change, UnitSpec
from tracker.reports.roster_xlsx import RosterFile, read_roster
from tracker.services import audit
from tracker.services.unit_names import clashes, lock_names, spec_names, taken_names
from tracker.services.units import apply_spec, unit_snapshot
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import Category, Unit
from tracker.store.time import now

# Workbook column → UnitSpec field; a column absent from the file leaves that field alone.
COLUMN_FIELDS = {
    "简称": "short_name",
    "别名": "aliases",
    "联系人": "contact_person",
    "电话": "phone",
    "邮箱": "email",
    "通讯地址": "address",
    "排序": "sort_order",
    "状态": "active",
}
FIELD_LABELS = {"name": "单位名称", "category": "类别", **{v: k for k, v in COLUMN_FIELDS.items()}}


class NewCategoriesError(ValidationError):
    """The roster names categories the workspace does not have, and adding them was not
    confirmed."""

    def __init__(self, categories: tuple[str, ...]) -> None:
        super().__init__(
            f"名录中有未知类别：{'、'.join(categories)}，未导入任何内容。"
            "请先在单位名录中新增这些类别，或确认导入时一并新增"
        )
        self.categories = categories


@dataclass(frozen=True, slots=True)
class UnitChange:
    row: int
    name: str
    kind: str  # 新增 / 更新 / 不变
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportPlan:
    source: str
    changes: tuple[UnitChange, ...]
    new_categories: tuple[str, ...]
    notes: tuple[str, ...]

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def summary(self) -> str:
        added, updated, same = (self.count(k) for k in ("新增", "更新", "不变"))
        text = f"新增{added}个、更新{updated}个、不变{same}个单位"
        if self.new_categories:
            text += f"；新类别：{'、'.join(self.new_categories)}"
        return text


_COLUMN_OF = {"name": "单位名称", "short": "简称", "alias": "别名"}


def _clashes(
    row: int,
    spec: UnitSpec,
    taken: dict[str, tuple[int, str, str]],
    claimed: dict[str, tuple[int, str, str]],
) -> list[str]:
    """Names, short names and aliases a row would share with another unit (of the file or of
    the roster left as it is); the row's claims are noted for the rows after it."""
    found = []
    for name, kind, owner, _owner_kind in clashes(spec, {**taken, **claimed}):
        if owner != spec.name:
            found.append(f"第{row}行“{_COLUMN_OF[kind]}”列：“{name}”已属于“{owner}”")
    for name, kind in spec_names(spec):
        claimed.setdefault(name, (0, spec.name, kind))
    return found


def _release_moved_aliases(s: Session, specs: list[tuple[Unit | None, UnitSpec]]) -> None:
    """An alias the file moves from one unit to another is let go first: the database sees
    the removal before the new owner's row (unit_aliases.alias is unique)."""
    wanted = {a: spec.name for _unit, spec in specs for a in spec.aliases}
    released = False
    for unit, spec in specs:
        if unit is None:
            continue
        for alias in list(unit.aliases):
            if wanted.get(alias.alias, spec.name) != spec.name:
                unit.aliases.remove(alias)
                released = True
    if released:
        s.flush()


def _merged_spec(unit: Unit | None, spec: UnitSpec, columns: frozenset[str]) -> UnitSpec:
    if unit is None:
        return spec
    keep = {f: getattr(unit, f) for c, f in COLUMN_FIELDS.items() if c not in columns}
    if "aliases" in keep:
        keep["aliases"] = tuple(a.alias for a in unit.aliases)
    return replace(spec, **keep)


def _describe(before: dict[str, object], after: dict[str, object]) -> tuple[str, ...]:
    out = []
    for key, old in before.items():
        new = after.get(key)
        if isinstance(old, list | tuple):
            old, new = "、".join(map(str, old)), "、".join(map(str, new or ()))  # type: ignore[call-overload]
        if old != new:
            out.append(f"{FIELD_LABELS.get(key, key)}：{old or '（空）'} → {new or '（空）'}")
    return tuple(out)


def _spec_snapshot(spec: UnitSpec) -> dict[str, object]:
    return {
        "name": spec.name,
        "category": spec.category,
        "short_name": spec.short_name,
        "contact_person": spec.contact_person,
        "phone": spec.phone,
        "email": spec.email,
        "address": spec.address,
        "sort_order": spec.sort_order,
        "active": spec.active,
        "aliases": list(spec.aliases),
    }


class RosterImport:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def preview(self, path: Path) -> ImportPlan:
        roster = read_roster(path)
        with self.ws.reading() as s:
            plan, _ = self._plan(s, roster, Path(path).name)
        return plan

    @retry_races
    def apply(self, path: Path, *, allow_new_categories: bool = False) -> tuple[ImportPlan, Change]:
        """Import the whole file in one transaction, or nothing at all."""
        roster = read_roster(path)
        with self.ws.transaction() as s:
            lock_names(s)  # two clerks importing at once take turns (PostgreSQL)
            plan, specs = self._plan(s, roster, Path(path).name)
            if plan.new_categories and not allow_new_categories:
                raise NewCategoriesError(plan.new_categories)
            aid = self._write(s, plan, specs)
        self.ws.announce(Changes.of(Topic.UNITS))
        return plan, Change((aid,), f"导入单位名录：{plan.summary}")

    def _plan(
        self, s: Session, roster: RosterFile, source: str
    ) -> tuple[ImportPlan, list[tuple[Unit | None, UnitSpec]]]:
        units = {u.name: u for u in s.scalars(select(Unit).options(selectinload(Unit.aliases)))}
        known_categories = set(s.scalars(select(Category.name)))
        listed = {row.spec.name for row in roster.rows}
        # The file is authoritative for the units it lists; the others keep their names.
        taken = {k: v for k, v in taken_names(s).items() if v[1] not in listed}
        problems: list[str] = []
        changes: list[UnitChange] = []
        specs: list[tuple[Unit | None, UnitSpec]] = []
        new_categories: list[str] = []
        claimed: dict[str, tuple[int, str, str]] = {}
        for row in roster.rows:
            unit = units.get(row.spec.name)
            spec = _merged_spec(unit, row.spec, roster.columns)
            problems += [f"第{row.row}行：{p}" for p in unit_problems(spec)]
            if spec.category not in known_categories and spec.category not in new_categories:
                new_categories.append(spec.category)
            problems += _clashes(row.row, spec, taken, claimed)
            after = _spec_snapshot(spec)
            if unit is None:
                changes.append(UnitChange(row.row, spec.name, "新增"))
            else:
                details = _describe(unit_snapshot(unit), after)
                changes.append(
                    UnitChange(row.row, spec.name, "更新" if details else "不变", details)
                )
            specs.append((unit, spec))
        if problems:
            raise ValidationError(f"单位名录“{source}”有误，未导入任何内容", problems)
        plan = ImportPlan(source, tuple(changes), tuple(new_categories), tuple(roster.notes))
        return plan, specs

    def _write(
        self, s: Session, plan: ImportPlan, specs: list[tuple[Unit | None, UnitSpec]]
    ) -> int:
        top = len(list(s.scalars(select(Category.name))))
        for i, name in enumerate(plan.new_categories):
            s.add(Category(name=name, sort_order=top + i))
        s.flush()
        _release_moved_aliases(s, specs)
        for unit, spec in specs:
            if unit is None:
                unit = Unit(created_at=now())
                s.add(unit)
            apply_spec(unit, spec)
        s.flush()
        return audit.record(
            s,
            user=self.ws.user,
            action="unit.import",
            entity="unit",
            entity_id=None,
            summary=f"导入单位名录“{plan.source}”：{plan.summary}",
            after={
                "changes": [
                    [c.row, c.name, c.kind, list(c.details)]
                    for c in plan.changes
                    if c.kind != "不变"
                ]
            },
        )
