"""帮助 → 使用说明: the short user guide (resources/guide/guide.html) in a browser pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.paths import resource_path
from tracker.ui.common.screen_fit import FittedDialog


def guide_path() -> Path:
    return resource_path("guide", "guide.html")


class GuideDialog(FittedDialog):
    """Not modal: the clerk can keep it open beside the window while working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.external_button = QPushButton(self.tr("在浏览器中打开"))
        self.external_button.setToolTip(self.tr("用系统浏览器打开，便于打印"))
        buttons.addButton(self.external_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.external_button.clicked.connect(self.on_external_button_clicked)
        buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addWidget(self.browser)
        box.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 52, em * 46)

    def on_external_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide_path())))
