"""报送情况 grid: filters, pinyin search, sorting, selection, extension actions, models."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent, QGuiApplication

from tracker.domain.status import Status
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.ledger.model import COL_DEADLINE, COL_STATUS, COL_UNIT, LedgerTableModel
from tracker.ui.status_style import background


def test_models_pass_the_model_tester(qtmodeltester, main_window) -> None:
    page = main_window.ledger_page
    qtmodeltester.check(page.model)
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    qtmodeltester.check(page.proxy)


def test_filter_by_status_shows_only_that_status(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.filter_bar.status_buttons[Status.OVERDUE].click()
    rows = page.visible_rows()
    assert rows and {r.status for r in rows} == {Status.OVERDUE}
    assert page.count_label.text() == f"显示 {len(rows)} / {page.model.rowCount()} 条"
    page.filter_bar.status_buttons[Status.PARTIAL].click()
    assert {r.status for r in page.visible_rows()} == {Status.OVERDUE, Status.PARTIAL}
    page.filter_bar.clear_button.click()
    assert page.proxy.rowCount() == page.model.rowCount()


def test_status_cells_are_coloured(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    cell = page.proxy.index(0, COL_STATUS)
    assert cell.data() == "逾期未报"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == background(Status.OVERDUE)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == Status.OVERDUE.terms.fill
    assert cell.data(Qt.ItemDataRole.FontRole).bold()  # as in the workbook
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.PENDING})))
    assert page.proxy.index(0, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) is None


def test_pinyin_initials_find_a_unit(qtbot, main_window) -> None:
    page = main_window.ledger_page
    qtbot.keyClicks(page.filter_bar.search_edit, "hp")
    names = {r.unit_name for r in page.visible_rows()}
    assert "和平区市场监管局" in names
    assert "河西区市场监管局" not in names


def test_search_matches_aliases_and_words(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.filter_bar.search_edit.setText("和平局")  # an alias, not part of the name
    assert {r.unit_name for r in page.visible_rows()} == {"和平区市场监管局"}
    page.filter_bar.search_edit.setText("hp 年度总结")
    rows = page.visible_rows()
    assert rows and {(r.unit_name, r.requirement_title) for r in rows} == {
        ("和平区市场监管局", "年度总结")
    }


def test_notice_filter_narrows_requirement_choices(qtbot, main_window) -> None:
    bar = main_window.ledger_page.filter_bar
    notice = next(n for n in main_window.ctx.snapshots.current.notices if len(n.requirements) > 1)
    bar.notice_combo.setCurrentIndex(bar.notice_combo.findData(notice.id))
    offered = [bar.requirement_combo.itemData(i) for i in range(1, bar.requirement_combo.count())]
    assert offered == [r.id for r in notice.requirements]
    rows = main_window.ledger_page.visible_rows()
    assert rows and {r.notice_id for r in rows} == {notice.id}


def test_sorting_by_deadline(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.view.sortByColumn(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    deadlines = [r.deadline for r in page.visible_rows()]
    assert deadlines == sorted(deadlines)
    page.view.sortByColumn(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
    assert [r.deadline for r in page.visible_rows()] == sorted(deadlines, reverse=True)


def test_sorting_keeps_the_selection(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.view.selectRow(3)
    chosen = page.selected_obligation_ids()
    page.view.sortByColumn(COL_UNIT, Qt.SortOrder.DescendingOrder)
    assert page.selected_obligation_ids() == chosen


def test_multi_select_and_extension_actions(qtbot, main_window) -> None:
    page = main_window.ledger_page
    triggered: list[list[int]] = []
    action = QAction("登记报送", page)
    action.triggered.connect(lambda: triggered.append(page.selected_obligation_ids()))
    page.add_action(action)
    assert not action.isEnabled()
    model = page.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2, 5):
        model.select(page.proxy.index(row, 0), flags)
    assert action.isEnabled()
    expected = [page.visible_rows()[i].obligation_id for i in (0, 2, 5)]
    assert sorted(page.selected_obligation_ids()) == sorted(expected)
    action.trigger()
    assert sorted(triggered[0]) == sorted(expected)
    assert action in page.toolbar.actions()


def test_copy_puts_selected_rows_on_the_clipboard(qtbot, main_window) -> None:
    page = main_window.ledger_page
    page.view.selectRow(0)
    page.copy_selection()
    lines = QGuiApplication.clipboard().text().split("\n")
    assert lines[0].startswith("单位\t类别\t通知")
    assert lines[1].startswith(page.visible_rows()[0].unit_name)


def test_a_double_click_or_enter_announces_its_obligation_once(qtbot, main_window) -> None:
    page = main_window.ledger_page
    main_window.show_section("ledger")
    seen: list[int] = []
    page.obligationActivated.connect(seen.append)
    centre = page.view.visualRect(page.proxy.index(1, COL_UNIT)).center()
    # As the system delivers a double-click: press, release, double-click, release.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    wanted = page.visible_rows()[1].obligation_id
    assert seen == [wanted]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [wanted, wanted]


def test_files_dropped_on_a_row_go_to_the_handler(qtbot, main_window, tmp_path: Path) -> None:
    page = main_window.ledger_page
    dropped: list[tuple[int, list[Path]]] = []
    page.set_file_drop_handler(lambda oid, paths: dropped.append((oid, paths)))
    doc = tmp_path / "总结.pdf"
    doc.write_bytes(b"%PDF-1.4")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    rect = page.view.visualRect(page.proxy.index(0, 0))
    event = QDropEvent(
        rect.center().toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.view.dropEvent(event)
    assert dropped == [(page.visible_rows()[0].obligation_id, [doc])]


def test_bulk_proxy_over_a_plain_model(qtmodeltester, qtbot) -> None:
    from tracker.domain.records import UnitRecord
    from tracker.ui.units.models import UnitTableModel

    units = [UnitRecord(i, f"单位{i}", "区局", "", (), "", "", "", "", i, True) for i in range(20)]
    model = UnitTableModel()
    model.set_rows(units)
    proxy = BulkProxyModel()
    proxy.setSourceModel(model)
    proxy.set_accepted([3, 1, 7])
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        "单位1",
        "单位3",
        "单位7",
    ]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["单位7", "单位3", "单位1"]
    qtmodeltester.check(proxy)
    proxy.set_accepted(None)
    assert proxy.rowCount() == 20
    qtmodeltester.check(proxy)


def test_ledger_model_on_an_empty_workspace(qtmodeltester) -> None:
    model = LedgerTableModel()
    model.set_rows([])
    qtmodeltester.check(model)
