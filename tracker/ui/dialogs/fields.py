"""Small pieces shared by the forms: a message strip that keeps the clerk's input visible while
saying what is wrong, date fields, and read-only tables set up like the shell's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError, ValidationError
from tracker.ui.common.dates import CnDateEdit, OptionalDateEdit
from tracker.ui.common.table import RowTableModel, setup_table

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

_STYLES = {
    "error": "color:#a61b1b; background:#fdecea; border:1px solid #f5c2c0; padding:6px;",
    "warning": "color:#7a4b00; background:#fff4e0; border:1px solid #f3d19c; padding:6px;",
    "info": "color:#30475e; background:#eef3f8; border:1px solid #c9d6e3; padding:6px;",
}


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


def date_edit(day: date, parent: QWidget | None = None) -> CnDateEdit:
    """The shell's date field (2023年6月27日) with a Chinese calendar popup on any system."""
    edit = CnDateEdit(day, parent)
    edit.setLocale(CHINESE)
    return edit


def with_hint(field: CnDateEdit, *beside: QWidget) -> QWidget:
    """``field`` (and ``beside`` it, e.g. a 今天 button) with, below, why a typed date is
    refused; the line is hidden while the date is fine. Focus goes to the field."""
    box = QWidget(field.parentWidget())
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    row = QHBoxLayout()
    row.addWidget(field)
    for widget in beside:
        row.addWidget(widget)
    row.addStretch(1)
    column.addLayout(row)
    hint = QLabel(box)
    hint.setObjectName("dateHint")
    hint.setWordWrap(True)
    hint.setStyleSheet("color:#a61b1b;")
    hint.hide()
    column.addWidget(hint)

    def show_problem(text: str) -> None:
        hint.setText(text)
        hint.setVisible(bool(text))

    field.problemShown.connect(show_problem)
    box.setFocusProxy(field)
    return box


def hint_of(box: QWidget) -> QLabel:
    return box.findChild(QLabel, "dateHint")  # type: ignore[return-value]


def enable_while_valid(buttons: Sequence[QAbstractButton], fields: Sequence[CnDateEdit]) -> None:
    """保存 and its kin stay disabled while any of ``fields`` holds no acceptable date."""

    def update(_valid: bool = True) -> None:
        ok = all(f.is_valid() for f in fields)
        for button in buttons:
            button.setEnabled(ok)

    for f in fields:
        f.validityChanged.connect(update)
    update()


def optional_date_edit(special: str, parent: QWidget | None = None) -> OptionalDateEdit:
    edit = OptionalDateEdit(special, parent)
    edit.setLocale(CHINESE)
    return edit


def read_only_table(
    parent: QWidget, model: QAbstractItemModel, columns: RowTableModel[Any], stretch: int
) -> QTableView:
    """One row chosen at a time; widths from the model's columns, column ``stretch`` widest."""
    view = QTableView(parent)
    view.setModel(model)
    setup_table(view, columns)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setStretchLastSection(False)
    return view
