"""``build_main_window(context)``: the one place the main window is put together.

The app (``tracker.app``), the self-test, the screenshots (``tracker.screens``) and the tests'
window fixtures all call it, so they all get the same window. The frame (navigation, menu
titles, status bar) paints first; right after its first paint ``furnish`` builds the sections
and places every action. Modules are imported inside the functions below so that the first
paint costs no more than a bare window's.

Where to add things:

- **A page** (a section of the side navigation): a QWidget made from the ``AppContext`` that
  loads once ``ctx.ready`` fired and refreshes on ``ctx.changes.changed`` (a typed
  ``Changes``: ``if changes.touches(Topic.NOTICES): …``). Add a ``Section`` to ``SECTIONS``
  with a small factory below.
- **A menu or grid action**: create the ``QAction`` in its area's actions class, which owns the
  slot (e.g. ``tracker.ui.letters.actions.LetterActions``), then place it in ``_menus`` or
  ``_grid`` below. A new area: a class taking the window, a field in ``Features``, one line in
  ``furnish``.
- **A dialog**: derive it from ``tracker.ui.common.screen_fit.FittedDialog`` (it then opens no
  larger than a 1366×768 or 150 % screen; a tall form goes into ``scrolling()`` with its
  buttons below; ``tests/ui/test_dialog_screens.py`` opens every dialog on both screens).
  Open it from an action's slot, importing its module inside the slot; give it
  ``ctx.services`` (typed) and push the ``Change`` it returns to ``features.forms.stack`` when
  Ctrl+Z should take it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow, Section

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from tracker.ui.bulletins.actions import BulletinActions
    from tracker.ui.chase.actions import ChaseActions
    from tracker.ui.dialogs.hub import FormsHub
    from tracker.ui.excel.actions import ExcelActions
    from tracker.ui.file_menu import FileActions
    from tracker.ui.help.actions import HelpActions
    from tracker.ui.letters.actions import LetterActions
    from tracker.ui.readers.actions import ReaderActions
    from tracker.ui.safety.actions import SafetyActions


def _overview(window: MainWindow) -> QWidget:
    from tracker.ui.dashboard.page import DashboardPage

    page = DashboardPage(window.ctx)
    page.drillDown.connect(window.open_ledger)
    page.rowsPicked.connect(window.select_in_ledger)
    return page


def _notices(window: MainWindow) -> QWidget:
    from tracker.ui.notices.page import NoticesPage

    page = NoticesPage(window.ctx)
    # Asked for at the moment of a correction: built before or after furnish, the page
    # reaches the window's one stack (编辑 ▸ 撤销).
    page.figureCorrected.connect(lambda change: window.features.forms.stack.push(change))
    return page


def _ledger(window: MainWindow) -> QWidget:
    from tracker.ui.ledger.section import LedgerSection

    section = LedgerSection(window.ctx)
    section.matrix.drillDown.connect(window.open_ledger)
    return section


def _ranking(window: MainWindow) -> QWidget:
    from tracker.ui.ranking.history_dialog import open_history
    from tracker.ui.ranking.page import RankingPage

    page = RankingPage(window.ctx)
    page.historyRequested.connect(lambda unit_id: open_history(window, window.ctx, unit_id))
    page.bulletinRequested.connect(lambda nid: window.features.bulletins.generate(nid))
    return page


def _units(window: MainWindow) -> QWidget:
    from tracker.ui.units.page import UnitsPage

    return UnitsPage(window.ctx)


def _reminders(window: MainWindow) -> QWidget:
    from tracker.ui.reminders import ReminderPage

    return ReminderPage(window.ctx)


def _audit(window: MainWindow) -> QWidget:
    from tracker.ui.audit import AuditPage

    return AuditPage(window.ctx)


# The side navigation, top to bottom (Ctrl+1 … in this order).
SECTIONS: tuple[Section, ...] = (
    Section("overview", "概览", _overview),
    Section("notices", "通知与报送事项", _notices),
    Section("ledger", "报送情况", _ledger),
    Section("ranking", "排名", _ranking),
    Section("units", "单位名录", _units),
    Section("reminders", "催报记录", _reminders),
    Section("audit", "操作日志", _audit),
)
# The menu bar, left to right (查看 is the window's own: the sections and 刷新).
MENUS: tuple[str, ...] = ("文件", "编辑", "查看", "通知", "登记", "工具", "催报", "帮助")


class Features(NamedTuple):
    """Each area's actions and what they opened last (typed handles for tests and shots)."""

    file: FileActions
    forms: FormsHub
    excel: ExcelActions
    letters: LetterActions
    bulletins: BulletinActions
    safety: SafetyActions
    help: HelpActions
    readers: ReaderActions
    chase: ChaseActions


