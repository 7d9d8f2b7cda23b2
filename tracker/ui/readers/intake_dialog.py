"""登记 ▸ 批量登记收到的材料…: read the files in a worker (progress, 取消), let the clerk check
and correct each proposal, then register the ticked ones in one transaction (one undo)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.clock import today
from tracker.domain.errors import TrackerError
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.worker import Task, TaskControl, run_task
from tracker.ui.dialogs.fields import MessageStrip, date_edit
from tracker.ui.readers.intake_model import (
    CHOICES_ROLE,
    COL_FILE,
    COL_REASON,
    COL_REQ,
    COL_UNIT,
    IntakeModel,
)

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of the column's choices (units, or requirements) as its editor."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)  # type to find: 河西 …
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for label, key in index.data(CHOICES_ROLE) or []:
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        at = editor.findText(str(index.data() or ""), Qt.MatchFlag.MatchContains)
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class IntakeDialog(FittedDialog):
    registered = Signal(object)  # the Change (one undo takes the batch back)

    def __init__(self, services: Any, paths: Sequence[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.paths = [Path(p) for p in paths]
        self.task: Task | None = None
        self.model = IntakeModel(self)
        self.setWindowTitle(self.tr("批量登记收到的材料"))
        self._build()
        self._load_choices()
        self.start()

    def _build(self) -> None:
        self.summary = QLabel(self.tr("正在读取文件…"), self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.stop = QPushButton(self.tr("取消读取"), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_UNIT, ChoiceDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_REQ, ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.why = QLabel(self)  # the selected file's whole 依据, wrapped
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageStrip("error", self)
        hint = QLabel(self.tr("双击“单位”“报送事项”“形式”可更正；只登记打勾的文件。"), self)
        self.register = QPushButton(self.tr("登记所选"), self)
        self.register.setDefault(True)
        self.register.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.same_day = QCheckBox(self.tr("统一收到日期"), self)
        self.same_day.setToolTip(self.tr("不勾选时，按各文件的修改日期"))
        self.day = date_edit(today(), self)
        self.day.set_limits(maximum=today(), too_late=self.tr("收到日期不能晚于今天"))
        self.day.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.stop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.same_day)
        bottom.addWidget(self.day)
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.register)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.stop.clicked.connect(self.on_stop_clicked)
        self.register.clicked.connect(self.on_register_clicked)
        self.close_button.clicked.connect(self.reject)
        self.model.dataChanged.connect(lambda *_: self._count())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_why())
        self.model.dataChanged.connect(lambda *_: self._show_why())
        self.same_day.toggled.connect(lambda _: self.on_day_changed())
        self.day.dateValueChanged.connect(lambda _: self.on_day_changed())
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 104, em * 52)  # FittedDialog keeps it on a small screen

    def _load_choices(self) -> None:
        units = [(u.name, u.id) for u in self.services.units.list_units() if u.active]
        reqs = [
            (f"{n.doc_number or n.title} {r.title}".strip(), r.id)
            for n in self.services.notices.list_notices()
            for r in n.requirements
        ]
        self.model.set_choices(units, reqs)

    # -- reading (worker) ------------------------------------------------------------------
    def start(self) -> None:
        intake, paths = self.services.intake, self.paths

        def work(control: TaskControl) -> list[Any]:
            return list(
                intake.propose(
                    paths,
                    progress=lambda d, t, name: control.progress(d, t, name),
                    cancelled=lambda: control.cancelled,
                )
            )

        self.task = run_task(
            work,
            on_done=self.on_proposed,
            on_error=self.on_failed,
            on_progress=self.on_progress,
            owner=self,
        )

    def on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if name:
            self.summary.setText(self.tr("正在读取（{0}/{1}）：{2}").format(done + 1, total, name))

    def on_stop_clicked(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def on_failed(self, exc: BaseException, details: str) -> None:
        self._reading_done()
        if isinstance(exc, TrackerError):
            self.summary.setText(str(exc))
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)

    def on_proposed(self, proposals: list[Any]) -> None:
        self._reading_done()
        self.model.set_rows(proposals)
        if self.same_day.isChecked():
            self.on_day_changed()
        self.table.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("中")
        for col, width in ((COL_FILE, 22), (COL_REASON, 30)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), em * width))
        self._count()

    def _reading_done(self) -> None:
        self.task = None
        self.progress.hide()
        self.stop.hide()

    def _count(self) -> None:
        rows = self.model.rows
        by = {s: sum(p.status == s for p in rows) for s in ("matched", "ambiguous", "unmatched")}
        ticked = len(self.model.confirmed())
        self.summary.setText(
            self.tr(
                "共 {0} 个文件：认出 {1} 个，有歧义 {2} 个，未认出 {3} 个。已勾选 {4} 个。"
            ).format(len(rows), by["matched"], by["ambiguous"], by["unmatched"], ticked)
        )
        self.register.setText(self.tr("登记所选（{0}）").format(ticked))
        self.register.setEnabled(ticked > 0)

    def _show_why(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            p = self.model.rows[row]
            self.why.setText(self.tr("{0}：{1}").format(p.file, p.reason or "—"))
        else:
            self.why.clear()

    def on_day_changed(self) -> None:
        on = self.same_day.isChecked()
        self.day.setEnabled(on)
        self.model.set_received(self.day.date_value() if on and self.day.is_valid() else None)

    # -- registering -----------------------------------------------------------------------
    def on_register_clicked(self) -> None:
        if self.same_day.isChecked() and not self.day.is_valid():
            self.message.show_message(self.day.problem())
            return
        try:
            result = self.services.intake.register(self.model.confirmed())
        except TrackerError as exc:
            self.message.show_error(exc)
            return
        if result.change is not None:
            self.registered.emit(result.change)
        self.accept()
