"""What a 报送情况统计表 is made of: the rows as of a date, and the orders the sheets follow.

Plain Python (no openpyxl), so a service can build one without loading the Excel writer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.dates import format_cn
from tracker.domain.records import ObligationRow
from tracker.reports.figure_sheet import FigureSheet

# (done, total): called now and then while writing; raising from it cancels the export.
Progress = Callable[[int, int], None]
BOOK_TITLE = "报送情况统计表"


@dataclass(frozen=True, slots=True)
class RequirementColumn:
    requirement_id: int
    notice_id: int
    notice_label: str  # the doc number, else the notice title
    title: str
    deadline: date


@dataclass(frozen=True, slots=True)
class UnitLine:
    unit_id: int
    name: str
    category: str


@dataclass(frozen=True, slots=True)
class StatusBook:
    rows: Sequence[ObligationRow]
    as_of: date
    scope: str  # "全部通知", or the notices' doc numbers and titles
    author: str = ""
    office: str = ""  # 制表: the office that made the workbook (its pages' footer)
    categories: Sequence[str] = ()  # display order of unit categories
    title: str = BOOK_TITLE
    figures: FigureSheet | None = None  # the 关键数据 sheet, when the summaries gave figures

    def requirements(self) -> list[RequirementColumn]:
        """Requirements in the rows' order (newest notice first, then as the notice lists them)."""
        seen: dict[int, RequirementColumn] = {}
        for r in self.rows:
            if r.requirement_id not in seen:
                seen[r.requirement_id] = RequirementColumn(
                    r.requirement_id,
                    r.notice_id,
                    r.doc_number or r.notice_title,
                    r.requirement_title,
                    r.deadline,
                )
        return list(seen.values())

    def units(self) -> list[UnitLine]:
        """Units by category (in the roster's category order), then the roster's own order."""
        rank = {c: i for i, c in enumerate(self.categories)}
        keys: dict[int, tuple[int, int, int]] = {}
        lines: dict[int, UnitLine] = {}
        for r in self.rows:
            if r.unit_id not in lines:
                lines[r.unit_id] = UnitLine(r.unit_id, r.unit_name, r.category)
                keys[r.unit_id] = (rank.get(r.category, len(rank)), r.unit_sort, r.unit_id)
        return [lines[uid] for uid in sorted(lines, key=keys.__getitem__)]

    def category_order(self) -> list[str]:
        present = {r.category for r in self.rows}
        known = [c for c in self.categories if c in present]
        return known + sorted(present - set(known))

    @property
    def subtitle(self) -> str:
        return f"范围：{self.scope}    截至：{format_cn(self.as_of)}"
