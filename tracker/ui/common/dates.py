"""Date fields that take a date as the clerk types it (2023年6月27日), or refuse it visibly.

A sectioned ``QDateEdit`` silently turns what is typed into another date: with select-all,
``2026年12月1日`` became 2023年1月1日, ``2023年2月30日`` became 2月28日, and a date past the
maximum was clamped. These fields are line edits read whole by ``parse_date``: the text is
never changed behind the clerk's back. A date that does not exist or lies outside the allowed
range turns the field red and says why (``problem()``, ``validityChanged``); reading it then
raises ``ValidationError``, so a form can never save another day than the one shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn, parse_date
from tracker.domain.errors import ValidationError

CN_FORMAT = "yyyy年M月d日"
_NO_DATE = QDate(2000, 1, 1)
_LOWEST = date(2000, 1, 2)
_HIGHEST = date(2099, 12, 31)
_INVALID_STYLE = "QLineEdit { background:#fdecea; border:1px solid #d93025; }"

Day = date  # the type, where CnDateEdit's own date() method would shadow the name


@dataclass(frozen=True, slots=True)
class _Refused:
    reason: str


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def _calendar_icon() -> QIcon:
    """A small calendar drawn once (no image file to ship)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5f6b7a"))
    painter.drawRect(1, 3, 13, 11)
    painter.fillRect(1, 3, 14, 3, QColor("#5f6b7a"))
    for x in (4, 8, 12):
        for y in (8, 11):
            painter.fillRect(x - 1, y - 1, 2, 2, QColor("#5f6b7a"))
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QFrame):
    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(parent.locale())
        self.calendar.setGridVisible(True)
        box = QVBoxLayout(self)
        box.addWidget(self.calendar)
        box.setContentsMargins(0, 0, 0, 0)
        self.calendar.clicked.connect(self._on_chosen)
        self.calendar.activated.connect(self._on_chosen)

    def _on_chosen(self, qd: QDate) -> None:
        self.hide()
        self.picked.emit(from_qdate(qd))


