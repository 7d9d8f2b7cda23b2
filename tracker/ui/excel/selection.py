"""导出所选 / 导出当前列表 from the ledger grid: the rows the clerk sees, in the grid's order,
with the grid's visible columns in their on-screen order (typed: dates stay dates)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.records import ObligationRow
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.excel.export_dialog import with_xlsx
from tracker.ui.excel.runner import ExportRunner
from tracker.ui.ledger import model as grid

if TYPE_CHECKING:
    from tracker.services.bundle import Services
    from tracker.ui.ledger.page import LedgerPage

# Each grid column as export columns (reports.columns keys). 逾期/剩余 becomes two numbers.
GRID_KEYS: dict[int, tuple[str, ...]] = {
    grid.COL_UNIT: ("unit",),
    grid.COL_CATEGORY: ("category",),
    grid.COL_NOTICE: ("notice",),
    grid.COL_REQUIREMENT: ("requirement",),
    grid.COL_DEADLINE: ("deadline",),
    grid.COL_EXTENDED: ("extended_to",),
    grid.COL_STATUS: ("status",),
    grid.COL_DAYS: ("days_overdue", "workdays_left"),
    grid.COL_MISSING: ("missing_forms",),
    grid.COL_COMPLETED: ("completed_on",),
    grid.COL_REMINDERS: ("reminders",),
    grid.COL_LAST_REMINDER: ("last_reminder",),
}


def visible_columns(page: LedgerPage) -> tuple[list[str], dict[str, str]]:
    """The export keys of the grid's shown columns, left to right as on screen, and the
    grid's own titles for them (so the sheet reads like the grid)."""
    header = page.view.horizontalHeader()
    model = page.model
    keys: list[str] = []
    titles: dict[str, str] = {}
    for visual in range(header.count()):
        column = header.logicalIndex(visual)
        if header.isSectionHidden(column) or column not in GRID_KEYS:
            continue
        mapped = GRID_KEYS[column]
        keys.extend(mapped)
        if len(mapped) == 1:
            titles[mapped[0]] = str(model.headerData(column, Qt.Orientation.Horizontal))
    return keys, titles


def selected_in_view_order(page: LedgerPage) -> list[ObligationRow]:
    chosen = set(page.selected_obligation_ids())
    return [r for r in page.visible_rows() if r.obligation_id in chosen]


def export_rows(
    window: QWidget, services: Services, page: LedgerPage, rows: Sequence[ObligationRow], what: str
) -> ExportRunner | None:
    """Ask where to save ``rows`` (the grid's columns), then write them in a worker."""
    if not rows:
        return None
    suggested = start_folder("xlsx") / window.tr("报送情况（{0}{1}条，截至{2}）.xlsx").format(
        what, len(rows), format_cn(rows[0].as_of)
    )
    name, _ = QFileDialog.getSaveFileName(
        window, window.tr("导出到 Excel"), str(suggested), window.tr("Excel 工作簿 (*.xlsx)")
    )
    if not name:
        return None
    remember_folder("xlsx", name)
    keys, titles = visible_columns(page)
    export = services.export

    def write(path: Path, progress: Any) -> Any:
        return export.write_selection(path, rows, keys, headers=titles, progress=progress)

    runner = ExportRunner(window, window.tr("导出到 Excel"), write)
    runner.start(with_xlsx(name))
    return runner
