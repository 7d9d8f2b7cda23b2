"""帮助 menu: 使用说明 (F1) and 关于; kept the last menu whatever is added after it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from tracker.ui.help.about import AboutDialog, AboutInfo


def install(window: Any) -> None:
    menu = window.menu(window.tr("帮助"))
    guide = QAction(window.tr("使用说明"), window)
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(lambda: show_guide(window))
    about = QAction(window.tr("关于报送督办台账"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    menu.addAction(guide)
    menu.addSeparator()
    menu.addAction(about)
    window.addAction(guide)  # F1 works even before the menu bar is enabled
    window.guide_action, window.about_action = guide, about
    window.help_last = LastMenuKeeper(window.menuBar(), menu.menuAction())


class LastMenuKeeper(QObject):
    """Moves the 帮助 menu back to the end when another extension adds a menu later."""

    def __init__(self, bar: QMenuBar, action: QAction) -> None:
        super().__init__(bar)
        self.bar, self.action = bar, action
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionAdded:
            QTimer.singleShot(0, self, self.move_last)
        return False

    def move_last(self) -> None:
        actions = self.bar.actions()
        if actions and actions[-1] is not self.action:
            self.bar.removeAction(self.action)
            self.bar.addAction(self.action)


def about_info(window: Any) -> AboutInfo:
    from tracker.services.locations import user_data_dir

    ctx = window.ctx
    folder = None
    if ctx.is_ready:
        location = ctx.services.ws.location
        folder = location.root if location is not None else None
    return AboutInfo(user_data_dir(), ctx.workspace_label, folder)


def show_about(window: Any) -> AboutDialog:
    dialog = AboutDialog(about_info(window), window)
    dialog.open()
    return dialog


def show_guide(window: Any) -> Any:
    from tracker.ui.help.guide import GuideDialog

    dialog = getattr(window, "guide_dialog", None)
    if dialog is None:
        dialog = window.guide_dialog = GuideDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
