"""设置 on a real workspace: office particulars, letter text, holidays of a year without data."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from tracker.domain.office import DEFAULT_LETTER_BODY, DEFAULT_LETTER_BODY_GROUP
from tracker.services.bundle import Services
from tracker.ui.common.dates import to_qdate
from tracker.ui.settings.dialog import SettingsDialog
from tracker.ui.settings.holidays_tab import HolidayModel


def make_dialog(qtbot: QtBot, services: Services) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_office_particulars_are_saved(qtbot: QtBot, services: Services) -> None:
    dialog = make_dialog(qtbot, services)
    lines = dialog.office.lines
    assert all(lines[name].text() == "" for name in ("sender_name", "office_name", "short_name"))
    assert "我委" in lines["short_name"].placeholderText()
    lines["sender_name"].setText("天津市市场监督管理委员会")
    lines["short_name"].setText("我委")
    dialog.office.lines["signer"].setText("天津市市场监督管理委员会标准化处")
    dialog.office.lines["letter_prefix"].setText("津标函")
    dialog.office.workdays.setValue(7)
    dialog.office.letter_body.setPlainText("请于{new_deadline}前报送。")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.buttons.accepted.emit()
    assert len(saved.args[0]) == 1
    office = services.settings.office()
    assert (office.signer, office.letter_prefix) == ("天津市市场监督管理委员会标准化处", "津标函")
    assert (office.sender_name, office.short_name) == ("天津市市场监督管理委员会", "我委")
    assert office.reminder_workdays == 7
    assert office.letter_body == "请于{new_deadline}前报送。"
    again = make_dialog(qtbot, services)
    again.office.reset_body.click()
    assert again.office.letter_body.toPlainText() == DEFAULT_LETTER_BODY


def test_the_category_letter_body_has_its_own_tab(qtbot: QtBot, services: Services) -> None:
    dialog = make_dialog(qtbot, services)
    group = dialog.office.body_edits["letter_body_group"]
    assert group.toPlainText() == DEFAULT_LETTER_BODY_GROUP
    group.setPlainText("{intro}请{unit}于{new_deadline}前补报。")
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.accepted.emit()
    office = services.settings.office()
    assert office.letter_body_group == "{intro}请{unit}于{new_deadline}前补报。"
    assert office.letter_body == DEFAULT_LETTER_BODY  # the unit letter is untouched
    again = make_dialog(qtbot, services)
    again.office.bodies.setCurrentIndex(1)
    again.office.reset_body.click()
    assert again.office.body_edits["letter_body_group"].toPlainText() == DEFAULT_LETTER_BODY_GROUP
    assert "{材料清单}" in again.office.placeholder_hint.text()  # every placeholder listed


def test_unchanged_settings_write_nothing(qtbot: QtBot, services: Services) -> None:
    before = len(services.audit.entries())
    dialog = make_dialog(qtbot, services)
    assert dialog.save()
    assert len(services.audit.entries()) == before


def test_holidays_for_a_year_without_data(qtbot: QtBot, services: Services) -> None:
    dialog = make_dialog(qtbot, services)
    tab = dialog.holidays
    tab.year.setValue(2027)
    assert "2027年节假日数据缺失" in tab.status.text()
    tab.start.setDate(to_qdate(date(2027, 10, 1)))
    tab.end.setDate(to_qdate(date(2027, 10, 7)))
    tab.name.setText("国庆节")
    tab.add.click()
    tab.start.setDate(to_qdate(date(2027, 9, 26)))
    tab.end.setDate(to_qdate(date(2027, 9, 26)))
    tab.kind.setCurrentIndex(1)
    tab.name.setText("国庆调休")
    tab.add.click()
    assert tab.model.rowCount() == 8
    assert "放假7天、调休上班1天" in tab.status.text()
    tab.year.setValue(2023)
    assert "内置" in tab.status.text()
    tab.year.setValue(2027)
    assert tab.model.rowCount() == 8, "switching years keeps what was typed"
    assert dialog.save()
    cal = services.ws.calendar()
    assert cal.info(date(2027, 10, 4)).note == "国庆节"
    assert cal.is_workday(date(2027, 9, 26))
    assert cal.fallback_note(2027) == ""
    assert len(services.calendar.days(2027)) == 8


def test_dates_outside_the_year_are_refused(qtbot: QtBot, services: Services) -> None:
    dialog = make_dialog(qtbot, services)
    tab = dialog.holidays
    tab.year.setValue(2028)
    tab.start.setDate(to_qdate(date(2027, 12, 31)))
    tab.add.click()
    assert "日期应在2028年内" in tab.errors.text()
    assert tab.model.rowCount() == 0


def test_holiday_model(qtmodeltester, services: Services) -> None:
    from tracker.domain.workdays import DayOverride

    model = HolidayModel()
    model.set_rows([DayOverride(date(2027, 1, 1), False, "元旦")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "星期五"
