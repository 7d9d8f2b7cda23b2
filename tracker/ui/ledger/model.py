"""The ledger grid's model: one row per obligation (``ObligationRow``), ``COL_*`` columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms
from tracker.domain.ladder import Step, Suggestion
from tracker.domain.records import ObligationRow
from tracker.domain.status import STATUS_ORDER, Status
from tracker.ui.common.table import CENTER, COLOUR_ROLES, DATE_SAMPLE, RIGHT, Column, RowTableModel
from tracker.ui.status_style import background, font, foreground, ink

(
    COL_UNIT,
    COL_CATEGORY,
    COL_NOTICE,
    COL_REQUIREMENT,
    COL_DEADLINE,
    COL_EXTENDED,
    COL_STATUS,
    COL_DAYS,
    COL_SUGGESTION,
    COL_MISSING,
    COL_COMPLETED,
    COL_REMINDERS,
    COL_LAST_REMINDER,
) = range(13)
_STEP_RANK = {Step.BULLETIN: 0, Step.LETTER: 1, Step.PHONE: 2, Step.WAIT: 3, Step.QUEUED: 4}
_STEP_INK = {
    Step.BULLETIN: "#9c0006",
    Step.LETTER: "#8a4500",
    Step.PHONE: "#1f4e8c",
    Step.QUEUED: "#6a1b9a",  # 已列入通报: listed, the 通报 will name it
}

_STATUS_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}
_NO_DAY = date.min


def notice_text(r: ObligationRow) -> str:
    return r.doc_number or r.notice_title


def days_text(r: ObligationRow) -> str:
    """逾期N天 / 迟交N天 / 还剩N个工作日."""
    if r.status.needs_action:
        return f"逾期{r.days_overdue}天"
    if r.status is Status.LATE:
        return f"迟交{r.days_overdue}天"
    if r.status is Status.PENDING and r.workdays_left is not None:
        return f"还剩{r.workdays_left}个工作日"
    return ""


def days_key(r: ObligationRow) -> int:
    if r.status is Status.PENDING:
        return -(r.workdays_left or 0) - 1
    return r.days_overdue


def _columns(
    suggestion: Callable[[ObligationRow], str], rank: Callable[[ObligationRow], int]
) -> tuple[Column[ObligationRow], ...]:
    return (
        Column("单位", lambda r: r.unit_name, lambda r: (r.unit_sort, r.unit_name), width_chars=12),
        # 类别 has its own filter above the grid: hidden at first, to leave room for 建议.
        Column("类别", lambda r: r.category, width_chars=4, hidden=True),
        Column("通知", notice_text, sample="津市场监管标准〔2023〕14号"),
        Column("报送事项", lambda r: r.requirement_title, width_chars=9),
        Column(
            "截止日期", lambda r: format_cn(r.deadline), lambda r: r.deadline, sample=DATE_SAMPLE
        ),
        Column(
            "延期至",
            lambda r: format_cn(r.extended_to),
            lambda r: r.extended_to or _NO_DAY,
            sample=DATE_SAMPLE,
        ),
        Column(
            "状态",
            lambda r: r.status.label,
            lambda r: _STATUS_RANK[r.status],
            CENTER,
            width_chars=5,
        ),
        Column("逾期/剩余", days_text, days_key, RIGHT, sample="还剩10个工作日"),
        Column("建议", suggestion, rank, width_chars=5),
        Column("缺少材料", lambda r: format_forms(r.missing_forms), width_chars=8),
        Column(
            "报齐日期",
            lambda r: format_cn(r.completed_on),
            lambda r: r.completed_on or _NO_DAY,
            sample=DATE_SAMPLE,
            hidden=True,
        ),
        Column(
            "催报次数",
            lambda r: str(r.reminders) if r.reminders else "",
            lambda r: r.reminders,
            RIGHT,
            width_chars=4,
        ),
        Column(
            "最近催报",
            lambda r: format_cn(r.last_reminder),
            lambda r: r.last_reminder or _NO_DAY,
            sample=DATE_SAMPLE,
            hidden=True,
        ),
    )


class LedgerTableModel(RowTableModel[ObligationRow]):
    """Status cells in colour; tooltips explain deadlines on off days, extensions, exemptions."""

    extra_roles = COLOUR_ROLES | {Qt.ItemDataRole.FontRole}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions: Mapping[int, Suggestion] = {}
        self.columns = _columns(self._suggestion_text, self._suggestion_rank)

    def set_rows(
        self, rows: Sequence[ObligationRow], suggestions: Mapping[int, Suggestion] | None = None
    ) -> None:
        """The rows, with the escalation ladder's next step for those to chase (建议)."""
        self.suggestions = suggestions or {}
        super().set_rows(rows)

    def suggestion(self, row: int) -> Suggestion | None:
        return self.suggestions.get(self._rows[row].obligation_id)

    def _suggestion_text(self, r: ObligationRow) -> str:
        s = self.suggestions.get(r.obligation_id)
        return s.step.label if s else ""

    def _suggestion_rank(self, r: ObligationRow) -> int:
        s = self.suggestions.get(r.obligation_id)
        return _STEP_RANK[s.step] if s else len(_STEP_RANK)

    def obligation_id(self, row: int) -> int:
        return self._rows[row].obligation_id

    def cell_data(self, row: ObligationRow, column: int, role: int) -> Any:
        if column == COL_SUGGESTION:
            return self._suggestion_data(row, role)
        if column == COL_STATUS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return foreground(row.status)
            if role == Qt.ItemDataRole.BackgroundRole:
                return background(row.status)
            if role == Qt.ItemDataRole.FontRole:
                return font(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    def _suggestion_data(self, row: ObligationRow, role: int) -> Any:
        s = self.suggestions.get(row.obligation_id)
        if s is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            action = "（双击或“按建议办理”即可办理）" if s.step.is_action else ""
            return f"{s.reason}{action}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return ink(_STEP_INK.get(s.step, "#666666"))
        return None

    def tooltip(self, row: ObligationRow, column: int) -> str | None:
        if column in (COL_DEADLINE, COL_EXTENDED) and row.deadline_note:
            return f"截止日 {format_cn(row.effective_deadline)} 为{row.deadline_note}"
        if column == COL_STATUS:
            if row.exempt_reason:
                return f"免报：{row.exempt_reason}"
            if row.extended_to:
                return f"延期至{format_cn(row.extended_to)}：{row.extension_reason}"
        if column == COL_UNIT and (row.contact_person or row.phone):
            return f"联系人：{row.contact_person}  {row.phone}".strip()
        if column == COL_NOTICE:
            return f"{row.doc_number} {row.notice_title}".strip()
        return None
