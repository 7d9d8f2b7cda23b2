"""概览: numbers computed from the ledger, each clickable into the filtered grid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from tracker.domain.overview import build_overview
from tracker.domain.status import Status
from tracker.domain.workdays import WorkCalendar
from tracker.services.ledger_rows import LedgerQuery
from tracker.ui.dashboard.models import CategoryModel, ProgressModel, UpcomingModel


def _click(qtbot, view, row: int, column: int) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_dashboard_models_pass_the_model_tester(qtmodeltester, main_window) -> None:
    dash = main_window.dashboard
    for model in (dash.upcoming, dash.progress, dash.categories):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_upcoming_deadlines_within_14_days(qtbot, main_window) -> None:
    upcoming = main_window.dashboard.upcoming.rows
    as_of = main_window.ctx.as_of
    assert upcoming
    assert all(0 <= (u.due - as_of).days <= 14 for u in upcoming)
    assert [u.due for u in upcoming] == sorted(u.due for u in upcoming)


def test_clicking_overdue_count_opens_the_filtered_grid(qtbot, main_window) -> None:
    dash = main_window.dashboard
    view = dash.views["categories"]
    row = next(i for i, c in enumerate(dash.categories.rows) if c.overdue)
    category = dash.categories.rows[row]
    _click(qtbot, view, row, CategoryModel.COL_OVERDUE)
    assert main_window.current_section() == "ledger"
    rows = main_window.ledger_page.visible_rows()
    assert len(rows) == category.overdue
    assert {(r.category, r.status) for r in rows} == {(category.category, Status.OVERDUE)}


def test_clicking_progress_done_count_opens_done_rows(qtbot, main_window) -> None:
    dash = main_window.dashboard
    item = dash.progress.rows[0]
    _click(qtbot, dash.views["progress"], 0, ProgressModel.COL_DONE)
    rows = main_window.ledger_page.visible_rows()
    assert len(rows) == item.tally.sent
    assert {r.requirement_id for r in rows} == {item.requirement_id}
    assert {r.status for r in rows} <= {Status.ON_TIME, Status.LATE}


def test_clicking_upcoming_open_count(qtbot, main_window) -> None:
    dash = main_window.dashboard
    row = next(i for i, u in enumerate(dash.upcoming.rows) if u.tally.open)
    _click(qtbot, dash.views["upcoming"], row, UpcomingModel.COL_OPEN)
    rows = main_window.ledger_page.visible_rows()
    assert rows and all(r.status not in (Status.ON_TIME, Status.LATE) for r in rows)


def test_status_totals_link_to_the_grid(qtbot, main_window) -> None:
    dash = main_window.dashboard
    assert "逾期未报" in dash.totals.text()
    dash.totals.linkActivated.emit("partial")
    rows = main_window.ledger_page.visible_rows()
    assert rows and {r.status for r in rows} == {Status.PARTIAL}


def test_overview_flags_deadlines_on_off_days(demo_services) -> None:
    rows = demo_services.ledger.rows(LedgerQuery(as_of=date(2023, 9, 25)))
    cal = WorkCalendar()
    moved = [replace(r, extended_to=date(2023, 10, 1)) for r in rows[:3]]
    overview = build_overview(moved, date(2023, 9, 25), cal)
    assert overview.upcoming[0].note == "国庆节"
    assert overview.upcoming[0].extended
    assert overview.upcoming[0].workdays_left == cal.workdays_between(
        date(2023, 9, 25), date(2023, 10, 1)
    )
