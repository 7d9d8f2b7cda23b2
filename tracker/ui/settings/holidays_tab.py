"""节假日: the State Council's holidays and make-up workdays for years the built-in data lacks.

Each year's entries are edited in memory and saved with the dialog; switching years keeps
what was typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.workdays import WEEKDAY_NAMES, DayOverride, WorkCalendar
from tracker.ui.common.dates import to_qdate
from tracker.ui.common.table import Column, RowTableModel, setup_table
from tracker.ui.dialogs.fields import MessageStrip, date_edit, enable_while_valid

if TYPE_CHECKING:
    from tracker.domain.records import Change
    from tracker.services.bundle import Services

KINDS = ("放假", "调休上班")


def _kind(d: DayOverride) -> str:
    return KINDS[1] if d.is_workday else KINDS[0]


class HolidayModel(RowTableModel[DayOverride]):
    columns = (
        Column("日期", lambda d: format_cn(d.day), lambda d: d.day.isoformat()),
        Column("星期", lambda d: WEEKDAY_NAMES[d.day.weekday()], width_chars=3),
        Column("安排", _kind, width_chars=4),
        Column("名称", lambda d: d.name, width_chars=8),
    )

    def set_rows(self, rows: Sequence[DayOverride]) -> None:
        super().set_rows(sorted(rows, key=lambda d: d.day))


def default_year(calendar: WorkCalendar) -> int:
    """This year or next, whichever lacks holiday data first; else next year from November."""
    now = today()
    for year in (now.year, now.year + 1):
        if not calendar.knows_year(year):  # neither built in nor entered here
            return year
    return now.year + 1 if now.month >= 11 else now.year


class HolidaysTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.edited: dict[int, list[DayOverride]] = {}
        self.model = HolidayModel(self)
        self._build()
        self.year.setValue(default_year(services.calendar.work_calendar()))
        self.on_year_changed(self.year.value())
        self.year.valueChanged.connect(self.on_year_changed)

    def _build(self) -> None:
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2099)
        self.year.setSuffix(self.tr(" 年"))
        self.status = MessageStrip("info", self)
        self.start = date_edit(today(), self)
        self.end = date_edit(today(), self)
        self.kind = QComboBox(self)
        self.kind.addItems([self.tr(k) for k in KINDS])
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("如：春节"))
        self.add = QPushButton(self.tr("添加"), self)
        self.remove = QPushButton(self.tr("删除所选"), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, self.model)
        self.errors = MessageStrip("error", self)
        for b in (self.add, self.remove):
            b.setAutoDefault(False)
        self.add.clicked.connect(self.on_add_clicked)
        self.remove.clicked.connect(self.on_remove_clicked)
        self.start.dateValueChanged.connect(self.on_start_changed)
        enable_while_valid([self.add], [self.start, self.end])
        self._arrange()

    def _arrange(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        entry = QHBoxLayout()
        for label, widget in (("从", self.start), ("到", self.end), ("", self.kind)):
            if label:
                entry.addWidget(QLabel(self.tr(label), self))
            entry.addWidget(widget)
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        layout.addWidget(self.errors)

    # -- slots ---------------------------------------------------------------------------
    def on_year_changed(self, year: int) -> None:
        if year not in self.edited:
            self.model.set_rows(self.services.calendar.days(year))
        else:
            self.model.set_rows(self.edited[year])
        self.start.setDate(to_qdate(date(year, 1, 1)))
        self.end.setDate(to_qdate(date(year, 1, 1)))
        self.errors.clear_message()
        self._show_status()

    def on_start_changed(self, first: date) -> None:
        if self.end.is_valid() and self.end.date_value() < first:
            self.end.set_date_value(first)

    def on_add_clicked(self) -> None:
        try:
            first, last = self.start.date_value(), self.end.date_value()
        except TrackerError as exc:
            self.errors.show_error(exc)
            return
        year = self.year.value()
        if first.year != year or last.year != year:
            self.errors.show_message(self.tr("日期应在{0}年内").format(year))
            return
        is_workday = self.kind.currentIndex() == 1
        days = {d.day: d for d in self.model.rows}
        day = first
        while day <= last:
            days[day] = DayOverride(day, is_workday, self.name.text().strip())
            day += timedelta(days=1)
        self._set(list(days.values()))
        self.errors.clear_message()

    def on_remove_clicked(self) -> None:
        chosen = {i.row() for i in self.table.selectionModel().selectedRows()}
        self._set([d for i, d in enumerate(self.model.rows) if i not in chosen])

    def _set(self, rows: list[DayOverride]) -> None:
        self.edited[self.year.value()] = rows
        self.model.set_rows(rows)
        self._show_status()

    def _show_status(self) -> None:
        year = self.year.value()
        rows = self.model.rows
        if rows:
            off = sum(not d.is_workday for d in rows)
            text = self.tr("{0}年：本台账录入放假{1}天、调休上班{2}天，优先于内置数据。")
            self.status.show_message(text.format(year, off, len(rows) - off))
        elif WorkCalendar().knows_year(year):  # built-in data only, not the stored entries
            text = self.tr("{0}年：使用内置的国务院节假日安排，一般无需录入。")
            self.status.show_message(text.format(year))
        else:
            self.status.show_message(self.services.calendar.work_calendar().fallback_note(year))

    def save(self) -> list[Change]:
        """Save every year edited here; returns the services' Changes."""
        changes = [self.services.calendar.set_year(y, rows) for y, rows in self.edited.items()]
        self.edited.clear()
        return changes
