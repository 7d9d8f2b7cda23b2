"""免报, 延期 and 记录催报 dialogs on one or many obligations of a real workspace."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.typing import type_text
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.ui.common.dates import to_qdate
from tracker.ui.dialogs.obligation_actions import ExemptDialog, ExtendDialog, RemindDialog

from .helpers import oid


def test_exempt_many_with_reason(qtbot: QtBot, study: Services) -> None:
    ids = [oid(study, "和平局"), oid(study, "河西局")]
    dialog = ExemptDialog(study, ids)
    qtbot.addWidget(dialog)
    assert "已选 2 条" in dialog.chosen.text()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClicks(dialog.reason, "no work this year")
        dialog.ok_button.click()
    assert "免报" in saved.args[0].summary
    for i in ids:
        row = study.ledger.row(i)
        assert row.status is Status.EXEMPT
        assert row.exempt_reason == "no work this year"


def test_exempt_without_reason_is_refused_in_the_dialog(qtbot: QtBot, study: Services) -> None:
    dialog = ExemptDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert "请填写免报理由" in dialog.errors.text()
    assert dialog.isVisible()
    assert study.ledger.row(oid(study, "和平局")).status is Status.OVERDUE


def test_extend_shows_original_deadline_and_warns_on_weekend(qtbot: QtBot, study: Services) -> None:
    dialog = ExtendDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    assert dialog.original.text() == "2023年6月27日"
    # Default: 5 working days after today (2023-12-01, a Friday) → 2023-12-08.
    assert dialog.new_date.date() == to_qdate(date(2023, 12, 8))
    assert dialog.day_note.isHidden()
    dialog.new_date.setDate(to_qdate(date(2023, 12, 9)))
    assert "星期六" in dialog.day_note.text()
    dialog.new_date.setDate(to_qdate(date(2027, 3, 1)))
    assert "2027年节假日数据缺失" in dialog.day_note.text()
    dialog.new_date.setDate(to_qdate(date(2023, 12, 15)))
    dialog.reason.setText("单位申请")
    dialog.ok_button.click()
    row = study.ledger.row(oid(study, "和平局"))
    assert row.extended_to == date(2023, 12, 15)
    assert row.status is Status.PENDING


def test_extend_before_the_deadline_is_refused(qtbot: QtBot, study: Services) -> None:
    dialog = ExtendDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    dialog.new_date.setDate(to_qdate(date(2023, 6, 1)))
    dialog.reason.setText("x")
    dialog.ok_button.click()
    assert "应晚于原定时限" in dialog.errors.text()
    assert study.ledger.row(oid(study, "和平局")).extended_to is None


def test_remind_by_letter_records_the_number(qtbot: QtBot, study: Services) -> None:
    ids = [oid(study, "和平局"), oid(study, "南开局")]
    study.settings.update_office(letter_prefix="津市场监管标准函")
    dialog = RemindDialog(study, ids)
    qtbot.addWidget(dialog)
    assert dialog.letter_number.placeholderText().startswith("津市场监管标准函〔2023〕")
    dialog.letter_number.setText("津市场监管标准函〔2023〕31号")
    dialog.ok_button.click()
    row = study.ledger.row(ids[0])
    assert (row.reminders, row.last_reminder) == (1, date(2023, 12, 1))
    summaries = [e.summary for e in study.audit.entries()]
    assert sum("津市场监管标准函〔2023〕31号" in s for s in summaries) == 2


def test_remind_by_phone_ignores_letter_number(qtbot: QtBot, study: Services) -> None:
    dialog = RemindDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    dialog.letter_number.setText("stale")
    dialog.method.setCurrentText("电话")
    assert not dialog.letter_number.isEnabled()
    dialog.ok_button.click()
    assert study.ledger.row(oid(study, "和平局")).reminders == 1
    latest = study.audit.entries()[0]
    assert "电话催报" in latest.summary
    assert "stale" not in str(latest.after)


def test_a_change_made_meanwhile_is_refused_not_overwritten(qtbot: QtBot, study: Services) -> None:
    dialog = ExemptDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    study.ledger.extend([oid(study, "和平局")], date(2023, 12, 20), "另一位同事已延期")
    dialog.reason.setText("免报")
    dialog.ok_button.click()
    assert "他人修改" in dialog.errors.text()
    assert study.ledger.row(oid(study, "和平局")).exempt_reason is None


def test_a_typed_reminder_date_after_today_is_refused_not_clamped(
    qtbot: QtBot, study: Services
) -> None:
    dialog = RemindDialog(study, [oid(study, "和平局")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.on.setFocus()
    qtbot.waitUntil(dialog.on.hasFocus)
    type_text(dialog.on, "2023年12月5日", replace=True)
    qtbot.keyClick(dialog.on, Qt.Key.Key_Tab)
    assert dialog.on.text() == "2023年12月5日" and not dialog.ok_button.isEnabled()
    assert "催报日期不能晚于今天" in dialog.on.problem()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible() and study.ledger.row(oid(study, "和平局")).reminders == 0
    type_text(dialog.on, "11月28日", replace=True)
    qtbot.keyClick(dialog.on, Qt.Key.Key_Return)
    assert study.ledger.row(oid(study, "和平局")).last_reminder == date(2023, 11, 28)


def test_exempt_and_extend_carry_the_day_they_were_granted(qtbot: QtBot, study: Services) -> None:
    o = oid(study, "和平局")
    exempt = ExemptDialog(study, [o])
    qtbot.addWidget(exempt)
    exempt.show()
    qtbot.waitExposed(exempt)
    assert exempt.granted.date_value() == date(2023, 12, 1)  # today by default
    exempt.reason.setText("机构调整")
    type_text(exempt.granted, "2023年12月2日", replace=True)
    qtbot.keyClick(exempt.granted, Qt.Key.Key_Return)
    assert not exempt.ok_button.isEnabled()  # a decision cannot be dated tomorrow
    type_text(exempt.granted, "2023-06-20", replace=True)
    qtbot.keyClick(exempt.granted, Qt.Key.Key_Return)
    assert study.ledger.row(o).exempt_on == date(2023, 6, 20)
    assert study.ledger.row(o, date(2023, 6, 19)).status is Status.PENDING
    n = oid(study, "南开局")
    extend = ExtendDialog(study, [n])
    qtbot.addWidget(extend)
    extend.reason.setText("单位申请")
    extend.new_date.set_date_value(date(2023, 12, 15))
    extend.granted.set_date_value(date(2023, 11, 28))
    extend.ok_button.click()
    row = study.ledger.row(n)
    assert (row.extended_to, row.extended_on) == (date(2023, 12, 15), date(2023, 11, 28))
    assert study.ledger.row(n, date(2023, 11, 23)).status is Status.OVERDUE
