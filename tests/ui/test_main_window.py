"""The main window on a real demo workspace: sections, as-of replay, refresh on change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.domain.forms import Form
from tracker.domain.status import Status
from tracker.ui.composition import MENUS, SECTIONS
from tracker.ui.ledger.filtering import LedgerFilter


def test_navigating_shows_each_section(qtbot, main_window) -> None:
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == [
        "概览",
        "通知与报送事项",
        "报送情况",
        "排名",
        "单位名录",
        "催报记录",
        "操作日志",
    ]
    for row, (key, _title, _build) in enumerate(SECTIONS):
        main_window.nav.setCurrentRow(row)
        page = main_window.section_widget(key)
        assert main_window.stack.currentWidget() is page
        assert main_window.current_section() == key


def test_keyboard_shortcuts_switch_sections(qtbot, main_window) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_section() == "ledger"


def test_status_bar_shows_workspace_and_as_of(qtbot, main_window) -> None:
    bar = main_window.status
    assert main_window.ctx.services.label in bar.workspace_label.text()
    assert bar.as_of_edit.text() == "2023年12月1日"
    assert not bar.calendar_note.isVisible()


def test_as_of_in_a_year_without_holiday_data_shows_a_note(qtbot, main_window) -> None:
    bar = main_window.status
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        bar.as_of_edit.set_date_value(date(2031, 3, 2))
    assert "2031年节假日数据缺失" in bar.calendar_note.text()
    assert main_window.dashboard.upcoming.rowCount() == 0
    assert main_window.dashboard.no_upcoming.isVisibleTo(main_window.dashboard)


def test_as_of_change_replays_the_ledger(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.ON_TIME, Status.LATE})))
    done_now = page.proxy.rowCount()
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        main_window.status.as_of_edit.set_date_value(date(2021, 11, 30))
    assert page.model.rows[0].as_of == date(2021, 11, 30)
    assert 0 < page.proxy.rowCount() < done_now  # in 2021 only the 2021 returns had come in
    assert main_window.dashboard.heading.text() == "截至2021年11月30日"
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        main_window.status.today_button.click()
    assert page.proxy.rowCount() == done_now


def test_views_refresh_on_the_change_signal(qtbot, main_window) -> None:
    services = main_window.ctx.services
    page = main_window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    before = page.proxy.rowCount()
    row = page.visible_rows()[0]
    with qtbot.waitSignal(main_window.ctx.snapshots.updated, timeout=10_000):
        services.ledger.register(row.obligation_id, row.required_forms, date(2023, 11, 30))
    assert page.proxy.rowCount() == before - 1
    assert row.obligation_id not in {r.obligation_id for r in page.visible_rows()}
    assert page.filter_bar.status_buttons[Status.OVERDUE].text() == f"逾期未报 {before - 1}"


def test_menus_come_in_the_composition_order(qtbot, main_window) -> None:
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles == list(MENUS)
    assert main_window.menuBar().isEnabled()
    view = [a.text() for a in main_window.menu("查看").actions() if not a.isSeparator()]
    assert view == [*(title for _key, title, _build in SECTIONS), "刷新"]


def test_the_window_has_only_what_its_class_declares(qtbot, main_window) -> None:
    """Nothing is stuck onto the window from outside (the areas' handles are in features)."""
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    bare = build_main_window(AppContext("x"))
    qtbot.addWidget(bare)
    assert set(vars(main_window)) == set(vars(bare))


def test_notices_and_units_are_the_real_pages(qtbot, qtmodeltester, main_window) -> None:
    from tracker.ui.notices.page import NoticesPage
    from tracker.ui.units.page import UnitsPage

    notices = main_window.section("notices", NoticesPage)
    units = main_window.section("units", UnitsPage)
    assert notices.model.rowCount() > 0 and units.model.rowCount() > 0
    qtmodeltester.check(notices.model)
    qtmodeltester.check(units.model)
    docs = {n.doc_number for n in notices.model.rows}
    assert "津市场监管标准〔2023〕14号" in docs
    assert any(u.name == "和平区市场监管局" for u in units.model.rows)
    assert notices.ui.new.isEnabled() and units.ui.new.isEnabled()


def test_pages_wait_for_the_workspace(qtbot) -> None:
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    window = build_main_window(AppContext("x"))
    qtbot.addWidget(window)
    window.furnish()
    assert window.notices_page.model.rowCount() == 0
    assert not window.notices_page.ui.new.isEnabled()
    assert not window.units_page.ui.new.isEnabled()
    assert not window.menuBar().isEnabled()
    window.features.forms.register_action.trigger()  # Ctrl+R before the workspace is open
    assert window.features.forms.flow.current is None


def test_window_geometry_is_remembered(qtbot, main_window, demo_services) -> None:
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    main_window.resize(780, 520)  # fits the offscreen 800×600 screen
    saved = main_window.size()
    main_window.close()  # saves
    again = build_main_window(AppContext("x"))
    qtbot.addWidget(again)
    assert again.size() == saved
    assert again.height() == 520  # not the first-run default


def test_partial_rows_name_missing_forms(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.PARTIAL})))
    rows = page.visible_rows()
    assert rows and all(r.missing_forms != Form.NONE for r in rows)


def test_a_typed_as_of_day_is_replayed_as_typed_or_refused(qtbot, main_window) -> None:
    from tests.helpers.typing import type_text

    field = main_window.status.as_of_edit
    type_text(field, "2023年2月30日", replace=True)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert main_window.ctx.as_of == date(2023, 12, 1)  # not 2月28日, nor anything else
    assert "不存在" in field.toolTip() and not field.is_valid()
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        type_text(field, "2023-11-23", replace=True)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert main_window.ctx.as_of == date(2023, 11, 23) and field.text() == "2023年11月23日"


def test_a_past_day_is_announced_by_a_banner(qtbot, main_window) -> None:
    banner = main_window.past_day
    assert not banner.isVisible()
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        main_window.status.as_of_edit.set_date_value(date(2023, 11, 23))
    assert banner.isVisible() and "正在回看2023年11月23日的台账" in banner.text()
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=10_000):
        banner.linkActivated.emit("today")
    assert main_window.ctx.as_of == date(2023, 12, 1) and not banner.isVisible()
