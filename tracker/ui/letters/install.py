"""Plugs 催报函 and the printed lists into the main window (see tracker.ui.extensions).

Grid (toolbar and right-click): 生成催报函… for the selected rows, and 本事项全部逾期单位催报…
for every overdue unit of the selected rows' requirements. Menu 催报: the same for the whole
ledger, 逾期未报名单…, 即将到期名单…, 已发催报函….
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence


def install(window: Any) -> None:
    page = window.ledger_page
    selected = QAction(window.tr("生成催报函…"), window)
    selected.setShortcut(QKeySequence("Ctrl+Shift+L"))
    selected.setToolTip(window.tr("为选中的逾期未报/部分报送记录生成催报函"))
    selected.triggered.connect(
        lambda: _letters(window, obligation_ids=page.selected_obligation_ids())
    )
    page.add_action(selected)
    whole = QAction(window.tr("本事项全部逾期单位催报…"), window)
    whole.triggered.connect(lambda: _letters(window, requirement_ids=_requirements(page)))
    page.add_action(whole, toolbar=False)
    overdue = QAction(window.tr("打印逾期未报名单…"), window)
    overdue.triggered.connect(lambda: _list(window, "overdue", _requirements(page)))
    page.add_action(overdue, needs_selection=False)

    menu = window.menu(window.tr("催报"))
    every = menu.addAction(window.tr("为全部逾期单位生成催报函…"))
    every.triggered.connect(lambda: _letters(window))
    menu.addAction(selected)
    menu.addSeparator()
    menu.addAction(window.tr("逾期未报名单…")).triggered.connect(
        lambda: _list(window, "overdue", ())
    )
    menu.addAction(window.tr("即将到期名单…")).triggered.connect(
        lambda: _list(window, "due_soon", ())
    )
    menu.addSeparator()
    menu.addAction(window.tr("已发催报函…")).triggered.connect(lambda: _issued(window))


def _requirements(page: Any) -> tuple[int, ...]:
    return tuple(dict.fromkeys(r.requirement_id for r in page.selected_rows()))


def _letters(
    window: Any, obligation_ids: list[int] | None = None, requirement_ids: tuple[int, ...] = ()
) -> None:
    if not window.ctx.is_ready:
        return
    from tracker.domain.letter_request import LetterRequest
    from tracker.ui.letters.letter_dialog import LetterDialog

    base = LetterRequest(
        as_of=window.ctx.as_of,
        obligation_ids=tuple(obligation_ids or ()),
        requirement_ids=requirement_ids,
    )
    LetterDialog(window.ctx.services, base, window).exec()


def _list(window: Any, kind: str, requirement_ids: tuple[int, ...]) -> None:
    if not window.ctx.is_ready:
        return
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.ui.letters.list_dialog import StatusListDialog

    scope = LedgerQuery(as_of=window.ctx.as_of, requirement_ids=requirement_ids)
    StatusListDialog(window.ctx.services, scope, kind, window).exec()


def _issued(window: Any) -> None:
    if not window.ctx.is_ready:
        return
    from tracker.ui.letters.issued_dialog import IssuedLettersDialog

    IssuedLettersDialog(window.ctx.services, window).exec()
