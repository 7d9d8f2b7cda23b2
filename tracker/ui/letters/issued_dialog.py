"""已发催报函: every letter issued, newest first; 重新打印 shows the very PDF that was issued."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.letter_request import IssuedLetterRecord
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.letters.preview import PdfPreviewDialog, close_buttons

if TYPE_CHECKING:
    from tracker.services.bundle import Services

Index = QModelIndex | QPersistentModelIndex


class IssuedLettersModel(QAbstractTableModel):
    COL_NUMBER, COL_DATE, COL_TO, COL_ITEMS, COL_PAGES, COL_TITLE = range(6)
    HEADERS = ("文号", "发函日期", "主送", "事项数", "页数", "标题")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[IssuedLetterRecord] = []

    def set_rows(self, rows: list[IssuedLetterRecord]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (
            r.number,
            format_cn(r.letter_date),
            r.addressee,
            str(len(r.obligation_ids)),
            str(r.pages),
            r.title,
        )[index.column()]


class IssuedLettersDialog(FittedDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("已发催报函")
        self.letters = services.letters
        self.model = IssuedLettersModel(self)
        self.model.set_rows(self.letters.issued())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        buttons = close_buttons()
        self.reprint = QPushButton("重新打印…")
        buttons.addButton(self.reprint, buttons.ButtonRole.ActionRole)
        self.reprint.clicked.connect(self.on_reprint_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_letter(index.row())

    def on_reprint_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_letter(rows[0].row())

    def open_letter(self, row: int) -> None:
        letter = self.model.rows[row]
        try:
            data = self.letters.letter_pdf(letter)
        except TrackerError as exc:
            QMessageBox.warning(self, "重新打印", str(exc))
            return
        title = f"{letter.number}（致{letter.addressee}）"
        PdfPreviewDialog(data, title, letter.number, self).exec()
