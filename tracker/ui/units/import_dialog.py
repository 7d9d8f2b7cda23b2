"""导入单位名录: read the workbook in a worker, show what would change (or every problem, row
by row), ask before adding new categories, then import all of it or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError, ValidationError
from tracker.ui.common.errors import report_exception
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.table import setup_table
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.units.import_model import ImportPlanModel

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class ImportDialog(FittedDialog):
    imported = Signal(object, object)  # ImportPlan, Change
    previewed = Signal()  # the preview (or its refusal) is on screen

    def __init__(self, services: Services, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.path = Path(path)
        self.plan: Any = None
        self.setWindowTitle(self.tr("导入单位名录 — {0}").format(self.path.name))
        self.resize(860, 560)
        self._build()
        self.start_preview()

    def _build(self) -> None:
        self.summary = QLabel(self.tr("正在读取“{0}”…").format(self.path.name), self)
        self.summary.setWordWrap(True)
        self.model = ImportPlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, self.model)
        self.problems_model = QStringListModel(self)
        self.problems = QListView(self)
        self.problems.setModel(self.problems_model)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.hide()
        self.notes = MessageStrip("info", self)
        self.error = MessageStrip("error", self)
        self.consent = QCheckBox(self)
        self.consent.hide()
        self.consent.toggled.connect(self._update_ok)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("导入"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.error, self.notes):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.consent)
        layout.addWidget(self.buttons)

    # -- preview -------------------------------------------------------------------------
    def start_preview(self) -> None:
        path, roster = self.path, self.services.roster
        run_with_progress(
            self,
            self.tr("导入单位名录"),
            self.tr("正在读取名录…"),
            lambda control: roster.preview(path),
            on_done=self.on_previewed,
            on_error=self.on_failed,
        )

    def on_previewed(self, plan: Any) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self.summary.setText(self.tr("“{0}”：{1}").format(self.path.name, plan.summary))
        self.notes.show_message("\n".join(plan.notes))
        if plan.new_categories:
            names = "、".join(plan.new_categories)
            self.consent.setText(self.tr("同时新增类别：{0}（勾选后才能导入）").format(names))
            self.consent.show()
        self._update_ok()
        self.previewed.emit()

    def on_failed(self, exc: BaseException, details: str = "") -> None:
        if not isinstance(exc, TrackerError):
            self.reject()
            report_exception(exc, details)
            return
        problems = exc.problems if isinstance(exc, ValidationError) else []
        head = TrackerError.__str__(exc) if problems else str(exc)
        self.error.show_message(head)
        self.summary.setText(self.tr("没有导入任何内容。请按下列提示修改文件后重新导入："))
        self.problems_model.setStringList(problems)
        self.problems.setVisible(bool(problems))
        self.table.setVisible(self.plan is not None and not problems)
        self.ok.setEnabled(False)
        self.previewed.emit()

    def _update_ok(self) -> None:
        needs_consent = self.plan is not None and bool(self.plan.new_categories)
        ready = self.plan is not None and (self.consent.isChecked() or not needs_consent)
        self.ok.setEnabled(ready)

    # -- import --------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.plan is None:
            return
        self.ok.setEnabled(False)
        path, roster, allow = self.path, self.services.roster, self.consent.isChecked()
        run_with_progress(
            self,
            self.tr("导入单位名录"),
            self.tr("正在导入…"),
            lambda control: roster.apply(path, allow_new_categories=allow),
            on_done=self.on_imported,
            on_error=self.on_failed,
        )

    def on_imported(self, result: tuple[Any, Any]) -> None:
        plan, change = result
        self.imported.emit(plan, change)
        self.accept()
