"""催报函 and the printed lists.

Grid (toolbar and right-click): 生成催报函… for the selected rows, 本事项全部逾期单位催报… for
every overdue unit of the selected rows' requirements, 打印逾期未报名单…. Menu 催报: the same
for the whole ledger, 逾期未报名单…, 即将到期名单…, 已发催报函…. The composition places them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow


class LetterActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.selected_action = self._action(
            "生成催报函…", lambda: self.letters(self.window.ledger_page.selected_obligation_ids())
        )
        self.selected_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.selected_action.setToolTip(self.tr("为选中的逾期未报/部分报送记录生成催报函"))
        self.requirement_action = self._action(
            "本事项全部逾期单位催报…", lambda: self.letters(requirement_ids=self._requirements())
        )
        self.grid_overdue_action = self._action(
            "打印逾期未报名单…", lambda: self.status_list("overdue", self._requirements())
        )
        self.every_action = self._action("为全部逾期单位生成催报函…", self.letters)
        self.overdue_action = self._action("逾期未报名单…", lambda: self.status_list("overdue"))
        self.due_soon_action = self._action("即将到期名单…", lambda: self.status_list("due_soon"))
        self.issued_action = self._action("已发催报函…", self.issued)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self.tr(text), self.window)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _requirements(self) -> tuple[int, ...]:
        rows = self.window.ledger_page.selected_rows()
        return tuple(dict.fromkeys(r.requirement_id for r in rows))

    def letters(
        self, obligation_ids: list[int] | None = None, requirement_ids: tuple[int, ...] = ()
    ) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.domain.letter_request import LetterRequest
        from tracker.ui.letters.letter_dialog import LetterDialog

        base = LetterRequest(
            as_of=ctx.as_of,
            obligation_ids=tuple(obligation_ids or ()),
            requirement_ids=requirement_ids,
        )
        LetterDialog(ctx.services, base, self.window).exec()

    def status_list(self, kind: str, requirement_ids: tuple[int, ...] = ()) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.domain.ledger_query import LedgerQuery
        from tracker.ui.letters.list_dialog import StatusListDialog

        scope = LedgerQuery(as_of=ctx.as_of, requirement_ids=requirement_ids)
        StatusListDialog(ctx.services, scope, kind, self.window).exec()

    def issued(self) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.ui.letters.issued_dialog import IssuedLettersDialog

        IssuedLettersDialog(ctx.services, self.window).exec()
