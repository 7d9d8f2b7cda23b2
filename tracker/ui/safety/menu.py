"""文件 → 备份台账… / 从备份恢复…; start-up warnings (e.g. a daily backup that failed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker.ui.common.errors import show_error
from tracker.ui.common.progress import run_with_progress
from tracker.ui.extensions import insert_before_quit
from tracker.ui.safety.backup_model import size_text


def install(window: Any) -> None:
    menu = window.menu(window.tr("文件"))
    backup = QAction(window.tr("备份台账…"), window)
    backup.triggered.connect(lambda: on_backup_triggered(window))
    restore = QAction(window.tr("从备份恢复…"), window)
    restore.triggered.connect(lambda: on_restore_triggered(window))
    window.backup_action, window.restore_action = backup, restore
    insert_before_quit(menu, [backup, restore])
    if window.ctx.is_ready:
        on_ready(window)
    else:
        window.ctx.ready.connect(lambda: on_ready(window))


def on_ready(window: Any) -> None:
    services = window.ctx.services
    available = bool(services.backups.available)
    for action in (window.backup_action, window.restore_action):
        action.setEnabled(available)
        if not available:
            action.setToolTip(window.tr("共享数据库请由管理员在服务器上备份"))
    for warning in services.ws.warnings:
        QMessageBox.warning(window, window.tr("注意"), warning)


def default_backup_path() -> str:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stamp = QDate.currentDate().toString("yyyyMMdd")
    return str(Path(docs or Path.home()) / f"报送督办台账备份-{stamp}.zip")


def on_backup_triggered(window: Any) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window, window.tr("备份台账"), default_backup_path(), window.tr("台账备份 (*.zip)")
    )
    if not name:
        return
    services = window.ctx.services
    window.backup_progress = run_with_progress(
        window,
        window.tr("备份台账"),
        window.tr("正在备份数据库和归档文件并校验…"),
        lambda control: services.backups.backup(Path(name)),
        on_done=lambda info: on_backup_done(window, info),
        on_error=lambda exc, details: show_error(window, exc, details),
    )


def on_backup_done(window: Any, info: Any) -> None:
    text = window.tr("已备份到：{path}\n{size}，含 {files} 个归档文件，已校验。").format(
        path=info.path, size=size_text(info.size), files=info.files
    )
    QMessageBox.information(window, window.tr("备份完成"), text)


def on_restore_triggered(window: Any) -> None:
    from tracker.ui.safety.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.ctx.services, window)
    window.restore_dialog = dialog
    dialog.open()
