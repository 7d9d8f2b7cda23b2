"""从备份恢复: pick a backup (this workspace's own, or any file), confirm, restore in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.common.errors import show_error
from tracker.ui.common.folders import start_folder
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.safety.backup_model import BackupTableModel

if TYPE_CHECKING:
    from tracker.services.backups import RestoreResult
    from tracker.services.bundle import Services


class RestoreDialog(FittedDialog):
    """Lists the workspace's backups; 恢复 asks once more, then restores off the UI thread."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result_summary = ""
        self.setWindowTitle(self.tr("从备份恢复"))
        self.model = BackupTableModel(self)
        self.model.set_rows(services.backups.list())
        self._build()
        self.resize(self.fontMetrics().horizontalAdvance("中") * 52, 360)

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "选择要恢复的备份。恢复前会先检查备份是否完好，并把当前数据另存一份"
                "（在“恢复前自动备份”中），恢复后可以再恢复回来。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.on_restore_clicked())
        if self.model.rowCount():
            self.table.selectRow(0)
        self.other_button = QPushButton(self.tr("选择其他备份文件…"))
        self.other_button.clicked.connect(self.on_other_clicked)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.other_button)
        layout.addWidget(self.buttons)

    # -- slots ---------------------------------------------------------------------------
    def on_other_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), str(start_folder("backup")), self.tr("台账备份 (*.zip)")
        )
        if name:
            self.restore(Path(name))

    def on_restore_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.restore(self.model.backup_at(rows[0].row()).path)

    def restore(self, path: Path) -> None:
        if not self.confirm(path):
            return
        self.restore_button.setEnabled(False)
        run_with_progress(
            self,
            self.tr("从备份恢复"),
            self.tr("正在检查备份并恢复，请稍候…"),
            lambda control: self.services.backups.restore(path),
            on_done=self.on_restored,
            on_error=self.on_failed,
        )

    def confirm(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用备份“{name}”替换当前台账？\n当前数据会先另存为“恢复前自动备份”。").format(
                name=path.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_restored(self, result: RestoreResult) -> None:
        self.result_summary = str(result.summary)
        QMessageBox.information(self, self.tr("恢复完成"), self.result_summary)
        self.accept()

    def on_failed(self, exc: BaseException, details: str) -> None:
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        show_error(self, exc, details)
