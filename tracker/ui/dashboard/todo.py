"""The dashboard's guidance tables: 今日待办 (the step to take, a click does it) and each unit's
red / amber / green."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from tracker.domain.ladder import Step
from tracker.domain.status import NEEDS_ACTION, OPEN
from tracker.domain.today import Light, TodoItem, UnitLight
from tracker.ui.common.table import LEFT, RIGHT, Column
from tracker.ui.dashboard.models import DrillModel
from tracker.ui.ledger.filtering import LedgerFilter

NEEDS_ACTION_SET = frozenset(NEEDS_ACTION)
_STEP_COLOURS = {
    Step.BULLETIN: "#9c0006",
    Step.LETTER: "#8a4500",
    Step.PHONE: "#1a5fb4",
    Step.QUEUED: "#6a1b9a",
}


class TodoModel(DrillModel[TodoItem]):
    """One line per step to take; the 建议 cell is the button (``step_at``)."""

    COL_ACTION, COL_WHAT, COL_REASON, COL_COUNT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("建议", lambda t: t.action, width_chars=5),
            Column("事项与单位", lambda t: t.what, width_chars=20),
            Column("情况", lambda t: t.reason, width_chars=12),
            Column("家数", lambda t: str(len(t.units)), lambda t: len(t.units), RIGHT, 3),
        )
        self.drills = {self.COL_COUNT: _todo_filter}
        self._bold = QFont()
        self._bold.setBold(True)
        self._bold.setUnderline(True)

    def drill_selection(self, row: int, column: int) -> frozenset[int]:
        """The line's own units, selected among the rows its 家数 opens: a 生成通报 line
        opens its notice's overdue rows, of which only the listed ones are its 家数."""
        if column != self.COL_COUNT or not 0 <= row < len(self.rows):
            return frozenset()
        return frozenset(self.rows[row].obligation_ids)

    def cell_data(self, row: TodoItem, column: int, role: int) -> Any:
        if column == self.COL_ACTION:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(_STEP_COLOURS.get(row.step or Step.PHONE, "#1a5fb4")))
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                if row.step is Step.QUEUED:
                    return f"点击生成该通知的上报情况通报，点名：{'、'.join(row.units)}"
                return f"点击{row.action}：{'、'.join(row.units)}"
        if column == self.COL_WHAT and role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.doc_number} {row.requirement_title}：{'、'.join(row.units)}"
        return super().cell_data(row, column, role)

    def step_at(self, row: int) -> tuple[Step, tuple[int, ...]] | None:
        """What a click on the 建议 cell of ``row`` does: the step (电话提醒 is a phone
        reminder) and the obligations it concerns."""
        if not 0 <= row < len(self.rows):
            return None
        item = self.rows[row]
        return item.step or Step.PHONE, item.obligation_ids


def _todo_filter(t: TodoItem) -> LedgerFilter:
    """The grid rows behind a 今日待办 line's 家数 (a 通报 line stands for its whole notice)."""
    if t.step is Step.QUEUED:
        return LedgerFilter(notice_id=t.notice_id, statuses=NEEDS_ACTION_SET)
    statuses = NEEDS_ACTION_SET if t.step is not None else OPEN
    return LedgerFilter(requirement_id=t.requirement_id, statuses=statuses)


class UnitLightModel(DrillModel[UnitLight]):
    COL_LIGHT, COL_UNIT, COL_CATEGORY, COL_OPEN, COL_LATE, COL_BULLETIN = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            # Narrow: the whole table fits its pane at 1366 px, 通报 included.
            Column("", lambda u: u.light.label, width_chars=2),
            Column("单位", lambda u: u.short_name, width_chars=6.5),
            Column("类别", lambda u: u.category, width_chars=3.5),
            Column("未齐", lambda u: str(u.open), lambda u: u.open, RIGHT, 2),
            Column("逾期", lambda u: str(u.late), lambda u: u.late, RIGHT, 2),
            Column("通报", lambda u: "已列入" if u.queued else "", lambda u: u.queued, LEFT, 3),
        )
        self.drills = {
            self.COL_LATE: lambda u: LedgerFilter(text=u.unit_name, statuses=NEEDS_ACTION_SET),
            self.COL_OPEN: lambda u: LedgerFilter(text=u.unit_name, statuses=OPEN),
        }

    def cell_data(self, row: UnitLight, column: int, role: int) -> Any:
        if column == self.COL_LIGHT and row.light is not Light.NONE:
            if role == Qt.ItemDataRole.BackgroundRole:
                return light_brush(row.light)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#ffffff" if row.light is not Light.AMBER else "#000000"))
        if column == self.COL_UNIT and role == Qt.ItemDataRole.ToolTipRole:
            return row.unit_name
        if column == self.COL_BULLETIN and row.queued:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(_STEP_COLOURS[Step.QUEUED]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"已列入下次通报{row.queued}项，印发通报时点名"
        return super().cell_data(row, column, role)


def light_brush(light: Light) -> QBrush:
    return QBrush(QColor(light.colour))
