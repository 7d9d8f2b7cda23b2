"""What a roster import would change, row by row (from ``services.roster.preview``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from tracker.ui.common.table import RIGHT, Column, RowTableModel

KIND_COLOURS = {"新增": QColor("#1a7f37"), "更新": QColor("#9a6700"), "不变": QColor("#6e7781")}
COL_KIND, COL_DETAILS = 2, 3


class ImportPlanModel(RowTableModel[Any]):
    """Rows of an ``ImportPlan`` (``UnitChange``): workbook row, unit, 新增/更新/不变, details."""

    columns = (
        Column("行号", lambda c: str(c.row), lambda c: c.row, align=RIGHT, width_chars=2),
        Column("单位名称", lambda c: c.name, width_chars=14),
        Column("变化", lambda c: c.kind, width_chars=3),
        Column("明细", lambda c: "；".join(c.details), width_chars=30),
    )

    def set_plan(self, plan: Any | None) -> None:
        self.set_rows(list(plan.changes) if plan is not None else [])

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_KIND:
            return QBrush(KIND_COLOURS.get(row.kind, QColor("black")))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DETAILS and row.details:
            return "\n".join(row.details)
        return None
