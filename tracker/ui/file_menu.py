"""文件 menu: open or create another workspace (in its own window), the demo, quit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

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


def install_file_menu(window: MainWindow) -> None:
    menu = window.menu(window.tr("文件"))

    def open_existing() -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = QFileDialog.getExistingDirectory(window, window.tr("打开台账"))
        if not folder:
            return
        if not (Path(folder) / DB_FILE).exists():
            QMessageBox.warning(
                window, window.tr("打开台账"), window.tr("该文件夹中没有台账（tracker.db）。")
            )
            return
        start_window("--workspace", folder)

    def create_new() -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(window, window.tr("选择存放新台账的文件夹"))
        if folder:
            start_window("--workspace", folder)

    for text, slot, shortcut in (
        (window.tr("新建台账…"), create_new, QKeySequence.StandardKey.New),
        (window.tr("打开台账…"), open_existing, QKeySequence.StandardKey.Open),
        (window.tr("打开示例台账"), lambda: start_window("--demo"), None),
    ):
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
    menu.addSeparator()
    quit_action = QAction(window.tr("退出"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    menu.addAction(quit_action)
