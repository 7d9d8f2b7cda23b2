"""How an old Excel ledger maps onto ours: which column names the unit, and which columns
stand for which requirement (and which forms a mark there means)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
