"""What importing an old ledger would register: every cell read, every unit resolved, every
problem named by cell — before anything is written.

A mark without a date (✓, √, 已报) is registered on the requirement's deadline (counted as on
time: the old ledger says it arrived, not when), or today when the deadline is still ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import AmbiguousError, NotFoundError
from tracker.domain.forms import Form, format_forms
from tracker.domain.ledger_map import (
    EXEMPT,
    MARK_ON_EXEMPT,
    NO_DATE_DEADLINE,
    NO_DATE_TODAY,
    REGISTER,
    SKIP,
    ColumnMap,
    LedgerImportPlan,
    LedgerMapping,
    PlannedEntry,
    column_letter,
)
from tracker.domain.ledger_marks import Mark, MarkKind, read_mark
from tracker.domain.text import normalize_name
from tracker.reports.ledger_xlsx import SheetGrid
from tracker.services.units import find_unit
from tracker.store.models import Notice, Obligation, Requirement, Submission, Unit

__all__ = [  # the plan's records live in domain.ledger_map (the window shows them)
    "EXEMPT",
    "NO_DATE_DEADLINE",
    "NO_DATE_TODAY",
    "REGISTER",
    "SKIP",
    "LedgerImportPlan",
    "PlannedEntry",
    "Planner",
]
SUMMARY_WORDS = ("合计", "小计", "总计", "汇总", "说明", "备注", "注：", "注:", "填表")


@dataclass(frozen=True, slots=True)
class _Req:
    label: str
    title: str
    deadline: date
    forms: Form


@dataclass
class _Context:
    reqs: dict[int, _Req]
    obligations: dict[tuple[int, int], int]  # (unit id, requirement id) → obligation id
    received: dict[int, Form]  # every form ever registered, by obligation
    exempt: set[int]
    units: dict[str, Unit | str] = field(default_factory=dict)  # text → unit or the error


def _load(s: Session, mapping: LedgerMapping) -> _Context:
    ids = {c.requirement_id for c in mapping.columns}
    reqs = {
        r.id: _Req(f"{r.title}（{n.doc_number or n.title}）", r.title, r.deadline, Form(r.forms))
        for r, n in s.execute(
            select(Requirement, Notice).join(Notice).where(Requirement.id.in_(ids))
        ).all()
    }
    obligations: dict[tuple[int, int], int] = {}
    exempt: set[int] = set()
    for oid, uid, rid, reason in s.execute(
        select(
            Obligation.id, Obligation.unit_id, Obligation.requirement_id, Obligation.exempt_reason
        ).where(Obligation.requirement_id.in_(ids))
    ):
        obligations[uid, rid] = oid
        if reason is not None:
            exempt.add(oid)
    received: dict[int, Form] = {}
    for oid, forms in s.execute(
        select(Submission.obligation_id, Submission.forms)
        .join(Obligation)
        .where(Obligation.requirement_id.in_(ids))
    ):
        received[oid] = received.get(oid, Form.NONE) | Form(forms)
    return _Context(reqs, obligations, received, exempt)


class Planner:
    """Walks the data rows of one sheet under one mapping."""

    def __init__(self, s: Session, grid: SheetGrid, mapping: LedgerMapping) -> None:
        self.s = s
        self.grid = grid
        self.mapping = mapping
        self.ctx = _load(s, mapping)
        self.today = today()
        self.entries: list[PlannedEntry] = []
        self.problems: list[str] = []
        self.notes: list[str] = []

    def plan(self) -> LedgerImportPlan:
        missing = [c for c in self.mapping.columns if c.requirement_id not in self.ctx.reqs]
        if missing:
            self.problems.append("所选报送事项已不存在，请重新选择")
        else:
            for r in range(self.mapping.header_row + 1, self.grid.rows + 1):
                self._row(r)
        return LedgerImportPlan(
            self.grid.source,
            self.grid.sheet,
            tuple(self.entries),
            tuple(self.problems),
            tuple(self.notes),
        )

    def _row(self, r: int) -> None:
        unit_col = self.mapping.unit_column
        text = _clean(self.grid.value(r, unit_col))
        if self.grid.is_heading(r, unit_col):
            self.notes.append(f"第{r}行“{text}”是标题或说明行，已跳过")
            return
        label = self._summary_label(r)
        if label:
            self.notes.append(f"第{r}行“{label}”不是单位，已跳过")
            return
        content = [(c, m) for c in self.mapping.columns if (m := self._mark(r, c)).has_content]
        if not text:
            if content:
                where = "、".join(self._cell(r, c) for c, _ in content)
                self.problems.append(f"第{r}行没有单位名称，但{where}有内容")
            return
        unit = self._unit(text)
        if isinstance(unit, str):
            if content:
                self.problems.append(f"第{r}行：{unit}")
            else:
                self.notes.append(f"第{r}行“{text}”不是名录中的单位，且没有登记内容，已跳过")
            return
        for c, m in content:
            self._entry(r, unit, c, m)

    def _summary_label(self, r: int) -> str:
        """合计/小计/说明… anywhere left of the data: a line that is not a unit."""
        first = min([self.mapping.unit_column, *(c.column for c in self.mapping.columns)])
        for col in range(1, max(first, self.mapping.unit_column) + 1):
            text = _clean(self.grid.value(r, col))
            if text.startswith(SUMMARY_WORDS):
                return text
        return ""

    def _mark(self, r: int, c: ColumnMap) -> Mark:
        return read_mark(self.grid.value(r, c.column), self.ctx.reqs[c.requirement_id].deadline)

    def _cell(self, r: int, c: ColumnMap) -> str:
        return f"{column_letter(c.column)}{r}"

    def _unit(self, text: str) -> Unit | str:
        known = self.ctx.units.get(text)
        if known is None:
            try:
                known = find_unit(self.s, text)
            except (NotFoundError, AmbiguousError) as exc:
                known = str(exc)
            self.ctx.units[text] = known
        return known

    def _entry(self, r: int, unit: Unit, c: ColumnMap, mark: Mark) -> None:
        req = self.ctx.reqs[c.requirement_id]
        cell = self._cell(r, c)
        where = f"{cell}（{unit.name}·{req.title}）"
        oid = self.ctx.obligations.get((unit.id, c.requirement_id))
        if mark.kind is MarkKind.UNREADABLE:
            self.problems.append(
                f"{where}：无法识别“{mark.text}”，请写日期（如 6月25日）、✓、√、已报、免报，或留空"
            )
            return
        if oid is None:
            self.problems.append(f"{where}：该单位不在“{req.label}”的报送单位名单中")
            return
        base = PlannedEntry(r, cell, unit.name, req.label, oid, SKIP, Form.NONE, None, mark.text)
        if mark.kind is MarkKind.EXEMPT:
            self._exempt(base, oid)
        else:
            self._register(base, oid, req, c, mark)

    def _exempt(self, base: PlannedEntry, oid: int) -> None:
        if oid in self.ctx.exempt:
            self.entries.append(_with(base, note="已是免报，跳过"))
            return
        self.ctx.exempt.add(oid)
        self.entries.append(_with(base, action=EXEMPT, note="原台账标注免报"))

    def _register(self, base: PlannedEntry, oid: int, req: _Req, c: ColumnMap, m: Mark) -> None:
        if oid in self.ctx.exempt:  # a mark cannot undo a 免报: the clerk revokes it first
            self.entries.append(_with(base, day=m.day, note=MARK_ON_EXEMPT))
            return
        forms = c.forms or req.forms or Form.ELECTRONIC
        day, note = m.day, ""
        if day is None:
            day = min(req.deadline, self.today)
            note = NO_DATE_DEADLINE if day == req.deadline else NO_DATE_TODAY
        if day > self.today:
            self.problems.append(f"{base.cell}（{base.unit}）：日期{format_cn(day)}晚于今天")
            return
        new = Form(forms & ~self.ctx.received.get(oid, Form.NONE))
        if not new:
            skip = _with(base, forms=forms, day=day, note=f"{format_forms(forms)}已登记过，跳过")
            self.entries.append(skip)
            return
        self.ctx.received[oid] = self.ctx.received.get(oid, Form.NONE) | new
        self.entries.append(_with(base, action=REGISTER, forms=new, day=day, note=note))


def _with(base: PlannedEntry, **changes: object) -> PlannedEntry:
    return replace(base, **changes)  # type: ignore[arg-type]


def _clean(value: object) -> str:
    return normalize_name(value) if value is not None else ""
