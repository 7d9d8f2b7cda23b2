"""The dashboard's tables. Each number cell knows the grid filter it stands for (``drill``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from tracker.domain.dates import format_cn
from tracker.domain.overview import CategoryOverdue, RequirementProgress, UpcomingDeadline
from tracker.domain.status import DONE, OPEN, Status
from tracker.domain.tally import Tally
from tracker.domain.today import Light
from tracker.ui.common.table import CENTER, COLOUR_ROLES, DATE_SAMPLE, RIGHT, Column, RowTableModel
from tracker.ui.ledger.filtering import LedgerFilter

R = TypeVar("R")
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3  # the progress bar's colour (red / amber / green)
Drill = Callable[[Any], LedgerFilter]


class DrillModel(RowTableModel[R]):
    """Number cells with a drill filter look like links; ``drill(row, column)`` gives it."""

    drills: dict[int, Drill] = {}  # noqa: RUF012 - set per instance
    extra_roles = COLOUR_ROLES | {Qt.ItemDataRole.FontRole, PROGRESS_ROLE, LIGHT_ROLE}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link = QBrush(QColor("#1a5fb4"))
        self._link_font = QFont()
        self._link_font.setUnderline(True)

    def drill(self, row: int, column: int) -> LedgerFilter | None:
        make = self.drills.get(column)
        if make is None or not (0 <= row < len(self.rows)):
            return None
        return make(self.rows[row])

    def drill_selection(self, row: int, column: int) -> frozenset[int]:
        """The obligations to select among the rows ``drill`` shows (none: the filter says
        it all)."""
        del row, column
        return frozenset()

    def cell_data(self, row: R, column: int, role: int) -> Any:
        if column in self.drills:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._link
            if role == Qt.ItemDataRole.FontRole:
                return self._link_font
            if role == Qt.ItemDataRole.ToolTipRole:
                return "点击查看明细"
        return None


def _rate_key(p: RequirementProgress) -> float:
    rate = p.tally.rate
    return -1.0 if rate is None else rate


def rate_tip(t: Tally) -> str:
    """What the rate counts: only items already due; those not yet due are named apart."""
    text = f"上报率只计已到期的事项：已到期应报{t.due}，已报齐{t.due_sent}"
    if t.not_due:
        text += f"；未到期{t.not_due}（已提前报送{t.not_due_sent}），不计入上报率"
    return text


def _count(n: int) -> str:
    return str(n)


class UpcomingModel(DrillModel[UpcomingDeadline]):
    """The deadlines coming up. Narrow enough for its pane at 1366 px: 延期 and the holiday share
    one 说明 column, and 通知 comes last, taking what width is left (elided, whole in its
    tooltip)."""

    COL_DUE, COL_FLAG, COL_LEFT, COL_TITLE, COL_DUE_COUNT, COL_DONE, COL_OPEN, COL_NOTICE = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("截止日期", lambda u: format_cn(u.due), lambda u: u.due, sample=DATE_SAMPLE),
            Column("说明", upcoming_note, width_chars=5.5),
            Column(
                "剩余工作日",
                lambda u: str(u.workdays_left),
                lambda u: u.workdays_left,
                RIGHT,
                width_chars=5,
            ),
            Column("报送事项", lambda u: u.title, width_chars=9),
            Column(
                "应报", lambda u: _count(u.tally.required), lambda u: u.tally.required, RIGHT, 2
            ),
            Column("已报", lambda u: _count(u.tally.sent), lambda u: u.tally.sent, RIGHT, 2),
            Column("未报", lambda u: _count(u.tally.open), lambda u: u.tally.open, RIGHT, 2),
            Column("通知", lambda u: u.doc_number, width_chars=6),
        )
        self.drills = {
            self.COL_DUE_COUNT: lambda u: LedgerFilter(requirement_id=u.requirement_id),
            self.COL_DONE: lambda u: LedgerFilter(requirement_id=u.requirement_id, statuses=DONE),
            self.COL_OPEN: lambda u: LedgerFilter(requirement_id=u.requirement_id, statuses=OPEN),
        }

    def cell_data(self, row: UpcomingDeadline, column: int, role: int) -> Any:
        if column == self.COL_FLAG and role == Qt.ItemDataRole.ForegroundRole and row.note:
            return QBrush(QColor("#b85000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_FLAG and (row.note or row.extended):
                extended = "延期后的截止日" if row.extended else ""
                return "，".join(x for x in (extended, f"适逢{row.note}" if row.note else "") if x)
            if column in (self.COL_NOTICE, self.COL_TITLE):
                return f"{row.doc_number} {row.title}".strip()
        return super().cell_data(row, column, role)


def upcoming_note(u: UpcomingDeadline) -> str:
    """延期 (the day is an extension's), and the holiday or weekend it falls on."""
    return "、".join(x for x in ("延期" if u.extended else "", u.note) if x)


class ProgressModel(DrillModel[RequirementProgress]):
    (
        COL_NOTICE,
        COL_TITLE,
        COL_DEADLINE,
        COL_DUE,
        COL_DONE,
        COL_OVERDUE,
        COL_PARTIAL,
        COL_PROGRESS,
    ) = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lights: Mapping[int, Light] = {}  # per requirement, from the snapshot's board
        self.archived: frozenset[int] = frozenset()  # notice ids shown greyed
        self._archived_ink = QBrush(QColor("#9e9e9e"))
        self.columns = (
            Column(
                "通知",
                lambda p: p.doc_number or p.notice_title,
                sample="津市场监管标准〔2023〕14号",
            ),
            Column("报送事项", lambda p: p.title, width_chars=12),
            Column(
                "截止日期",
                lambda p: format_cn(p.deadline),
                lambda p: p.deadline,
                sample=DATE_SAMPLE,
            ),
            Column(
                "应报", lambda p: _count(p.tally.required), lambda p: p.tally.required, RIGHT, 3
            ),
            Column("已报", lambda p: _count(p.tally.sent), lambda p: p.tally.sent, RIGHT, 3),
            Column(
                "逾期",
                lambda p: _count(p.tally[Status.OVERDUE]),
                lambda p: p.tally[Status.OVERDUE],
                RIGHT,
                3,
            ),
            Column(
                "部分",
                lambda p: _count(p.tally[Status.PARTIAL]),
                lambda p: p.tally[Status.PARTIAL],
                RIGHT,
                3,
            ),
            Column("上报率", lambda p: p.tally.rate_text(), _rate_key, CENTER, 8),
        )
        self.drills = {
            self.COL_DUE: lambda p: LedgerFilter(requirement_id=p.requirement_id),
            self.COL_DONE: lambda p: LedgerFilter(requirement_id=p.requirement_id, statuses=DONE),
            self.COL_OVERDUE: lambda p: LedgerFilter(
                requirement_id=p.requirement_id, statuses=frozenset({Status.OVERDUE})
            ),
            self.COL_PARTIAL: lambda p: LedgerFilter(
                requirement_id=p.requirement_id, statuses=frozenset({Status.PARTIAL})
            ),
        }

    def cell_data(self, row: RequirementProgress, column: int, role: int) -> Any:
        if column == self.COL_PROGRESS and role == PROGRESS_ROLE:
            return row.tally.rate  # None (nothing due yet): the cell reads —
        if column == self.COL_PROGRESS and role == Qt.ItemDataRole.ToolTipRole:
            return rate_tip(row.tally)
        if column == self.COL_PROGRESS and role == LIGHT_ROLE:
            light = self.lights.get(row.requirement_id)
            return light.colour if light is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and row.notice_id in self.archived:
            return self._archived_ink
        if (
            column == self.COL_DEADLINE
            and role == Qt.ItemDataRole.ToolTipRole
            and row.deadline_note
        ):
            return f"截止日为{row.deadline_note}"
        return super().cell_data(row, column, role)


class CategoryModel(DrillModel[CategoryOverdue]):
    COL_CATEGORY, COL_OVERDUE, COL_PARTIAL, COL_TOTAL = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("类别", lambda c: c.category, width_chars=6),
            Column("逾期未报", lambda c: _count(c.overdue), lambda c: c.overdue, RIGHT, 4),
            Column("部分报送", lambda c: _count(c.partial), lambda c: c.partial, RIGHT, 4),
            Column("合计", lambda c: _count(c.total), lambda c: c.total, RIGHT, 3),
        )
        overdue, partial = frozenset({Status.OVERDUE}), frozenset({Status.PARTIAL})
        self.drills = {
            self.COL_OVERDUE: lambda c: LedgerFilter(category=c.category, statuses=overdue),
            self.COL_PARTIAL: lambda c: LedgerFilter(category=c.category, statuses=partial),
            self.COL_TOTAL: lambda c: LedgerFilter(category=c.category, statuses=overdue | partial),
        }