class CnDateEdit(QLineEdit):
    """A date written ``2023年6月27日``; typing ``2023-6-27``, ``20230627`` or ``6月27日`` works
    too (read when editing ends). ↑/↓ move a day, PgUp/PgDn a month, Alt+↓ or the icon opens a
    calendar. ``dateValueChanged`` carries each new valid ``date``; ``validityChanged`` says
    whether the text is one (a form disables 保存 while it is not)."""

    dateValueChanged = Signal(object)
    dateChanged = Signal(QDate)
    validityChanged = Signal(bool)
    problemShown = Signal(str)  # why the date is refused, once editing ended; '' when fine

    def __init__(self, value: Day | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min, self._max = _LOWEST, _HIGHEST
        self._too_early = self._too_late = ""
        self._value: Day | None = value
        self._valid = True
        self._problem = ""
        self._shown_problem = False
        self._base_tip = ""
        self._popup: _CalendarPopup | None = None
        self.setPlaceholderText("2023年6月27日")
        action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(self.tr("从日历中选择（Alt+↓）"))
        action.triggered.connect(self.show_calendar)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        if value is not None:
            self.setText(format_cn(value))
        em = self.fontMetrics().horizontalAdvance("2023年12月31日")
        self.setMinimumWidth(em + 40)
        self._settle(emit=False, show=False)

    # -- reading -------------------------------------------------------------------------
    def is_valid(self) -> bool:
        return self._valid

    def problem(self) -> str:
        """Why the text is not an acceptable date ('' when it is)."""
        return self._problem

    def date_value(self) -> Day:
        """The date shown; ``ValidationError`` when the text is not an acceptable one."""
        value = self._read()
        if value is None:
            raise ValidationError(self.tr("请填写日期"))
        return value

    def date(self) -> QDate:
        return to_qdate(self.date_value())

    # -- writing -------------------------------------------------------------------------
    def set_date_value(self, value: Day) -> None:
        self.setText(format_cn(value))
        self._settle(emit=True)

    def setDate(self, qd: QDate) -> None:  # QDateEdit's names, kept for callers
        self.set_date_value(from_qdate(qd))

    def set_limits(
        self,
        minimum: Day | None = None,
        maximum: Day | None = None,
        *,
        too_early: str = "",
        too_late: str = "",
    ) -> None:
        """The allowed range; a date outside it is refused with ``too_early``/``too_late``
        (default: 不能早于/晚于 that day), never moved into the range."""
        self._min, self._max = minimum or _LOWEST, maximum or _HIGHEST
        self._too_early, self._too_late = too_early, too_late
        self._settle(emit=False)

    def setMinimumDate(self, qd: QDate) -> None:
        self.set_limits(from_qdate(qd), self._max, too_late=self._too_late)

    def setMaximumDate(self, qd: QDate) -> None:
        self.set_limits(self._min, from_qdate(qd), too_early=self._too_early)

    def minimumDate(self) -> QDate:
        return to_qdate(self._min)

    def maximumDate(self) -> QDate:
        return to_qdate(self._max)

    def setToolTip(self, text: str) -> None:
        self._base_tip = text
        super().setToolTip(self._problem if self._shown_problem else text)

    # -- parsing and state ---------------------------------------------------------------
    def _parse(self) -> Day | _Refused | None:
        """The text read whole: a date, None (left empty, where that is allowed) or why not."""
        text = self.text().strip()
        if not text:
            return _Refused(self.tr("请填写日期"))
        try:
            day = parse_date(text, default_year=(self._value or today()).year)
        except ValidationError as exc:
            return _Refused(str(exc))
        if day < self._min:
            return _Refused(self._too_early or self.tr("不能早于%s") % format_cn(self._min))
        if day > self._max:
            return _Refused(self._too_late or self.tr("不能晚于%s") % format_cn(self._max))
        return day

    def _read(self) -> Day | None:
        """The acceptable value now, or raise ``ValidationError`` saying why there is none."""
        parsed = self._parse()
        if isinstance(parsed, _Refused):
            raise ValidationError(parsed.reason)
        return parsed

    def _settle(self, *, emit: bool, show: bool = True) -> None:
        """Re-read the text: validity, the red look (when ``show``) and, with ``emit``, the
        value announced to listeners when it moved."""
        parsed = self._parse()
        refused = parsed if isinstance(parsed, _Refused) else None
        self._problem = refused.reason if refused else ""
        if refused is None or show:
            self._show_problem(refused is not None)
        if (refused is None) != self._valid:
            self._valid = refused is None
            self.validityChanged.emit(self._valid)
        if emit and refused is None and parsed != self._value:
            self._value = parsed  # type: ignore[assignment]
            self.dateValueChanged.emit(self._value)
            if self._value is not None:
                self.dateChanged.emit(to_qdate(self._value))

    def _show_problem(self, shown: bool) -> None:
        if shown != self._shown_problem or shown:
            self.problemShown.emit(self._problem if shown else "")
        self._shown_problem = shown
        self.setStyleSheet(_INVALID_STYLE if shown else "")
        super().setToolTip(self._problem if shown else self._base_tip)

    def _on_text_edited(self, _text: str) -> None:
        # While typing: validity follows the text (保存 waits for a whole date); the red look
        # and the new value wait until the clerk is done (Enter, Tab, a click elsewhere).
        self._settle(emit=False, show=False)

    def _on_editing_finished(self) -> None:
        parsed = self._parse()
        if isinstance(parsed, Day) and self.text() != format_cn(parsed):
            self.setText(format_cn(parsed))  # 2023-6-27 reads back as 2023年6月27日
        self._settle(emit=True)

    # -- keys and the calendar -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if (key == Qt.Key.Key_Down and alt) or key == Qt.Key.Key_F4:
            self.show_calendar()
            return
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        months = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}
        if key in steps or key in months:
            self._step(steps.get(key, 0), months.get(key, 0))
            return
        super().keyPressEvent(event)

    def _step(self, days: int, months: int) -> None:
        parsed = self._parse()
        base = parsed if isinstance(parsed, Day) else self._value
        if base is None:
            return
        moved = base + timedelta(days=days)
        if months:
            moved = from_qdate(to_qdate(base).addMonths(months))
        moved = min(max(moved, self._min), self._max)
        self.set_date_value(moved)

    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._on_calendar_picked)
        calendar = self._popup.calendar
        calendar.setDateRange(to_qdate(self._min), to_qdate(self._max))
        parsed = self._parse()
        fallback = self._value or min(max(today(), self._min), self._max)
        shown = parsed if isinstance(parsed, Day) else fallback
        calendar.setSelectedDate(to_qdate(shown))
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        calendar.setFocus()

    def _on_calendar_picked(self, day: Day) -> None:
        self.set_date_value(day)
        self.setFocus()


class OptionalDateEdit(CnDateEdit):
    """A date or nothing: left empty it shows ``special`` (e.g. 不限) and reads as None."""

    def __init__(self, special: str = "不限", parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setPlaceholderText(special)

    def _parse(self) -> Day | _Refused | None:
        return None if not self.text().strip() else super()._parse()

    def date_value_or_none(self) -> Day | None:
        return self._read()

    def set_date_or_none(self, value: Day | None) -> None:
        if value is None:
            self.clear()
            self._settle(emit=True)
        else:
            self.set_date_value(value)
