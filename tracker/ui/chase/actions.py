"""按建议办理: doing the escalation ladder's next step for an obligation — from the grid's 建议
column (double-click, or the toolbar's 按建议办理…) and from the dashboard's 今日待办.

电话催报 opens 记录催报 with 电话 chosen; 发催报函 opens 生成催报函 for that unit; 列入通报 puts the
units on the list for the next 上报情况通报 of their notice (``BulletinActions.queue``); once
they are listed (已列入通报), 今日待办's 生成通报 opens that notice's 通报.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from tracker.domain.errors import TrackerError
from tracker.domain.ladder import Step
from tracker.ui.common.errors import show_error

if TYPE_CHECKING:
    from tracker.domain.ladder import Suggestion
    from tracker.ui.bulletins.actions import BulletinActions
    from tracker.ui.dialogs.hub import FormsHub
    from tracker.ui.letters.actions import LetterActions
    from tracker.ui.main_window import MainWindow


class ChaseActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        forms: FormsHub,
        letters: LetterActions,
        bulletins: BulletinActions,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.forms = forms
        self.letters = letters
        self.bulletins = bulletins
        self.follow_action = QAction(self.tr("按建议办理…"), window)
        self.follow_action.setToolTip(
            self.tr("按“建议”一栏办理所选记录：电话催报、发催报函或列入通报")
        )
        self.follow_action.triggered.connect(lambda _=False: self.follow_current())
        window.ledger_page.suggestionActivated.connect(self.follow)
        dashboard = window.dashboard
        dashboard.stepRequested.connect(self.perform)
        dashboard.nextStepRequested.connect(self.take_first_steps)
        dashboard.archiveRequested.connect(self.archive)

    def suggestion(self, obligation_id: int) -> Suggestion | None:
        snapshot = self.window.ctx.snapshots.current
        return snapshot.suggestions.get(obligation_id) if snapshot is not None else None

    def follow_current(self) -> None:
        oid = self.window.ledger_page.current_obligation_id()
        if oid is not None:
            self.follow(oid)

    def follow(self, obligation_id: int) -> None:
        """Do what the ladder suggests for ``obligation_id`` (nothing while it says wait)."""
        suggestion = self.suggestion(obligation_id)
        if suggestion is not None:
            self.perform(suggestion.step, [obligation_id])

    def perform(self, step: Step, obligation_ids: Sequence[int]) -> None:
        if step is Step.PHONE:
            self.forms.open_remind(list(obligation_ids), method="电话")
        elif step is Step.LETTER:
            self.letters.letters(list(obligation_ids))
        elif step is Step.BULLETIN:
            self.add_to_bulletin(list(obligation_ids))
        elif step is Step.QUEUED and obligation_ids:
            self.issue_bulletin(obligation_ids[0])

    def take_first_steps(self, what: str) -> None:
        """An empty workspace's next step: 导入单位名录 or 新建通知."""
        if what == "units":
            self.window.show_section("units")
            self.window.units_page.transfer.start_import()
        else:
            self.window.show_section("notices")
            self.window.notices_page.on_new_clicked()

    def archive(self, notice_id: int, archived: bool) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        try:
            change = ctx.services.archive.archive(notice_id, archived)
        except TrackerError as exc:
            show_error(self.window, exc)
            return
        self.window.statusBar().showMessage(change.summary, 5000)

    def issue_bulletin(self, obligation_id: int) -> None:
        """The units are on the list already: open 生成通报 for their notice."""
        snapshot = self.window.ctx.snapshots.current
        position = snapshot.index.position.get(obligation_id) if snapshot is not None else None
        if snapshot is not None and position is not None:
            self.bulletins.generate(snapshot.rows[position].notice_id)

    def add_to_bulletin(self, obligation_ids: list[int]) -> None:
        """Name these units in the next 上报情况通报 of their notice (列入下次通报)."""
        if self.window.ctx.is_ready and obligation_ids:
            self.bulletins.queue(obligation_ids)  # it says so in the status bar
