"""After a registration, 免报, 延期, 催报 or an undo only the touched rows are read again and
patched into the grid, the matrix and the dashboard; other writes reload every row."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.overview import build_overview
from tracker.domain.records import ReminderMethod, UnitSpec
from tracker.domain.status import Status
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.ledger.model import COL_REMINDERS, COL_STATUS

AS_OF = date(2023, 12, 1)


class Spy:
    def __init__(self, loader) -> None:  # type: ignore[no-untyped-def]
        self.loaded = 0
        self.patched: list[dict[int, object]] = []
        loader.loaded.connect(lambda _s: setattr(self, "loaded", self.loaded + 1))
        loader.patched.connect(lambda _s, changed: self.patched.append(changed))


def _grid_row(page, oid: int):  # type: ignore[no-untyped-def]
    return next(r for r in page.model.rows if r.obligation_id == oid)


def test_a_registration_patches_its_row_in_place(qtbot, main_window) -> None:
    services, page = main_window.ctx.services, main_window.ledger_page
    loader = main_window.ctx.snapshots
    page.apply_filter(LedgerFilter())
    overdue = [r for r in page.visible_rows() if r.status is Status.OVERDUE]
    target, other = overdue[0], overdue[1]
    page.select_obligations({other.obligation_id})
    scroll = page.view.verticalScrollBar().value()
    spy = Spy(loader)
    with qtbot.waitSignal(loader.updated, timeout=10_000):
        services.ledger.register(target.obligation_id, target.required_forms, AS_OF)
    assert spy.loaded == 0 and len(spy.patched) == 1
    assert [r.obligation_id for r in spy.patched[0].values()] == [target.obligation_id]
    assert _grid_row(page, target.obligation_id).status is Status.LATE
    source = page.model.rows.index(_grid_row(page, target.obligation_id))
    assert page.model.index(source, COL_STATUS).data() == Status.LATE.label
    assert page.selected_obligation_ids() == [other.obligation_id]  # selection kept
    assert page.view.verticalScrollBar().value() == scroll
    expected = build_overview(
        services.ledger.rows(LedgerQuery(as_of=AS_OF)),
        AS_OF,
        services.calendar.work_calendar(),
        services.units.categories(),
    )
    assert main_window.dashboard.overview == expected
    assert main_window.ctx.snapshots.current.rows == services.ledger.rows(LedgerQuery(as_of=AS_OF))


def test_a_row_leaving_the_filter_leaves_the_grid(qtbot, main_window) -> None:
    services, page = main_window.ctx.services, main_window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    shown = page.visible_rows()
    page.view.sortByColumn(COL_REMINDERS, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(main_window.ctx.snapshots.patched, timeout=10_000):
        services.ledger.exempt([shown[0].obligation_id], "并入市级总结")
    assert shown[0].obligation_id not in {r.obligation_id for r in page.visible_rows()}
    assert page.proxy.rowCount() == len(shown) - 1
    assert page.filter_bar.status_buttons[Status.OVERDUE].text() == f"逾期未报 {len(shown) - 1}"
    keys = [r.reminders for r in page.visible_rows()]
    assert keys == sorted(keys, reverse=True)
    # a 催报 changes the sort key of a row that stays: it moves to its place
    last = page.visible_rows()[-1]
    for _ in range(keys[0] + 1):
        services.ledger.remind([last.obligation_id], ReminderMethod.PHONE, AS_OF)
    qtbot.waitUntil(
        lambda: page.visible_rows()[0].obligation_id == last.obligation_id, timeout=10_000
    )


def test_the_matrix_cell_follows(qtbot, main_window) -> None:
    services, matrix = main_window.ctx.services, main_window.matrix_page
    notice_id = matrix.notice_combo.currentData()
    row = next(
        r
        for r in main_window.ctx.snapshots.current.rows
        if r.notice_id == notice_id and r.status is Status.OVERDUE
    )
    with qtbot.waitSignal(main_window.ctx.snapshots.patched, timeout=10_000):
        services.ledger.exempt([row.obligation_id], "并入市级总结")
    assert matrix.model.cells[(row.unit_id, row.requirement_id)].status is Status.EXEMPT


def test_other_writes_reload_every_row(qtbot, main_window) -> None:
    services, loader = main_window.ctx.services, main_window.ctx.snapshots
    spy = Spy(loader)
    with qtbot.waitSignal(loader.loaded, timeout=20_000):
        services.units.save(UnitSpec("红桥区市场监管局（新）", "区局"))
    assert spy.patched == []


def test_the_board_patched_write_by_write_equals_a_full_reload(qtbot, main_window) -> None:
    from datetime import timedelta

    from tracker.ui.snapshot import load_snapshot

    services, loader = main_window.ctx.services, main_window.ctx.snapshots
    archived = loader.current.board.archived
    overdue = [
        r for r in loader.current.rows if r.status is Status.OVERDUE and r.notice_id not in archived
    ]
    a, b, c, d = overdue[0], overdue[1], overdue[-1], overdue[len(overdue) // 2]
    spy = Spy(loader)
    writes = [
        lambda: services.ledger.register(a.obligation_id, a.required_forms, AS_OF),
        lambda: services.ledger.exempt([b.obligation_id, c.obligation_id], "并入市级总结"),
        lambda: services.ledger.remind([d.obligation_id], ReminderMethod.PHONE, AS_OF),
        lambda: services.ledger.extend([d.obligation_id], AS_OF + timedelta(days=2), "申请"),
        lambda: services.ledger.unexempt([c.obligation_id], "误操作"),
    ]
    for write in writes:
        with qtbot.waitSignal(loader.updated, timeout=10_000):
            write()
    assert spy.loaded == 0 and len(spy.patched) == len(writes)
    fresh = load_snapshot(services, AS_OF)
    assert loader.current.suggestions == fresh.suggestions
    assert loader.current.board == fresh.board
    assert main_window.dashboard.board == fresh.board
    assert fresh.board.todo and fresh.board.units  # something to compare
