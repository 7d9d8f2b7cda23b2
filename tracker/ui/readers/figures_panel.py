"""The 关键数据 tab of a notice: figures per unit read in a worker, corrections saved (and
audited) through the service, totals, and the ready sentence for the office's own summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.figures import KINDS
from tracker.ui.common.worker import run_task
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.readers.figures_model import FiguresModel


class FiguresPanel(QWidget):
    """Reads the figures again when shown after ``invalidate()`` (the page calls it on the
    change notices: a registration, a correction, its undo)."""

    corrected = Signal(object)  # the Change a correction made (for 编辑 ▸ 撤销)

    def __init__(self, services: Callable[[], Any], parent: QWidget | None = None) -> None:
        """``services()``: the open workspace's services (asked only when figures load)."""
        super().__init__(parent)
        self._services = services
        self.notice_id: int | None = None
        self._stale = False
        self.model = FiguresModel(self.on_corrected, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.copy = QPushButton(self.tr("复制这句话"), self)
        self.copy.clicked.connect(self.on_copy_clicked)
        self.status = QLabel(self)
        self.message = MessageStrip("error", self)
        hint = QLabel(self.tr("数字取自各单位报送的总结（“余”按下限计）；双击可更正，悬停看原句。"))
        row = QHBoxLayout()
        row.addWidget(self.sentence, 1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        self.copy.setEnabled(False)

    @property
    def services(self) -> Any:
        return self._services()

    def set_notice(self, notice_id: int | None) -> None:
        self.notice_id = notice_id
        self.reload()

    def show_notice(self, notice_id: int | None) -> None:
        """Show ``notice_id``'s figures, read again unless they are on show and current."""
        if notice_id is None or notice_id != self.notice_id or self._stale:
            self.set_notice(notice_id)

    def invalidate(self) -> None:
        """What the figures were read from may have changed: read them when next shown."""
        self._stale = True

    def reload(self) -> None:
        notice_id = self.notice_id
        self._stale = False
        self.message.clear_message()
        if notice_id is None:
            self.model.set_table([], [], {})
            self._show_sentence("")
            return
        self.status.setText(self.tr("正在读取各单位的总结…"))
        figures = self.services.figures
        run_task(
            lambda control: figures.table(notice_id),
            on_done=lambda table: self.on_loaded(notice_id, table),
            on_error=self.on_failed,
            owner=self,
        )

    def on_loaded(self, notice_id: int, table: Any) -> None:
        if notice_id != self.notice_id:
            return  # the clerk chose another notice meanwhile
        totals = table.totals()
        # every kind a column: the clerk types what a scan or a paper copy says
        self.model.set_table(table.rows, KINDS, totals, table.submitted)
        self.table.resizeColumnsToContents()
        self._show_sentence(table.sentence())
        problems = "；".join(table.problems[:3])
        if not table.submitted and not table.rows:
            self.status.setText(self.tr("这个通知还没有登记任何材料。"))
        elif not table.rows:
            self.status.setText(self.tr("已登记的材料中还没有读出关键数据；双击格子可填入。"))
        else:
            self.status.setText(problems and self.tr("未能读取：") + problems)

    def on_failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, TrackerError):
            self.message.show_error(exc)
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)

    def _show_sentence(self, text: str) -> None:
        self.sentence.setText(text)
        self.copy.setEnabled(bool(text))

    def on_corrected(self, obligation_id: int, kind: str, value: int | None, approx: bool) -> None:
        try:
            change = self.services.figures.correct(obligation_id, kind, value, approx)
        except TrackerError as exc:
            self.message.show_error(exc)
            return
        self.corrected.emit(change)  # the table reads again on the change notice

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.sentence.text())
