"""单位名录: units, their aliases and categories; resolving what a clerk types to one unit."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import AmbiguousError, ConflictError, NotFoundError, ValidationError
from tracker.domain.limits import CATEGORY_LIMIT, unit_problems
from tracker.domain.records import DEFAULT_CATEGORIES, Change, UnitRecord, UnitSpec
from tracker.domain.text import normalize_name
from tracker.services import audit
from tracker.services.unit_names import clash_text, clashes, lock_names, taken_names
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import Category, Unit, UnitAlias
from tracker.store.time import now

UNIT_FIELDS = (
    "name",
    "category",
    "short_name",
    "contact_person",
    "phone",
    "email",
    "address",
    "sort_order",
    "active",
)


def unit_record(unit: Unit) -> UnitRecord:
    return UnitRecord(
        id=unit.id,
        name=unit.name,
        category=unit.category,
        short_name=unit.short_name,
        aliases=tuple(a.alias for a in unit.aliases),
        contact_person=unit.contact_person,
        phone=unit.phone,
        email=unit.email,
        address=unit.address,
        sort_order=unit.sort_order,
        active=unit.active,
        version=unit.version,
    )


def unit_snapshot(unit: Unit) -> dict[str, object]:
    data: dict[str, object] = {f: getattr(unit, f) for f in UNIT_FIELDS}
    data["aliases"] = [a.alias for a in unit.aliases]
    return data


def clean_spec(spec: UnitSpec) -> UnitSpec:
    return replace(
        spec,
        name=normalize_name(spec.name),
        category=normalize_name(spec.category),
        short_name=normalize_name(spec.short_name),
        aliases=tuple(a for a in (normalize_name(x) for x in spec.aliases) if a),
        contact_person=normalize_name(spec.contact_person),
        phone=normalize_name(spec.phone),
        email=normalize_name(spec.email),
        address=normalize_name(spec.address),
    )


def ensure_default_categories(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(Category)):
        return
    for i, name in enumerate(DEFAULT_CATEGORIES):
        session.add(Category(name=name, sort_order=i))
    session.flush()


def find_unit(session: Session, text: str, *, include_inactive: bool = True) -> Unit:
    """The one unit whose name, short name or alias is ``text`` (normalised), else a
    unique unit whose name contains it."""
    key = normalize_name(text)
    if not key:
        raise ValidationError("请填写单位名称")
    stmt = select(Unit).options(selectinload(Unit.aliases))
    exact = session.scalars(stmt.where(Unit.name == key)).first()
    if exact is not None:
        return exact
    by_alias = session.scalars(stmt.join(UnitAlias).where(UnitAlias.alias == key)).first()
    if by_alias is not None:
        return by_alias
    candidates = list(session.scalars(stmt.where(Unit.short_name == key)).all())
    if not candidates:
        candidates = list(session.scalars(stmt.where(Unit.name.contains(key))).all())
    if not include_inactive:
        candidates = [u for u in candidates if u.active]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(f"找不到单位“{key}”（可用全称、简称或别名）")
    names = "、".join(u.name for u in candidates[:8])
    raise AmbiguousError(f"“{key}”对应多个单位：{names}，请写全称")


class UnitService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- categories ----------------------------------------------------------------------
    def categories(self) -> list[str]:
        with self.ws.reading() as s:
            return list(s.scalars(select(Category.name).order_by(Category.sort_order)).all())

    @retry_races
    def add_category(self, name: str) -> Change:
        key = normalize_name(name)
        if not key:
            raise ValidationError("类别名称不能为空")
        if len(key) > CATEGORY_LIMIT:
            raise ValidationError(f"类别名称过长（{len(key)}个字，最多{CATEGORY_LIMIT}个字）")
        with self.ws.transaction() as s:
            if s.get(Category, key) is not None:
                raise ValidationError(f"类别“{key}”已存在")
            top = s.scalar(select(func.max(Category.sort_order))) or 0
            s.add(Category(name=key, sort_order=top + 1))
            aid = audit.record(
                s,
                user=self.ws.user,
                action="category.create",
                entity="category",
                entity_id=None,
                summary=f"新增类别“{key}”",
                after={"name": key},
            )
        self.ws.announce(Changes.of(Topic.UNITS))
        return Change((aid,), f"新增类别“{key}”")

    # -- reading -------------------------------------------------------------------------
    def list_units(self, *, include_inactive: bool = True) -> list[UnitRecord]:
        stmt = (
            select(Unit)
            .options(selectinload(Unit.aliases))
            .join(Category, Category.name == Unit.category)
            .order_by(Category.sort_order, Unit.sort_order, Unit.id)
        )
        if not include_inactive:
            stmt = stmt.where(Unit.active.is_(True))
        with self.ws.reading() as s:
            return [unit_record(u) for u in s.scalars(stmt).all()]

    def get(self, unit_id: int) -> UnitRecord:
        with self.ws.reading() as s:
            unit = s.get(Unit, unit_id)
            if unit is None:
                raise NotFoundError(f"单位（编号 {unit_id}）不存在")
            return unit_record(unit)

    def resolve(self, text: str) -> UnitRecord:
        with self.ws.reading() as s:
            return unit_record(find_unit(s, text))

    # -- writing -------------------------------------------------------------------------
    @retry_races
    def save(
        self, spec: UnitSpec, unit_id: int | None = None, expected_version: int | None = None
    ) -> Change:
        """Create a unit, or update ``unit_id`` (refused if someone changed it meanwhile)."""
        spec = clean_spec(spec)
        try:
            with self.ws.transaction() as s:
                aid, summary = self._save(s, spec, unit_id, expected_version)
        except StaleDataError:
            raise ConflictError("该单位已被他人修改，请刷新后重试") from None
        self.ws.announce(Changes.of(Topic.UNITS))
        return Change((aid,), summary)

    def _save(
        self, s: Session, spec: UnitSpec, unit_id: int | None, expected_version: int | None
    ) -> tuple[int, str]:
        problems = validate_unit(s, spec, unit_id)
        if problems:
            raise ValidationError("单位信息有误", problems)
        if unit_id is None:
            unit = Unit(created_at=now())
            s.add(unit)
            before = None
        else:
            found = s.get(Unit, unit_id)
            if found is None:
                raise NotFoundError(f"单位（编号 {unit_id}）不存在")
            unit = found
            if expected_version is not None and unit.version != expected_version:
                raise ConflictError(f"单位“{unit.name}”已被他人修改，请刷新后重试")
            before = unit_snapshot(unit)
        apply_spec(unit, spec)
        s.flush()
        action = "unit.create" if before is None else "unit.update"
        summary = f"{'新增' if before is None else '修改'}单位“{unit.name}”"
        aid = audit.record(
            s,
            user=self.ws.user,
            action=action,
            entity="unit",
            entity_id=unit.id,
            summary=summary,
            before=before,
            after=unit_snapshot(unit),
        )
        return aid, summary

    def set_active(self, unit_id: int, active: bool) -> Change:
        """Deactivate (never delete: history stays) or reactivate a unit."""
        with self.ws.transaction() as s:
            unit = s.get(Unit, unit_id)
            if unit is None:
                raise NotFoundError(f"单位（编号 {unit_id}）不存在")
            before = unit_snapshot(unit)
            unit.active = active
            verb = "启用" if active else "停用"
            summary = f"{verb}单位“{unit.name}”"
            aid = audit.record(
                s,
                user=self.ws.user,
                action=f"unit.{'activate' if active else 'deactivate'}",
                entity="unit",
                entity_id=unit.id,
                summary=summary,
                before=before,
                after=unit_snapshot(unit),
            )
        self.ws.announce(Changes.of(Topic.UNITS))
        return Change((aid,), summary)


def apply_spec(unit: Unit, spec: UnitSpec) -> None:
    for field_name in UNIT_FIELDS:
        setattr(unit, field_name, getattr(spec, field_name))
    current = {a.alias: a for a in unit.aliases}
    wanted = [a for a in spec.aliases if a != spec.name]
    unit.aliases = [current.get(a) or UnitAlias(alias=a) for a in dict.fromkeys(wanted)]


def validate_unit(s: Session, spec: UnitSpec, unit_id: int | None) -> list[str]:
    problems: list[str] = unit_problems(spec)
    if not spec.name:
        problems.append("单位名称不能为空")
    if not spec.category:
        problems.append("类别不能为空")
    elif s.get(Category, spec.category) is None:
        known = "、".join(s.scalars(select(Category.name).order_by(Category.sort_order)))
        problems.append(f"未知类别“{spec.category}”（已有：{known}）")
    lock_names(s)
    problems += [clash_text(*c) for c in clashes(spec, taken_names(s, except_unit=unit_id))]
    return problems
