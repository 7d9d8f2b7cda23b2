"""Small form pieces shared by the forms: a message strip that keeps the clerk's input
visible while saying what is wrong, and date conversions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from tracker.domain.errors import TrackerError, ValidationError

_STYLES = {
    "error": "color:#a61b1b; background:#fdecea; border:1px solid #f5c2c0; padding:6px;",
    "warning": "color:#7a4b00; background:#fff4e0; border:1px solid #f3d19c; padding:6px;",
    "info": "color:#30475e; background:#eef3f8; border:1px solid #c9d6e3; padding:6px;",
}


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def error_text(exc: TrackerError) -> str:
    """The message and, for a validation error, every problem on its own line."""
    if isinstance(exc, ValidationError) and exc.problems:
        head = TrackerError.__str__(exc)
        return head + "\n" + "\n".join(f"· {p}" for p in exc.problems)
    return str(exc)


class MessageStrip(QLabel):
    """An inline, selectable message (error, warning or info); hidden while empty."""

    def __init__(self, kind: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(_STYLES[kind])
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def show_error(self, exc: TrackerError) -> None:
        self.show_message(error_text(exc))

    def clear_message(self) -> None:
        self.show_message("")


def date_edit(day: date, parent: QWidget | None = None) -> QDateEdit:
    """A date field that reads 2023年6月27日, with a calendar popup."""
    edit = QDateEdit(to_qdate(day), parent)
    edit.setDisplayFormat("yyyy年M月d日")
    edit.setCalendarPopup(True)
    edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return edit
