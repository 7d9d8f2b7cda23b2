"""Importing an old Excel ledger: how its columns map onto ours (which column names the unit,
which columns stand for which requirement and which forms a mark there means), and the plan
of what the import would do, as plain records the window can show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form


@dataclass(frozen=True, slots=True)
class ColumnMap:
    column: int  # 1-based, as Excel counts (A = 1)
    requirement_id: int
    forms: Form = Form.NONE  # NONE: every form the requirement asks for


@dataclass(frozen=True, slots=True)
class LedgerMapping:
    sheet: str
    header_row: int  # the last header row; data starts below it
    unit_column: int
    columns: tuple[ColumnMap, ...]

    def check(self) -> None:
        problems = []
        if not self.columns:
            problems.append("请至少为一列指定对应的报送事项")
        used = [c.column for c in self.columns]
        if self.unit_column in used:
            problems.append(f"第{column_letter(self.unit_column)}列既是单位列又是报送事项列")
        dupes = sorted({c for c in used if used.count(c) > 1})
        if dupes:
            letters = "、".join(column_letter(c) for c in dupes)
            problems.append(f"第{letters}列被指定了多次")
        if problems:
            raise ValidationError("列的对应关系有误", problems)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int | None:
    """A → 1, aa → 27; None when ``letters`` is not a column name."""
    text = letters.strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", text):
        return None
    index = 0
    for ch in text:
        index = index * 26 + ord(ch) - ord("A") + 1
    return index


REGISTER, EXEMPT, SKIP = "登记", "免报", "跳过"
NO_DATE_DEADLINE = "未写日期，按时限登记"
NO_DATE_TODAY = "未写日期，时限未到，按今天登记"
MARK_ON_EXEMPT = "该单位此项已免报，原台账的标记未登记"


@dataclass(frozen=True, slots=True)
class PlannedEntry:
    row: int
    cell: str  # e.g. D5
    unit: str
    requirement: str  # 事项（文号）
    obligation_id: int
    action: str  # 登记 / 免报 / 跳过
    forms: Form
    day: date | None
    text: str  # the cell as the clerk wrote it
    note: str = ""


@dataclass(frozen=True, slots=True)
class LedgerImportPlan:
    source: str
    sheet: str
    entries: tuple[PlannedEntry, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]

    def count(self, action: str) -> int:
        return sum(1 for e in self.entries if e.action == action)

    @property
    def writes(self) -> int:
        return self.count(REGISTER) + self.count(EXEMPT)

    @property
    def summary(self) -> str:
        text = f"登记{self.count(REGISTER)}条、免报{self.count(EXEMPT)}条"
        on_exempt = sum(1 for e in self.entries if e.action == SKIP and e.note == MARK_ON_EXEMPT)
        if self.count(SKIP) - on_exempt:
            text += f"、已登记过跳过{self.count(SKIP) - on_exempt}条"
        if on_exempt:
            text += f"、已免报未登记{on_exempt}条"
        if self.problems:
            text += f"；有{len(self.problems)}处问题"
        return text
