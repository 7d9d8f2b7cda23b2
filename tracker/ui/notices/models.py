"""Read-only table models of the notices page: the notices, and the chosen notice's items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms
from tracker.domain.records import NoticeRecord, RequirementRecord
from tracker.ui.common.table import DATE_SAMPLE, RIGHT, Column, RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARN = QColor("#b45309")


def _deadlines(n: NoticeRecord) -> str:
    return "、".join(format_cn(d) for d in sorted({r.deadline for r in n.requirements}))


def _obligations(n: NoticeRecord) -> int:
    return sum(r.obligations for r in n.requirements)


class NoticeTableModel(RowTableModel[NoticeRecord]):
    COL_DOC, COL_TITLE, COL_ISSUED, COL_ITEMS, COL_UNITS, COL_DEADLINES = range(6)
    columns = (
        Column("文号", lambda n: n.doc_number, sample="津市场监管标准〔2023〕14号"),
        Column("标题", lambda n: n.title, width_chars=26),
        Column(
            "发文日期",
            lambda n: format_cn(n.issued_on),
            lambda n: n.issued_on.isoformat() if n.issued_on else "",
            sample=DATE_SAMPLE,
        ),
        Column(
            "报送事项",
            lambda n: str(len(n.requirements)),
            lambda n: len(n.requirements),
            align=RIGHT,
            width_chars=4,
        ),
        Column("应报", lambda n: str(_obligations(n)), _obligations, align=RIGHT, width_chars=3),
        Column(
            "报送时限",
            _deadlines,
            lambda n: min((r.deadline.isoformat() for r in n.requirements), default=""),
            width_chars=16,
        ),
    )

    def row_of(self, notice_id: int) -> int:
        return next((i for i, n in enumerate(self.rows) if n.id == notice_id), -1)

    def cell_data(self, row: NoticeRecord, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            col = self.columns[column]  # keys are str or int: QVariant compares them
            return (col.sort_key or col.text)(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            return row.title
        return None


class RequirementSummaryModel(RowTableModel[RequirementRecord]):
    COL_TITLE, COL_DEADLINE, COL_DAY, COL_FORMS, COL_CATEGORIES, COL_UNITS = range(6)
    columns = (
        Column("报送事项", lambda r: r.title, width_chars=16),
        Column("报送时限", lambda r: format_cn(r.deadline), sample=DATE_SAMPLE),
        Column("提示", lambda r: f"⚠ {r.deadline_note}" if r.deadline_note else "", width_chars=5),
        Column("报送形式", lambda r: format_forms(r.forms), width_chars=10),
        Column("类别", lambda r: "、".join(r.categories), width_chars=10),
        Column("应报单位", lambda r: f"{r.obligations}个", align=RIGHT, width_chars=4),
    )

    def cell_data(self, row: RequirementRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DAY:
            return QBrush(WARN)
        return None
