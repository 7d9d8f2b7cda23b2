"""The status bar: which workspace is open, the as-of date (replay any day), notes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar, QWidget

from tracker.domain.clock import today
from tracker.ui.common.dates import CnDateEdit
from tracker.ui.context import AppContext

if TYPE_CHECKING:
    from tracker.domain.changes import Changes


class StatusBar(QStatusBar):
    """统计日期 defaults to today; changing it replays the ledger as it stood that day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace_label = QLabel()
        # A long folder path must not widen the window: it may be cut; the tooltip has it all.
        self.workspace_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.loading_label = QLabel(self.tr("正在打开台账…"))
        self.calendar_note = QLabel()
        palette = self.calendar_note.palette()  # a palette, not a style sheet: start-up speed
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b85000"))
        self.calendar_note.setPalette(palette)
        self.as_of_edit = CnDateEdit(ctx.as_of)
        self.as_of_edit.setToolTip(self.tr("按这一天的情况统计；改成过去的日期可回看当时的台账"))
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天"))
        self.addWidget(self.workspace_label, 1)
        self.addWidget(self.loading_label)
        self.addPermanentWidget(self.calendar_note)
        self.addPermanentWidget(QLabel(self.tr("统计日期")))
        self.addPermanentWidget(self.as_of_edit)
        self.addPermanentWidget(self.today_button)
        self.as_of_edit.dateValueChanged.connect(ctx.set_as_of)
        self.today_button.clicked.connect(self.on_today_button_clicked)
        ctx.asOfChanged.connect(self.on_as_of_changed)
        ctx.ready.connect(self.on_ready)
        ctx.snapshots.loading.connect(self.on_loading)
        ctx.snapshots.loaded.connect(self.on_loaded)
        ctx.changes.changed.connect(self.on_changes)
        self.set_workspace(ctx.workspace_label)

    def set_workspace(self, label: str) -> None:
        self.workspace_label.setText(self.tr("台账：%s") % label if label else "")
        self.workspace_label.setToolTip(label)

    def on_ready(self) -> None:
        self.set_workspace(self.ctx.workspace_label)
        self.update_calendar_note()

    def on_today_button_clicked(self) -> None:
        self.as_of_edit.set_date_value(today())

    def on_as_of_changed(self, day: date) -> None:
        if self.as_of_edit.date_value() != day:
            self.as_of_edit.set_date_value(day)
        self.update_calendar_note()

    def on_changes(self, changes: Changes) -> None:
        from tracker.domain.changes import Topic

        if changes.touches(Topic.CALENDAR):
            self.update_calendar_note()

    def update_calendar_note(self) -> None:
        if not self.ctx.is_ready:
            return
        note = self.ctx.services.calendar.work_calendar().fallback_note(self.ctx.as_of.year)
        self.calendar_note.setText(note)
        self.calendar_note.setVisible(bool(note))

    def on_loading(self) -> None:
        self.loading_label.setText(self.tr("正在统计…"))
        self.loading_label.setVisible(True)

    def on_loaded(self, _snapshot: object) -> None:
        note = self.ctx.services.damaged_text_note() if self.ctx.is_ready else ""
        self.loading_label.setText(note)  # damaged text in a row: said, not a crash
        self.loading_label.setVisible(bool(note))
