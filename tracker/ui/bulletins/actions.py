"""通报 actions: 催报 ▸ 生成通报… and 已印发通报…; on the grid 列入下次通报 / 移出下次通报
(the escalation ladder's last step, for the selected rows), each undone with Ctrl+Z like the
other decisions. The composition places them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from tracker.domain.errors import TrackerError

if TYPE_CHECKING:
    from tracker.domain.records import Change
    from tracker.ui.dialogs.undo_stack import ChangeStack
    from tracker.ui.main_window import MainWindow


class BulletinActions(QObject):
    def __init__(self, window: MainWindow, stack: ChangeStack) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.generate_action = self._action("生成通报…", lambda: self.generate())
        self.generate_action.setToolTip(self.tr("就一个通知印发上报情况通报，附排名表"))
        self.issued_action = self._action("已印发通报…", self.issued)
        self.queue_action = self._action("列入下次通报", self.queue_selected)
        self.queue_action.setToolTip(self.tr("在下次就其通知印发的通报中点名这些单位"))
        self.unqueue_action = self._action("移出下次通报", self.unqueue_selected)
        self.dialog: QDialog | None = None  # the dialog opened last (for tests and shots)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self.tr(text), self.window)
        action.triggered.connect(lambda _=False: slot())
        return action

    def generate(self, notice_id: int | None = None) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.ui.bulletins.dialog import BulletinDialog

        self.dialog = dialog = BulletinDialog(ctx.services, ctx.as_of, notice_id, self.window)
        dialog.open()

    def issued(self) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.ui.bulletins.issued_dialog import IssuedBulletinsDialog

        self.dialog = dialog = IssuedBulletinsDialog(ctx.services, self.window)
        dialog.open()

    def queue(self, obligation_ids: Sequence[int]) -> Change | None:
        """Put obligations on the list for the next 通报 (the ladder's 通报 step calls this);
        Ctrl+Z takes it back."""
        return self._apply(lambda s: s.bulletins.queue(obligation_ids))

    def unqueue(self, obligation_ids: Sequence[int]) -> Change | None:
        return self._apply(lambda s: s.bulletins.unqueue(obligation_ids))

    def queue_selected(self) -> None:
        self.queue(self.window.ledger_page.selected_obligation_ids())

    def unqueue_selected(self) -> None:
        self.unqueue(self.window.ledger_page.selected_obligation_ids())

    def _apply(self, do: Callable[..., Change]) -> Change | None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return None
        try:
            change = do(ctx.services)
        except TrackerError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return None
        if change.audit_ids:  # nothing listed (all there already): nothing to undo
            self.stack.push(change)
        self.window.statusBar().showMessage(change.summary, 5000)
        return change
