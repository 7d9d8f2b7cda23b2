"""Writing a notice spec onto the tables: validation, requirements, and who owes what."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form, format_forms
from tracker.domain.limits import REQUIREMENTS_LIMIT, notice_problems
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.domain.text import normalize_name, normalize_text
from tracker.services.units import find_unit
from tracker.store.models import (
    Category,
    Notice,
    NoticeContact,
    Obligation,
    Reminder,
    Requirement,
    Submission,
    Unit,
)


def notice_snapshot(n: Notice) -> dict[str, object]:
    return {
        "doc_number": n.doc_number,
        "title": n.title,
        "issuer": n.issuer,
        "issued_on": n.issued_on,
        "theme": n.theme,
        "contacts": [[c.name, c.phone, c.email] for c in n.contacts],
        "requirements": [
            {
                "title": r.title,
                "deadline": r.deadline,
                "forms": format_forms(r.forms),
                "categories": r.categories,
            }
            for r in n.requirements
        ],
    }


def validate_notice(s: Session, spec: NoticeSpec, notice_id: int | None = None) -> None:
    problems: list[str] = notice_problems(spec)
    if len(spec.requirements) > REQUIREMENTS_LIMIT:
        raise ValidationError("通知内容有误，未保存", problems)
    if not normalize_name(spec.title):
        problems.append("通知标题不能为空")
    doc = normalize_name(spec.doc_number)
    if doc:
        clash = s.scalar(select(Notice.id).where(Notice.doc_number == doc))
        if clash is not None and clash != notice_id:
            problems.append(f"文号“{doc}”已存在")
    if not spec.requirements:
        problems.append("至少需要一个报送事项")
    known = set(s.scalars(select(Category.name)))
    titles: set[str] = set()
    for i, req in enumerate(spec.requirements, start=1):
        problems.extend(_requirement_problems(s, spec, req, i, known, titles))
    if problems:
        raise ValidationError("通知内容有误，未保存", problems)


def _requirement_problems(
    s: Session, spec: NoticeSpec, req: RequirementSpec, i: int, known: set[str], titles: set[str]
) -> list[str]:
    out: list[str] = []
    title = normalize_name(req.title)
    label = f"第{i}个报送事项“{title}”" if title else f"第{i}个报送事项"
    if not title:
        out.append(f"{label}：名称不能为空")
    elif title in titles:
        out.append(f"{label}：与前面的事项重名")
    titles.add(title)
    if spec.issued_on and req.deadline < spec.issued_on:
        out.append(f"{label}：报送时限 {req.deadline} 早于发文日期 {spec.issued_on}")
    if req.forms == Form.NONE:
        out.append(f"{label}：请至少选择一种报送形式")
    for cat in req.categories:
        if cat not in known:
            out.append(f"{label}：未知类别“{cat}”")
    for name in req.units:
        try:
            unit = find_unit(s, name)
        except TrackerError as exc:
            out.append(f"{label}：{exc}")
            continue
        if not unit.active:
            out.append(f"{label}：单位“{unit.name}”已停用")
    if not req.categories and not req.units:
        out.append(f"{label}：没有指定报送单位（类别或单位名单）")
    return out


def desired_units(s: Session, req: RequirementSpec) -> set[int]:
    ids: set[int] = set()
    if req.categories:
        stmt = select(Unit.id).where(Unit.category.in_(req.categories), Unit.active.is_(True))
        ids.update(s.scalars(stmt))
    ids.update(find_unit(s, name).id for name in req.units)
    return ids


def _has_history(s: Session, obligation_ids: list[int]) -> set[int]:
    if not obligation_ids:
        return set()
    subs = select(Submission.obligation_id).where(Submission.obligation_id.in_(obligation_ids))
    rems = select(Reminder.obligation_id).where(Reminder.obligation_id.in_(obligation_ids))
    flagged = select(Obligation.id).where(
        Obligation.id.in_(obligation_ids),
        (Obligation.exempt_reason.is_not(None)) | (Obligation.extended_to.is_not(None)),
    )
    return set(s.scalars(subs)) | set(s.scalars(rems)) | set(s.scalars(flagged))


def sync_obligations(s: Session, requirement: Requirement, wanted: set[int]) -> int:
    """Make the requirement's obligations match ``wanted`` unit ids; returns how many were added.

    Obligations of deactivated units are history and stay. An obligation with submissions,
    reminders, an exemption or an extension is never removed silently: that is an error.
    """
    current = {o.unit_id: o for o in requirement.obligations}
    for unit_id in wanted - current.keys():
        requirement.obligations.append(Obligation(unit_id=unit_id))
    drop = [o for uid, o in current.items() if uid not in wanted]
    active = set(s.scalars(select(Unit.id).where(Unit.active.is_(True)))) if drop else set()
    drop = [o for o in drop if o.unit_id in active]
    busy = _has_history(s, [o.id for o in drop])
    if busy:
        names = "、".join(o.unit.name for o in drop if o.id in busy)
        raise ValidationError(
            f"报送事项“{requirement.title}”中，{names}已有报送、催报、免报或延期记录，不能移出"
        )
    for o in drop:
        requirement.obligations.remove(o)
    return len(wanted - current.keys())


def sync_requirements(s: Session, notice: Notice, spec: NoticeSpec) -> int:
    notice.doc_number = normalize_name(spec.doc_number)
    notice.title = normalize_name(spec.title)
    notice.issuer = normalize_name(spec.issuer)
    notice.issued_on = spec.issued_on
    notice.theme = normalize_name(spec.theme)
    notice.body_note = normalize_text(spec.body_note)
    notice.contacts = [
        NoticeContact(
            position=i,
            name=normalize_name(c.name),
            phone=normalize_name(c.phone),
            email=normalize_name(c.email),
        )
        for i, c in enumerate(spec.contacts)
    ]
    existing = {r.id: r for r in notice.requirements}
    keep_ids = {r.id for r in spec.requirements if r.id is not None}
    for rid, req in existing.items():
        if rid not in keep_ids:
            if _has_history(s, [o.id for o in req.obligations]):
                raise ValidationError(f"报送事项“{req.title}”已有登记记录，不能删除")
            notice.requirements.remove(req)
    added = 0
    for position, rspec in enumerate(spec.requirements):
        found = existing.get(rspec.id) if rspec.id is not None else None
        if rspec.id is not None and found is None:
            raise TrackerError(f"报送事项（编号 {rspec.id}）不属于该通知")
        req = found or Requirement()
        if found is None:
            notice.requirements.append(req)
        req.position = position
        req.title = normalize_name(rspec.title)
        req.deadline = rspec.deadline
        req.forms = int(rspec.forms)
        req.categories = "、".join(rspec.categories)
        req.note = normalize_text(rspec.note)
        s.flush()
        added += sync_obligations(s, req, desired_units(s, rspec))
    s.flush()
    return added


def obligation_count(s: Session, notice_id: int) -> int:
    stmt = (
        select(func.count())
        .select_from(Obligation)
        .join(Requirement)
        .where(Requirement.notice_id == notice_id)
    )
    return int(s.scalar(stmt) or 0)
