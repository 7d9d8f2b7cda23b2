"""帮助 menu: 使用说明 (F1, a window kept beside the main one) and 关于."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from tracker.ui.help.about import AboutDialog, AboutInfo

if TYPE_CHECKING:
    from tracker.ui.help.guide import GuideDialog
    from tracker.ui.main_window import MainWindow


class HelpActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide_dialog: GuideDialog | None = None
        self.guide_action = QAction(self.tr("使用说明"), window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self.tr("关于报送督办台账"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def about_info(self) -> AboutInfo:
        from tracker.services.locations import user_data_dir

        ctx = self.window.ctx
        folder = ctx.services.folder if ctx.is_ready else None
        return AboutInfo(user_data_dir(), ctx.workspace_label, folder)

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.about_info(), self.window)
        dialog.open()
        return dialog

    def show_guide(self) -> GuideDialog:
        from tracker.ui.help.guide import GuideDialog

        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.window)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        self.guide_dialog.activateWindow()
        return self.guide_dialog
