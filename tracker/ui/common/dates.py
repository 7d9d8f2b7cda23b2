"""Date editors that read and write dates as Chinese documents do (2023年6月27日)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QWidget

CN_FORMAT = "yyyy年M月d日"
_NO_DATE = QDate(2000, 1, 1)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


class CnDateEdit(QDateEdit):
    """A date edit showing ``2023年6月27日`` with a calendar popup; ``dateValueChanged`` carries
    a Python ``date``."""

    dateValueChanged = Signal(object)

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(CN_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(2000, 1, 2))
        self.setMaximumDate(QDate(2099, 12, 31))
        if value is not None:
            self.setDate(to_qdate(value))
        self.dateChanged.connect(self._emit_value)

    def date_value(self) -> date:
        return from_qdate(self.date())

    def set_date_value(self, value: date) -> None:
        self.setDate(to_qdate(value))

    def _emit_value(self, _qd: QDate) -> None:
        self.dateValueChanged.emit(self.date_value())


class OptionalDateEdit(CnDateEdit):
    """A date or nothing: the lowest date shows ``special`` (e.g. 不限) and reads as None."""

    def __init__(self, special: str = "不限", parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(special)
        self.setDate(_NO_DATE)

    def date_value_or_none(self) -> date | None:
        return None if self.date() == _NO_DATE else self.date_value()

    def set_date_or_none(self, value: date | None) -> None:
        self.setDate(_NO_DATE if value is None else to_qdate(value))

    def _emit_value(self, _qd: QDate) -> None:
        self.dateValueChanged.emit(self.date_value_or_none())
