"""The main window on a 1366×768 laptop and a 1920×1080 screen at 150 %: it opens fitted (here
maximised), remembers its size and state, keeps 统计日期/今天 on screen, and its 报送情况 grid
shows default columns that fit, with a column chooser whose choice is remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QMenu

from tests.ui.conftest import open_main_window
from tests.ui.screens import BIG, SCREENS, fit_problems, office_screen, reachable
from tracker.services.bundle import Services
from tracker.ui.common.screen_fit import MAIN_WINDOW_SIZE, fit_main_window, room
from tracker.ui.common.state import ui_settings
from tracker.ui.common.table import set_default_widths
from tracker.ui.ledger.model import (
    COL_CATEGORY,
    COL_COMPLETED,
    COL_EXTENDED,
    COL_LAST_REMINDER,
    COL_UNIT,
)
from tracker.ui.main_window import STATE_KEY


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest) -> QScreen:
    return office_screen(request.param)


def _window_on(qtbot: Any, services: Services, screen: QScreen) -> Any:
    """The real window opened as on a first start on ``screen`` (the app opens it on the
    primary screen; on another one here by placing it there before it shows)."""
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    ctx = AppContext(str(services.ws.root))
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    if window.screen() is not screen:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.setGeometry(QRect(screen.availableGeometry().topLeft(), QSize(800, 600)))
        fit_main_window(window, restored=False)
    window.show()
    window.furnish()
    with qtbot.waitSignal(ctx.snapshots.loaded, timeout=20_000):
        ctx.attach(services)
    qtbot.waitUntil(lambda: window.screen() is screen)
    return window


def _reopen(qtbot: Any, window: Any, services: Services) -> Any:
    window.close()  # saves its state
    return open_main_window(qtbot, services)


def test_first_start_is_maximised_on_each_office_screen(
    qtbot: Any, demo_services: Services, screen: QScreen
) -> None:
    window = _window_on(qtbot, demo_services, screen)
    qtbot.waitUntil(window.isMaximized)
    assert not fit_problems(window, screen)
    for widget in (window.status.as_of_edit, window.status.today_button):
        assert reachable(widget, window), widget
    window.show_section("ledger")
    assert reachable(window.status.today_button, window)


def test_a_big_screen_gets_the_usual_size_centred(qtbot: Any, demo_services: Services) -> None:
    """Where there is room, 1280×800 in the middle of the screen rather than maximised."""
    big = office_screen(BIG)
    window = _window_on(qtbot, demo_services, big)
    assert not window.isMaximized()
    assert window.size() == MAIN_WINDOW_SIZE
    assert window.geometry().center() == room(window).center()
    assert not fit_problems(window, big)


def test_size_and_maximised_state_are_remembered(qtbot: Any, demo_services: Services) -> None:
    window = _window_on(qtbot, demo_services, office_screen("1366x768"))
    window.showNormal()
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.size() == QSize(1000, 600))
    window = _reopen(qtbot, window, demo_services)
    assert not window.isMaximized()
    assert window.size() == QSize(1000, 600)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window = _reopen(qtbot, window, demo_services)
    qtbot.waitUntil(window.isMaximized)


def test_a_window_from_a_bigger_monitor_is_brought_onto_this_one(
    qtbot: Any, demo_services: Services
) -> None:
    """Saved at 1800×1100 on a big monitor since unplugged, reopened on the laptop: fits."""
    from PySide6.QtWidgets import QMainWindow

    laptop = office_screen("1366x768")
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(laptop.availableGeometry().x() + 10, 40, 1800, 1100)  # never shown
    ui_settings().setValue(f"{STATE_KEY}/geometry", big.saveGeometry())
    window = open_main_window(qtbot, demo_services)
    assert not window.isMaximized()
    assert not fit_problems(window, laptop)


def test_default_grid_columns_fit_the_screen(
    qtbot: Any, demo_services: Services, screen: QScreen
) -> None:
    window = _window_on(qtbot, demo_services, screen)
    window.show_section("ledger")
    view = window.ledger_page.view
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    header = view.horizontalHeader()
    assert view.horizontalScrollBar().maximum() == 0
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    header.setStretchLastSection(False)  # the last column at its own default width too
    set_default_widths(view, window.ledger_page.model, only=shown[-1:])
    widths = [header.sectionSize(i) for i in shown]
    assert sum(widths) <= view.viewport().width(), (widths, view.viewport().width())
    assert header.isSectionHidden(COL_COMPLETED) and header.isSectionHidden(COL_LAST_REMINDER)


def _chooser_menu(window: Any) -> QMenu:
    return window.ledger_page.columns.menu()


def test_column_chooser_shows_hides_and_remembers(qtbot: Any, demo_services: Services) -> None:
    window = open_main_window(qtbot, demo_services)
    page = window.ledger_page
    menu = _chooser_menu(window)
    entries = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert list(entries)[:2] == ["单位", "类别"] and len(entries) == page.model.columnCount()
    assert not entries["最近催报"].isChecked() and entries["单位"].isChecked()
    entries["最近催报"].setChecked(True)  # shown
    entries["延期至"].setChecked(False)  # hidden
    assert not page.view.isColumnHidden(COL_LAST_REMINDER)
    assert page.view.columnWidth(COL_LAST_REMINDER) > 50
    window = _reopen(qtbot, window, demo_services)
    view = window.ledger_page.view
    assert not view.isColumnHidden(COL_LAST_REMINDER) and view.isColumnHidden(COL_EXTENDED)
    reset = [a for a in _chooser_menu(window).actions() if a.text() == "恢复默认列"]
    reset[0].trigger()
    assert view.isColumnHidden(COL_LAST_REMINDER) and not view.isColumnHidden(COL_EXTENDED)
    assert view.isColumnHidden(COL_CATEGORY)  # 类别 has its own filter: hidden at first


def test_the_last_column_shown_cannot_be_hidden(qtbot: Any, demo_services: Services) -> None:
    window = open_main_window(qtbot, demo_services)
    chooser = window.ledger_page.columns
    for column in range(1, window.ledger_page.model.columnCount()):
        chooser.set_shown(column, False)
    assert chooser.shown_columns() == [COL_UNIT]
    chooser.set_shown(COL_UNIT, False)
    assert chooser.shown_columns() == [COL_UNIT]
    only = [a for a in chooser.menu().actions() if a.isCheckable() and a.isChecked()]
    assert len(only) == 1 and not only[0].isEnabled()


def test_the_chooser_button_is_on_the_grid_toolbar(qtbot: Any, demo_services: Services) -> None:
    window = _window_on(qtbot, demo_services, office_screen("1366x768"))
    window.show_section("ledger")
    button = window.ledger_page.columns_button
    assert button.text() == "显示列" and reachable(button, window)
    menu = button.menu()
    menu.aboutToShow.emit()
    assert any(a.text() == "报齐日期" for a in menu.actions())


def test_the_welcome_page_fits(qtbot: Any, screen: QScreen, tmp_path: Any) -> None:
    from tracker.ui.welcome import WelcomePage

    page = WelcomePage(tmp_path)
    qtbot.addWidget(page)
    page.move(screen.availableGeometry().topLeft() + QPoint(20, 40))
    page.show()
    qtbot.waitExposed(page)
    assert not fit_problems(page, screen)
    for button in (page.new_button, page.open_button, page.demo_button):
        assert reachable(button, page)


def test_the_dashboards_tables_fit_their_panes_on_each_office_screen(
    qtbot: Any, demo_services: Services, screen: QScreen
) -> None:
    """概览 at 1366×768 and 1920×1080 @150 %: 今日待办, 近14天内截止 (通知 last, taking what is
    left) and 按单位 (down to 通报) need no sideways scrolling."""
    from PySide6.QtWidgets import QApplication

    from tracker.ui.dashboard.models import UpcomingModel

    window = _window_on(qtbot, demo_services, screen)
    qtbot.waitUntil(window.isMaximized)
    dash = window.dashboard
    dash.by_whom.setCurrentIndex(1)  # 按单位
    QApplication.processEvents()
    for key in ("todo", "upcoming", "units"):
        view = dash.views[key]
        assert view.horizontalScrollBar().maximum() == 0, key
    upcoming = dash.views["upcoming"]
    assert upcoming.columnWidth(
        UpcomingModel.COL_NOTICE
    ) >= upcoming.fontMetrics().horizontalAdvance("中" * 4)
