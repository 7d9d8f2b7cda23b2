"""Roster workbooks from the 单位名录 page: import (with preview), export, blank template.

File choosers are methods (``ask_open_path`` / ``ask_save_path``) so a test can answer them;
writing runs in a worker and a file left open in Excel is reported, not a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.errors import TrackerError
from tracker.ui.common.errors import report_exception
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.common.progress import run_with_progress
from tracker.ui.context import AppContext
from tracker.ui.units.import_dialog import ImportDialog

if TYPE_CHECKING:
    from tracker.services.bundle import Services

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


def write_roster_file(path: Path, units: list[Any], categories: list[str]) -> Path:
    from tracker.reports.roster_xlsx import write_roster  # openpyxl loads on first use

    write_roster(path, units, categories)
    return path


class RosterTransfer(QObject):
    message = Signal(str)  # done: tell the clerk
    failed = Signal(str)  # a Chinese reason
    changed = Signal(object)  # the import's Change

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.dialog: ImportDialog | None = None

    @property
    def services(self) -> Services:
        return self.ctx.services

    # -- choosing files ------------------------------------------------------------------
    def folder(self) -> Path:
        """Where the last roster went or came from (on this computer), else Documents."""
        return start_folder("roster")

    def remember(self, path: Path) -> None:
        remember_folder("roster", path)

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.page, self.tr("导入单位名录"), str(self.folder()), self.tr(XLSX_FILTER)
        )
        return Path(name) if name else None

    def ask_save_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.page, self.tr("保存"), str(self.folder() / suggested), self.tr(XLSX_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    # -- import --------------------------------------------------------------------------
    def start_import(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        self.remember(path)
        dialog = ImportDialog(self.services, path, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_imported)
        self.dialog = dialog
        dialog.open()

    def _on_imported(self, plan: Any, change: Any) -> None:
        self.message.emit(self.tr("已导入“{0}”：{1}").format(plan.source, plan.summary))
        self.changed.emit(change)

    # -- export --------------------------------------------------------------------------
    def start_export(self, *, template: bool) -> None:
        suggested = self.tr("单位名录模板.xlsx") if template else self.tr("单位名录.xlsx")
        path = self.ask_save_path(suggested)
        if path is None:
            return
        self.remember(path)
        units = [] if template else self.services.units.list_units()
        categories = self.services.units.categories()
        what = self.tr("模板") if template else self.tr("{0}个单位").format(len(units))
        run_with_progress(
            self.page,
            self.tr("导出单位名录"),
            self.tr("正在写入“{0}”…").format(path.name),
            lambda control: write_roster_file(path, units, categories),
            on_done=lambda p: self.message.emit(self.tr("已导出{0}到 {1}").format(what, p)),
            on_error=self._on_export_failed,
        )

    def _on_export_failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, TrackerError):
            self.failed.emit(str(exc))
        else:
            report_exception(exc, details)
