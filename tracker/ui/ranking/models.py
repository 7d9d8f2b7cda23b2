"""Table models of the 排名 page and a unit's history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from tracker.domain.dates import format_cn
from tracker.domain.history import HistoryEntry, YearRecord
from tracker.domain.ranking import Figures, UnitRank, days_text, percent
from tracker.ui.common.table import CENTER, DATE_SAMPLE, RIGHT, TOOLTIP_ONLY, Column, RowTableModel

_NONE_LAST = 10**9


class HasFigures(Protocol):
    @property
    def figures(self) -> Figures: ...


def _count(title: str, get: Callable[[Figures], int], chars: float = 4) -> Column[Any]:
    return Column(title, lambda r: str(get(r.figures)), lambda r: get(r.figures), RIGHT, chars)


def _share(title: str, get: Callable[[Figures], float | None]) -> Column[Any]:
    def key(r: HasFigures) -> float:
        value = get(r.figures)
        return -1.0 if value is None else value

    return Column(title, lambda r: percent(get(r.figures)), key, RIGHT, 4)


def figure_columns() -> tuple[Column[Any], ...]:
    """应报 … 催报次数, read from a row's ``figures`` (the ranking's and a year's alike)."""

    def days(r: HasFigures) -> float:
        value = r.figures.days_late_avg
        return -1.0 if value is None else value

    return (
        _count("应报", lambda f: f.due, 3),
        _count("按时", lambda f: f.on_time, 3),
        _count("逾期补报", lambda f: f.late),
        _count("未报/部分", lambda f: f.missing, 4.5),
        _count("免报", lambda f: f.exempt, 3),
        _count("未到期", lambda f: f.pending, 3.5),
        _share("上报率", lambda f: f.rate),
        _share("按时率", lambda f: f.on_time_rate),
        Column("平均逾期天数", lambda r: days_text(r.figures.days_late_avg), days, RIGHT, 6),
        _count("催报次数", lambda f: f.reminders),
    )


class RankingModel(RowTableModel[UnitRank]):
    extra_roles = TOOLTIP_ONLY
    COL_RANK, COL_UNIT, COL_CATEGORY = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("名次", lambda r: "" if r.rank is None else str(r.rank),
                   lambda r: _NONE_LAST if r.rank is None else r.rank, CENTER, 3),
            Column("单位", lambda r: r.unit, width_chars=14),
            Column("类别", lambda r: r.category, width_chars=5),
            *figure_columns(),
        )  # fmt: skip


class YearModel(RowTableModel[YearRecord]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("年度", lambda y: f"{y.year}年", lambda y: y.year, width_chars=4),
            *figure_columns(),
            Column("类别内名次", lambda y: f"{y.rank}/{y.ranked}" if y.rank else "—",
                   lambda y: y.rank or _NONE_LAST, CENTER, 5),
        )  # fmt: skip


class HistoryModel(RowTableModel[HistoryEntry]):
    extra_roles = TOOLTIP_ONLY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("通知", lambda e: e.row.doc_number or e.row.notice_title, width_chars=15),
            Column("报送事项", lambda e: e.row.requirement_title, width_chars=9),
            Column("时限", _deadline, lambda e: e.row.effective_deadline, sample=DATE_SAMPLE),
            Column("状态", lambda e: e.row.status.label, width_chars=5),
            Column("逾期天数", lambda e: str(e.row.days_overdue or ""),
                   lambda e: e.row.days_overdue, RIGHT, 4),
            Column("催报", lambda e: str(e.row.reminders or ""), lambda e: e.row.reminders,
                   RIGHT, 3),
            Column("收到日期", lambda e: format_cn(e.received_on),
                   lambda e: e.received_on.toordinal() if e.received_on else 0, sample=DATE_SAMPLE),
            Column("文件", lambda e: "、".join(e.file_names), width_chars=14),
            Column("已通报", lambda e: e.named_text, width_chars=14),
        )  # fmt: skip


def _deadline(e: HistoryEntry) -> str:
    text = format_cn(e.row.effective_deadline)
    return text + "（延期）" if e.row.extended_to else text
