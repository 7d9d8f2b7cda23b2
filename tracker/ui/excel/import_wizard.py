"""导入原台账: a wizard — pick the file (and sheet) → map its columns → preview → import.

The import itself is one transaction in a worker; it lands whole or not at all, and the
window can undo it as one change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from tracker.domain.errors import TrackerError
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.common.screen_fit import FitsScreen
from tracker.ui.excel.import_pages import MappingPage, PreviewPage

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class LedgerImportWizard(FitsScreen, QWizard):
    imported = Signal(object)  # the Change (undo it to take the whole import back)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入原台账"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("导入"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.services = services
        self.grid: Any = None  # reports.ledger_xlsx.SheetGrid of the chosen sheet
        self.path: Path | None = None
        self.mapping: Any = None  # domain.ledger_map.LedgerMapping, set by the mapping page
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 70, em * 40)


class FilePage(QWizardPage):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("选择原台账文件"))
        self.setSubTitle(
            self.tr("原来手工登记的 Excel 台账（.xlsx）：每个单位一行，每个报送事项一列。")
        )
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("浏览…"))
        self.sheet = QComboBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("文件："), row)
        form.addRow(self.tr("工作表："), self.sheet)
        form.addRow("", self.status)
        self.browse.clicked.connect(self.on_browse_clicked)
        self.path.editingFinished.connect(lambda: self.load(self.path.text()))
        self.sheet.activated.connect(
            lambda _i: self.load(self.path.text(), self.sheet.currentText())
        )

    def on_sheet_activated(self, _index: int) -> None:
        self.load(self.path.text(), self.sheet.currentText())

    def on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择原台账"), str(start_folder("xlsx")), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            remember_folder("xlsx", name)
            self.path.setText(name)
            self.load(name)

    def load(self, text: str, sheet: str | None = None) -> None:
        """Read the sheet (small: a ledger is a few hundred rows) and say what was found."""
        self.wiz.grid = None
        if text.strip():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.wiz.grid = self.wiz.services.ledger_import.inspect(Path(text), sheet)
                self.wiz.path = Path(text)
            except TrackerError as exc:
                self.status.setText(f'<span style="color:#9C0006">{exc}</span>')
            finally:
                QApplication.restoreOverrideCursor()
        grid = self.wiz.grid
        if grid is not None:
            self.sheet.clear()
            self.sheet.addItems(list(grid.sheets))
            self.sheet.setCurrentText(grid.sheet)
            self.status.setText(
                self.tr("工作表“{0}”：{1}行 × {2}列").format(grid.sheet, grid.rows, grid.cols)
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.grid is not None
