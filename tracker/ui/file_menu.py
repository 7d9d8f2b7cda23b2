"""文件 menu's own actions: open or create another workspace (in its own window), the demo,
quit. (The composition places them, with 导出/导入 and 备份/恢复 in between.)"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from tracker.ui.common.folders import remember_folder, start_folder

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow

DB_FILE = "tracker.db"


def launch_command(*args: str) -> tuple[str, list[str]]:
    """How to start another window: the frozen executable, or this Python on tracker.app."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(args)
    return sys.executable, ["-m", "tracker.app", *args]


def start_window(*args: str) -> bool:
    from PySide6.QtCore import QProcess

    program, arguments = launch_command(*args)
    root = str(Path(__file__).resolve().parents[2])  # so a source checkout finds `tracker`
    ok, _pid = QProcess.startDetached(program, arguments, root)
    return bool(ok)


class FileActions(QObject):
    """新建台账… (Ctrl+N), 打开台账… (Ctrl+O), 打开示例台账, 退出 (Ctrl+Q)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.new_action = self._action(
            self.tr("新建台账…"), self.create_new, QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            self.tr("打开台账…"), self.open_existing, QKeySequence.StandardKey.Open
        )
        self.demo_action = self._action(self.tr("打开示例台账"), lambda: start_window("--demo"))
        self.quit_action = self._action(
            self.tr("退出"), window.close, QKeySequence.StandardKey.Quit
        )

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def open_existing(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        window = self.window
        folder = QFileDialog.getExistingDirectory(
            window, self.tr("打开台账"), str(start_folder("workspace"))
        )
        if not folder:
            return
        remember_folder("workspace", Path(folder).parent)
        if not (Path(folder) / DB_FILE).exists():
            QMessageBox.warning(
                window, self.tr("打开台账"), self.tr("该文件夹中没有台账（tracker.db）。")
            )
            return
        start_window("--workspace", folder)

    def create_new(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("选择存放新台账的文件夹"), str(start_folder("workspace"))
        )
        if folder:
            remember_folder("workspace", Path(folder).parent)
            start_window("--workspace", folder)
