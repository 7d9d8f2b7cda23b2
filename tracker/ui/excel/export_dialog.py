"""导出报送情况统计表: which notices (all, or some), as of which day, where to save; the
export runs in a worker (see runner.py) and the dialog closes once the file is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.ui.common.dates import CnDateEdit
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import enable_while_valid, with_hint
from tracker.ui.excel.runner import ExportRunner

if TYPE_CHECKING:
    from tracker.services.bundle import Services

NOTICE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def with_xlsx(text: str) -> Path:
    path = Path(text.strip())
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class ExportForm:
    """The widgets, laid out; ``ExportDialog`` gives them behaviour."""

    def __init__(self, dialog: QDialog) -> None:
        self.all_notices = QRadioButton(dialog.tr("全部通知"))
        self.some_notices = QRadioButton(dialog.tr("选定的通知："))
        self.all_notices.setChecked(True)
        self.notices = QStandardItemModel(dialog)
        self.notice_list = QListView()
        self.notice_list.setModel(self.notices)
        self.notice_list.setEnabled(False)
        self.as_of = CnDateEdit()
        self.path = QLineEdit()
        self.browse = QPushButton(dialog.tr("浏览…"))
        self.note = QLabel(dialog.tr("包含“汇总”“明细”“矩阵”“排名”四张工作表，按 A4 横向排版。"))
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
        self.export = self.buttons.addButton(
            dialog.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(dialog.tr("范围："), self.all_notices)
        form.addRow("", self.some_notices)
        form.addRow("", self.notice_list)
        form.addRow(dialog.tr("截至日期："), with_hint(self.as_of))
        form.addRow(dialog.tr("保存到："), file_row)
        box = QVBoxLayout(dialog)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(self.buttons)


class ExportDialog(FittedDialog):
    def __init__(self, services: Services, as_of: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出报送情况统计表"))
        self.services = services
        self.ui = ExportForm(self)
        self.ui.as_of.set_date_value(as_of)
        self.runner: ExportRunner | None = None
        self.result_: Any = None
        self._fill_notices()
        self.ui.path.setText(str(start_folder("xlsx") / self.default_name()))
        self._connect()
        self.resize(self.fontMetrics().horizontalAdvance("中") * 42, self.sizeHint().height())

    def _connect(self) -> None:
        self.ui.some_notices.toggled.connect(self.ui.notice_list.setEnabled)
        self.ui.as_of.dateValueChanged.connect(self.on_as_of_changed)
        self.ui.browse.clicked.connect(self.on_browse_clicked)
        self.ui.export.clicked.connect(self.on_export_clicked)
        self.ui.buttons.rejected.connect(self.reject)
        enable_while_valid([self.ui.export], [self.ui.as_of])

    def _fill_notices(self) -> None:
        for n in self.services.notices.list_notices():
            when = f"（{format_cn(n.issued_on)}）" if n.issued_on else ""
            item = QStandardItem(f"{n.label}{when}")
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(n.id, NOTICE_ID_ROLE)
            self.ui.notices.appendRow(item)

    def default_name(self) -> str:
        day = self.ui.as_of.date_value()
        return self.tr("报送情况统计表（截至{0}）.xlsx").format(format_cn(day))

    def chosen_notice_ids(self) -> list[int]:
        if self.ui.all_notices.isChecked():
            return []
        model = self.ui.notices
        return [
            int(model.item(r).data(NOTICE_ID_ROLE))
            for r in range(model.rowCount())
            if model.item(r).checkState() == Qt.CheckState.Checked
        ]

    # -- slots ---------------------------------------------------------------------------
    def on_as_of_changed(self, _day: date) -> None:
        current = Path(self.ui.path.text())
        if current.name.startswith(self.tr("报送情况统计表（截至")):
            self.ui.path.setText(str(current.with_name(self.default_name())))

    def on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存报送情况统计表"),
            self.ui.path.text(),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if name:
            self.ui.path.setText(str(with_xlsx(name)))

    def on_export_clicked(self) -> None:
        notice_ids = self.chosen_notice_ids()
        if self.ui.some_notices.isChecked() and not notice_ids:
            QMessageBox.warning(self, self.windowTitle(), self.tr("请勾选要导出的通知。"))
            return
        if not self.ui.path.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("请选择保存位置。"))
            return
        remember_folder("xlsx", with_xlsx(self.ui.path.text()))
        try:
            as_of = self.ui.as_of.date_value()
        except TrackerError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        export = self.services.export

        def write(path: Path, progress: Any) -> Any:
            return export.write_status(path, notice_ids, as_of, progress)

        self.ui.export.setEnabled(False)
        # the window owns the progress and "done" boxes: they outlive this dialog
        owner = self.parentWidget() or self
        self.runner = ExportRunner(owner, self.windowTitle(), write)
        self.runner.finished.connect(self.on_runner_finished)
        self.runner.start(with_xlsx(self.ui.path.text()))

    def on_runner_finished(self, result: Any) -> None:
        self.ui.export.setEnabled(True)
        if result is not None:
            self.result_ = result
            self.accept()
