"""The 程序出错 dialog: a short Chinese explanation, the details (selectable), 复制详情."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.ui.common.errors import log_file
from tracker.ui.common.screen_fit import FitsScreen


class ErrorDialog(FitsScreen, QMessageBox):
    """出错了: a short Chinese explanation, the details (selectable) and 复制详情."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("程序出错"))
        self.setText(self.tr("程序遇到了意外错误，刚才的操作可能没有完成。"))
        where = log_file()
        info = summary
        if where is not None:
            info += "\n\n" + self.tr("详细信息已记录到：") + str(where)
        self.setInformativeText(info)
        self.setDetailedText(details)
        self.copy_button = self.addButton(self.tr("复制详情"), QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # keep the dialog open after copying
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.AcceptRole)
        self.details = details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
