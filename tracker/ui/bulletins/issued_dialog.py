"""已印发通报: every 通报 issued, newest first; 重新打印 shows the very PDF that was issued and
另存为 Word… the .docx archived with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from tracker.domain.bulletin_request import BulletinRecord
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.services.files import read_archived
from tracker.ui.bulletins.dialog import save_docx, show_issued
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.table import DATE_SAMPLE, RIGHT, ROW_ROLE, Column, RowTableModel, setup_table
from tracker.ui.letters.preview import close_buttons

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class IssuedBulletinsModel(RowTableModel[BulletinRecord]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("文号", lambda b: b.number, width_chars=12),
            Column("成文日期", lambda b: format_cn(b.bulletin_date), sample=DATE_SAMPLE),
            Column("统计截至", lambda b: format_cn(b.as_of), sample=DATE_SAMPLE),
            Column("点名", lambda b: str(b.named), align=RIGHT, width_chars=3),
            Column("页数", lambda b: str(b.pages), align=RIGHT, width_chars=3),
            Column("标题", lambda b: b.title, width_chars=24),
        )


class IssuedBulletinsDialog(FittedDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("已印发通报"))
        self.model = IssuedBulletinsModel(self)
        self.model.set_rows(services.bulletins.issued())
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view, self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        buttons = close_buttons()
        self.reprint = QPushButton(self.tr("重新打印…"))
        self.word = QPushButton(self.tr("另存为 Word…"))
        for button in (self.reprint, self.word):
            buttons.addButton(button, buttons.ButtonRole.ActionRole)
        self.reprint.clicked.connect(lambda: self.open_pdf(self.selected()))
        self.word.clicked.connect(self.on_word_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def selected(self) -> BulletinRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_pdf(index.data(ROW_ROLE))

    def open_pdf(self, record: BulletinRecord | None) -> None:
        if record is None:
            return
        try:  # checked against its SHA-256: the very PDF that was issued, or a plain refusal
            data = read_archived(record.pdf_path, record.number)
        except TrackerError as exc:
            QMessageBox.warning(self, self.tr("重新打印"), str(exc))
            return
        show_issued(data, record.number, record.docx_path, self)

    def on_word_clicked(self) -> None:
        if (record := self.selected()) is not None:
            save_docx(record.docx_path, record.number, self)
