"""Typed dates are taken as typed or refused visibly, never turned into another day."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tests.helpers.typing import press, type_text
from tracker.domain.errors import ValidationError
from tracker.ui.common.dates import CnDateEdit, OptionalDateEdit


def shown(qtbot, edit: CnDateEdit) -> CnDateEdit:
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    return edit


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026年12月1日", date(2026, 12, 1)),
        ("2023-6-27", date(2023, 6, 27)),
        ("20230627", date(2023, 6, 27)),
        ("2023.6.27", date(2023, 6, 27)),
        ("6月27日", date(2023, 6, 27)),  # the year of the date shown
    ],
)
def test_a_typed_date_is_taken_as_typed(qtbot, typed: str, expected: date) -> None:
    edit = shown(qtbot, CnDateEdit(date(2023, 11, 18)))
    seen: list[date] = []
    edit.dateValueChanged.connect(seen.append)
    type_text(edit, typed, replace=True)
    assert seen == []  # nothing announced while typing
    press(edit, Qt.Key.Key_Return)
    assert edit.date_value() == expected and seen == [expected]
    assert edit.text() == f"{expected.year}年{expected.month}月{expected.day}日"


def test_a_date_past_the_maximum_is_refused_not_clamped(qtbot) -> None:
    edit = shown(qtbot, CnDateEdit(date(2023, 11, 18)))
    edit.set_limits(maximum=date(2023, 12, 1), too_late="收到日期不能晚于今天")
    problems: list[str] = []
    edit.problemShown.connect(problems.append)
    type_text(edit, "2026年12月1日", replace=True)
    assert not edit.is_valid() and edit.styleSheet() == ""  # not red while still typing
    press(edit, Qt.Key.Key_Return)
    assert edit.text() == "2026年12月1日"  # what was typed stays
    assert problems[-1] == "收到日期不能晚于今天" and "fdecea" in edit.styleSheet()
    with pytest.raises(ValidationError, match="不能晚于今天"):
        edit.date_value()
    type_text(edit, "2023年11月30日", replace=True)
    assert edit.is_valid() and edit.styleSheet() == "" and problems[-1] == ""


def test_a_day_that_does_not_exist_is_refused(qtbot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    edit = CnDateEdit(date(2023, 11, 18), form)
    other = QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    form.layout().addWidget(other)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    type_text(edit, "2023年2月30日", replace=True)
    press(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(other.hasFocus)
    assert edit.text() == "2023年2月30日" and not edit.is_valid()
    assert "不存在" in edit.problem() and "不存在" in edit.toolTip()
    with pytest.raises(ValidationError):
        edit.date()


def test_arrow_keys_move_a_day_and_the_calendar_picks(qtbot) -> None:
    edit = shown(qtbot, CnDateEdit(date(2023, 2, 28)))
    press(edit, Qt.Key.Key_Up)
    assert edit.date_value() == date(2023, 3, 1)
    press(edit, Qt.Key.Key_PageDown)
    assert edit.date_value() == date(2023, 2, 1)
    edit.set_limits(maximum=date(2023, 2, 1))
    press(edit, Qt.Key.Key_Up)
    assert edit.date_value() == date(2023, 2, 1)  # the keys stay inside the range
    edit.show_calendar()
    popup = edit.findChild(type(edit._popup))
    assert popup is not None and popup.isVisible()
    popup.calendar.clicked.emit(popup.calendar.selectedDate().addDays(-3))
    assert edit.date_value() == date(2023, 1, 29) and not popup.isVisible()


def test_an_empty_optional_date_reads_none_and_a_bad_one_refuses(qtbot) -> None:
    edit = shown(qtbot, OptionalDateEdit("不限"))
    assert edit.date_value_or_none() is None and edit.is_valid()
    type_text(edit, "2023年13月1日")
    press(edit, Qt.Key.Key_Return)
    assert not edit.is_valid()
    with pytest.raises(ValidationError):
        edit.date_value_or_none()
    seen: list[object] = []
    edit.dateValueChanged.connect(seen.append)
    edit.set_date_or_none(date(2023, 1, 5))
    edit.set_date_or_none(None)
    assert seen == [date(2023, 1, 5), None] and edit.is_valid()