def build_main_window(context: AppContext) -> MainWindow:
    """The main window on ``context`` (open or not yet): show it; it furnishes itself after
    its first paint (call ``window.furnish()`` to have everything at once, e.g. in a test)."""
    return MainWindow(context, SECTIONS, MENUS, furnish)


def furnish(window: MainWindow) -> Features:
    """Every area's actions, placed in the menus and on the grid (the sections are built)."""
    from tracker.ui.bulletins.actions import BulletinActions
    from tracker.ui.chase.actions import ChaseActions
    from tracker.ui.dialogs.hub import FormsHub
    from tracker.ui.excel.actions import ExcelActions
    from tracker.ui.file_menu import FileActions
    from tracker.ui.help.actions import HelpActions
    from tracker.ui.letters.actions import LetterActions
    from tracker.ui.readers.actions import ReaderActions
    from tracker.ui.safety.actions import SafetyActions

    forms = FormsHub(window)
    letters = LetterActions(window)
    bulletins = BulletinActions(window, forms.stack)
    features = Features(
        file=FileActions(window),
        forms=forms,
        excel=ExcelActions(window, forms.stack),
        letters=letters,
        bulletins=bulletins,
        safety=SafetyActions(window, forms.stack),
        help=HelpActions(window),
        readers=ReaderActions(window, forms.stack),
        chase=ChaseActions(window, forms, letters, bulletins),
    )
    _menus(window, features)
    _grid(window, features)
    return features


def _menus(window: MainWindow, f: Features) -> None:
    """Each menu's actions in order; None draws a separator."""
    menu = window.menu
    _fill(
        menu(window.tr("文件")),
        f.file.new_action,
        f.file.open_action,
        f.file.demo_action,
        None,
        f.excel.export_action,
        f.excel.ledger_import_action,
        None,
        f.safety.backup_action,
        f.safety.restore_action,
        None,
        f.file.quit_action,
    )
    _fill(menu(window.tr("编辑")), f.forms.stack.action)
    _fill(
        menu(window.tr("登记")),
        f.forms.register_action,
        f.forms.exempt_action,
        f.forms.extend_action,
        f.forms.remind_action,
        None,
        f.readers.intake_action,
        f.readers.folder_action,
        None,
        f.forms.detail_action,
        f.forms.unexempt_action,
        f.forms.unextend_action,
        f.forms.unregister_action,
    )
    _fill(menu(window.tr("通知")), f.readers.notice_action)
    _fill(menu(window.tr("工具")), f.forms.settings_action)
    _fill(
        menu(window.tr("催报")),
        f.letters.every_action,
        f.letters.selected_action,
        None,
        f.letters.overdue_action,
        f.letters.due_soon_action,
        None,
        f.letters.issued_action,
        None,
        f.bulletins.generate_action,
        f.bulletins.issued_action,
    )
    _fill(menu(window.tr("帮助")), f.help.guide_action, None, f.help.about_action)
    # Shortcuts that work before the menu bar is enabled (the workspace still opening).
    window.addAction(f.forms.stack.action)
    window.addAction(f.help.guide_action)


def _grid(window: MainWindow, f: Features) -> None:
    """The 报送情况 grid's toolbar and right-click menu, left to right."""
    grid = window.ledger_page
    grid.add_action(f.forms.register_action, needs_selection=False)
    grid.add_action(f.forms.exempt_action)
    grid.add_action(f.forms.extend_action)
    grid.add_action(f.forms.remind_action)
    grid.add_action(f.chase.follow_action)
    grid.add_action(f.forms.detail_action)
    grid.add_action(f.forms.unexempt_action, toolbar=False)
    grid.add_action(f.forms.unextend_action, toolbar=False)
    grid.add_action(f.forms.unregister_action, toolbar=False)
    grid.add_action(f.excel.export_selected_action)
    grid.add_action(f.excel.export_listed_action, needs_selection=False)
    grid.add_action(f.letters.selected_action)
    grid.add_action(f.letters.requirement_action, toolbar=False)
    grid.add_action(f.letters.grid_overdue_action, needs_selection=False)
    grid.add_action(f.bulletins.queue_action, toolbar=False)
    grid.add_action(f.bulletins.unqueue_action, toolbar=False)


def _fill(menu: QMenu, *actions: QAction | None) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
