"""矩阵 per notice, 催报记录 and 操作日志 pages on a real workspace."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.domain.records import ReminderMethod
from tracker.ui.ledger.matrix import COL_UNIT, FIRST_REQUIREMENT


def test_matrix_shows_units_by_requirements(qtbot, qtmodeltester, main_window) -> None:
    matrix = main_window.matrix_page
    notice = next(n for n in main_window.ctx.snapshots.current.notices if len(n.requirements) == 2)
    matrix.show_notice(notice.id)
    model = matrix.model
    qtmodeltester.check(model)
    assert model.columnCount() == FIRST_REQUIREMENT + 2
    assert model.headerData(FIRST_REQUIREMENT, Qt.Orientation.Horizontal).startswith(
        notice.requirements[0].title
    )
    rows = [r for r in main_window.ctx.snapshots.current.rows if r.notice_id == notice.id]
    assert model.rowCount() == len({r.unit_id for r in rows})
    sample = rows[0]
    row = next(i for i, u in enumerate(model.units) if u[0] == sample.unit_id)
    column = FIRST_REQUIREMENT + [r.id for r in notice.requirements].index(sample.requirement_id)
    assert model.index(row, column).data() == sample.status.word  # the workbook's word
    fill = model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    assert (fill.color().name() if fill else None) == sample.status.terms.fill
    assert model.index(row, COL_UNIT).data() == sample.unit_name


def test_matrix_double_click_opens_the_grid_on_that_cell(qtbot, main_window) -> None:
    matrix = main_window.matrix_page
    index = next(
        matrix.model.index(r, c)
        for r in range(matrix.model.rowCount())
        for c in range(FIRST_REQUIREMENT, matrix.model.columnCount())
        if matrix.model.row_for(matrix.model.index(r, c)) is not None
    )
    cell = matrix.model.row_for(index)
    matrix.view.doubleClicked.emit(index)
    rows = main_window.ledger_page.visible_rows()
    assert [r.obligation_id for r in rows] == [cell.obligation_id]


def test_reminder_service_lists_newest_first(demo_services) -> None:
    from tracker.services.reminders import ReminderQuery

    oid = demo_services.ledger.rows()[0].obligation_id
    demo_services.ledger.remind(
        [oid], ReminderMethod.LETTER, date(2023, 11, 30), "津标催〔2023〕3号"
    )
    records = demo_services.ledger.reminders()
    assert records[0].reminded_on == date(2023, 11, 30)
    assert records[0].letter_number == "津标催〔2023〕3号"
    assert [r.reminded_on for r in records] == sorted(
        (r.reminded_on for r in records), reverse=True
    )
    letters = demo_services.ledger.reminders(ReminderQuery(method="函"))
    assert [r.id for r in letters] == [records[0].id]
    by_text = demo_services.ledger.reminders(ReminderQuery(text="催〔2023〕3"))
    assert [r.id for r in by_text] == [records[0].id]
    window = demo_services.ledger.reminders(ReminderQuery(since=date(2023, 12, 1)))
    assert window == []


def test_reminder_page_lists_and_filters(qtbot, qtmodeltester, main_window) -> None:
    page = main_window.section_widget("reminders")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(page.model)
    assert {r.method for r in page.model.rows} == {"电话"}
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        page.method.setCurrentIndex(page.method.findData("函"))
    assert page.model.rowCount() == 0
    oid = main_window.ctx.snapshots.current.rows[0].obligation_id
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        main_window.ctx.services.ledger.remind([oid], ReminderMethod.LETTER, date(2023, 11, 30))
    assert [r.method for r in page.model.rows] == ["函"]


def test_audit_page_shows_entries_and_details(qtbot, qtmodeltester, main_window) -> None:
    page = main_window.section_widget("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(page.model)
    assert page.model.index(0, page.model.COL_ACTION).data() in {
        "登记报送",
        "记录催报",
        "免报",
        "延期",
        "新建通知",
    }
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        page.action.setCurrentIndex(page.action.findData("obligation.exempt"))
    assert page.model.rows and {r.action for r in page.model.rows} == {"obligation.exempt"}
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    detail = page.detail.toPlainText()
    assert "免报理由：（无） → " in detail and "exempt_reason" not in detail and "{" not in detail


def test_audit_text_filter(qtbot, main_window) -> None:
    page = main_window.section_widget("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        page.search.setText("和平区市场监管局")
    assert page.model.rows and all("和平区市场监管局" in r.summary for r in page.model.rows)
