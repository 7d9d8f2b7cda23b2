"""打印预览: the PDF's pages, then 打印… / 另存为… / 用系统阅读器打开."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.ui.common.folders import remember_folder, start_path
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.letters.pdf_pages import open_in_viewer, print_pdf, render_pages, save_pdf

PREVIEW_DPI = 72


def close_buttons() -> QDialogButtonBox:
    """A button box with a 关闭 button (no Qt translation is loaded for standard buttons)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
    return box  # a page about 600 px wide: readable, quick


class PagesView(QScrollArea):
    """Pages stacked vertically, each a white sheet with a shadow-grey gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("QScrollArea { background: #808080; }")
        self.pages: list[QLabel] = []
        self._set_body(QWidget())

    def _set_body(self, body: QWidget) -> None:
        body.setStyleSheet("background: #808080;")
        self._layout = QVBoxLayout(body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(body)

    def show_pdf(self, data: bytes, max_pages: int | None = None) -> None:
        self._set_body(QWidget())
        last = None if max_pages is None else max_pages - 1
        self.pages = []
        for image in render_pages(data, PREVIEW_DPI, 0, last):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white;")
            self._layout.addWidget(label)
            self.pages.append(label)


class PdfPreviewDialog(FittedDialog):
    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.data = data
        self.file_name = file_name
        self.saved_elsewhere = ""  # said when saving fails (issued letters are archived already)
        self.view = PagesView(self)
        self.view.show_pdf(data)
        self.buttons = buttons = close_buttons()
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("另存为…")
        self.open_button = QPushButton("用系统阅读器打开")
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.open_button.clicked.connect(lambda: open_in_viewer(self.data, self.file_name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"共 {len(self.view.pages)} 页"))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 860)

    def add_action(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def on_print_clicked(self) -> None:
        print_with_dialog(self.data, self)

    def on_save_clicked(self) -> None:
        save_with_dialog(self.data, self.file_name, self, self.saved_elsewhere)


def print_with_dialog(data: bytes, parent: QWidget) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF carries its own margins (GB/T 9704)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        print_pdf(data, printer)
    except OSError as exc:
        QMessageBox.warning(parent, "打印", str(exc))
        return False
    return True


def save_with_dialog(data: bytes, file_name: str, parent: QWidget, note: str = "") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "另存为 PDF", start_path("pdf", f"{file_name}.pdf"), "PDF 文件 (*.pdf)"
    )
    if not path:
        return None
    remember_folder("pdf", path)
    try:
        save_pdf(data, Path(path))
    except TrackerError as exc:
        QMessageBox.warning(parent, "另存为", f"{exc}\n\n{note}".strip())
        return None
    return Path(path)
