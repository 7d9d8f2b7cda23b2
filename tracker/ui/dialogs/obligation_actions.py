"""免报, 延期 and 记录催报 for the obligations selected in the grid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.records import Change, ReminderMethod
from tracker.ui.common.dates import CnDateEdit
from tracker.ui.dialogs.fields import MessageStrip, date_edit, enable_while_valid, with_hint
from tracker.ui.dialogs.obligation_dialog import ObligationDialog

if TYPE_CHECKING:
    from tracker.services.bundle import Services


def granted_field(dialog: ObligationDialog) -> CnDateEdit:
    """批准日期: the day the decision was taken (today unless it was agreed earlier); replaying a
    day before it, the ledger shows the obligation without it."""
    field = date_edit(today(), dialog)
    field.set_limits(
        maximum=today(), too_late=dialog.tr("批准日期不能晚于今天（%s）") % format_cn(today())
    )
    field.setToolTip(dialog.tr("回看这一天之前的台账时，不计这项决定"))
    dialog.form.addRow(dialog.tr("批准日期(&G)"), with_hint(field))
    return field


class ExemptDialog(ObligationDialog):
    title = "免报"
    ok_text = "免报"

    def __init__(
        self, services: Services, obligation_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(services, obligation_ids, parent)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：该单位本年度无此项工作"))
        self.form.addRow(self.tr("免报理由(&R)"), self.reason)
        self.granted = granted_field(self)
        enable_while_valid([self.ok_button], [self.granted])
        self.reason.setFocus()

    def apply(self) -> Change:
        return self.services.ledger.exempt(
            self.obligation_ids,
            self.reason.text(),
            on=self.granted.date_value(),
            expected=self.versions(),
        )


def deadlines_text(deadlines: Sequence[date]) -> str:
    days = sorted(set(deadlines))
    if len(days) <= 3:
        return "、".join(format_cn(d) for d in days)
    return f"{format_cn(days[0])} 至 {format_cn(days[-1])}（{len(days)}个不同时限）"


class ExtendDialog(ObligationDialog):
    """New deadline and reason; shows the original deadline and warns on an off day."""

    title = "延期"
    ok_text = "延期"

    def __init__(
        self, services: Services, obligation_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(services, obligation_ids, parent)
        original = [r.deadline for r in self.rows]
        self.original = QLabel(deadlines_text(original) if original else "", self)
        extended = [r.extended_to for r in self.rows if r.extended_to]
        self.new_date = date_edit(self.suggested_date(), self)
        self.day_note = MessageStrip("warning", self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：单位申请，经处领导同意"))
        self.form.addRow(self.tr("原定时限"), self.original)
        if extended:
            self.form.addRow(self.tr("已延期至"), QLabel(deadlines_text(extended), self))
        self.form.addRow(self.tr("新的时限(&D)"), with_hint(self.new_date))
        self.form.addRow("", self.day_note)
        self.form.addRow(self.tr("延期理由(&R)"), self.reason)
        self.granted = granted_field(self)
        enable_while_valid([self.ok_button], [self.new_date, self.granted])
        self.new_date.dateChanged.connect(self.on_new_date_changed)
        self.on_new_date_changed()
        self.reason.setFocus()

    def suggested_date(self) -> date:
        """The office's usual grace: N working days after today or the latest deadline."""
        start = max([today(), *(r.effective_deadline for r in self.rows)])
        days = self.services.settings.office().reminder_workdays
        return self.services.calendar.work_calendar().add_workdays(start, days)

    def on_new_date_changed(self) -> None:
        day = self.new_date.date_value()
        cal = self.services.calendar.work_calendar()
        notes = []
        if note := cal.info(day).note:
            notes.append(self.tr("新的时限是{0}（{1}），请确认。").format(format_cn(day), note))
        if fallback := cal.fallback_note(day.year):
            notes.append(fallback)
        self.day_note.show_message("\n".join(notes))

    def apply(self) -> Change:
        day = self.new_date.date_value()
        return self.services.ledger.extend(
            self.obligation_ids,
            day,
            self.reason.text(),
            on=self.granted.date_value(),
            expected=self.versions(),
        )


class RemindDialog(ObligationDialog):
    """Records that the units were chased: by letter (with its number), phone, email, SMS."""

    title = "记录催报"
    ok_text = "记录"

    def __init__(
        self, services: Services, obligation_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(services, obligation_ids, parent)
        self.method = QComboBox(self)
        self.method.addItems([m.value for m in ReminderMethod])
        self.on = date_edit(today(), self)
        self.on.set_limits(
            maximum=today(), too_late=self.tr("催报日期不能晚于今天（%s）") % format_cn(today())
        )
        self.letter_number = QLineEdit(self)
        prefix = services.settings.office().letter_prefix
        example = f"{prefix}〔{today().year}〕号" if prefix else self.tr("催报函的文号")
        self.letter_number.setPlaceholderText(example)
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("催报方式(&M)"), self.method)
        self.form.addRow(self.tr("催报日期(&D)"), with_hint(self.on))
        self.form.addRow(self.tr("函号(&L)"), self.letter_number)
        self.form.addRow(self.tr("备注(&N)"), self.note)
        self.method.currentIndexChanged.connect(self.on_method_changed)
        enable_while_valid([self.ok_button], [self.on])
        self.on_method_changed()
        self.method.setFocus()

    def chosen_method(self) -> ReminderMethod:
        return list(ReminderMethod)[self.method.currentIndex()]

    def on_method_changed(self) -> None:
        self.letter_number.setEnabled(self.chosen_method() is ReminderMethod.LETTER)

    def apply(self) -> Change:
        method = self.chosen_method()
        number = self.letter_number.text().strip() if method is ReminderMethod.LETTER else ""
        return self.services.ledger.remind(
            self.obligation_ids, method, self.on.date_value(), number, self.note.text()
        )
