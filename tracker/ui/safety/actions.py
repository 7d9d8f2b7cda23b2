"""文件 → 备份台账… / 从备份恢复…; start-up warnings (e.g. a daily backup that failed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from tracker.ui.common.errors import show_error
from tracker.ui.common.folders import remember_folder, start_path
from tracker.ui.common.progress import run_with_progress
from tracker.ui.safety.backup_model import size_text

if TYPE_CHECKING:
    from tracker.services.backup_archive import BackupInfo
    from tracker.ui.dialogs.undo_stack import ChangeStack
    from tracker.ui.main_window import MainWindow
    from tracker.ui.safety.restore_dialog import RestoreDialog


def default_backup_path() -> str:
    """In the folder the last backup went to (a USB stick, say), else Documents."""
    stamp = QDate.currentDate().toString("yyyyMMdd")
    return start_path("backup", f"报送督办台账备份-{stamp}.zip")


class SafetyActions(QObject):
    def __init__(self, window: MainWindow, stack: ChangeStack | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack  # Ctrl+Z: forgotten after a restore (the restored ledger never had
        # those changes, and audit ids may now name others)
        self.backup_progress: QProgressDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.backup_action = QAction(self.tr("备份台账…"), window)
        self.backup_action.triggered.connect(self.on_backup_triggered)
        self.restore_action = QAction(self.tr("从备份恢复…"), window)
        self.restore_action.triggered.connect(self.on_restore_triggered)
        if window.ctx.is_ready:
            self.on_ready()
        else:
            window.ctx.ready.connect(self.on_ready)

    def on_ready(self) -> None:
        window = self.window
        services = window.ctx.services
        available = bool(services.backups.available)
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(available)
            if not available:
                action.setToolTip(self.tr("共享数据库请由管理员在服务器上备份"))
        for warning in services.warnings:
            QMessageBox.warning(window, self.tr("注意"), warning)

    def on_backup_triggered(self) -> None:
        window = self.window
        if not window.ctx.is_ready:
            return
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("备份台账"), default_backup_path(), self.tr("台账备份 (*.zip)")
        )
        if not name:
            return
        remember_folder("backup", name)
        services = window.ctx.services
        self.backup_progress = run_with_progress(
            window,
            self.tr("备份台账"),
            self.tr("正在备份数据库和归档文件并校验…"),
            lambda control: services.backups.backup(Path(name)),
            on_done=self.on_backup_done,
            on_error=lambda exc, details: show_error(window, exc, details),
        )

    def on_backup_done(self, info: BackupInfo) -> None:
        text = self.tr("已备份到：{path}\n{size}，含 {files} 个归档文件，已校验。").format(
            path=info.path, size=size_text(info.size), files=info.files
        )
        QMessageBox.information(self.window, self.tr("备份完成"), text)

    def on_restore_triggered(self) -> None:
        from tracker.ui.safety.restore_dialog import RestoreDialog

        window = self.window
        if not window.ctx.is_ready:
            return
        self.restore_dialog = RestoreDialog(window.ctx.services, window)
        if self.stack is not None:
            self.restore_dialog.accepted.connect(self.stack.clear)
        self.restore_dialog.open()
