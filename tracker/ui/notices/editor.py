"""The notice editor: a notice, its requirements and who owes each, saved through the service.

Deadlines on weekends or holidays are flagged (not refused), years without holiday data say
so, and a refused save lists every problem in Chinese while keeping everything typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import enable_while_valid
from tracker.ui.notices.drafts import (
    NoticeDraft,
    RequirementDraft,
    bump_years,
    draft_from_record,
    draft_from_spec,
    to_spec,
)
from tracker.ui.notices.editor_layout import EditorLayout
from tracker.ui.notices.requirements_model import COL_TITLE, RequirementsModel

if TYPE_CHECKING:
    from tracker.services.bundle import Services

DEFAULT_WORKDAYS = 10  # a new requirement's deadline: two working weeks from the notice


class NoticeEditor(FittedDialog):
    saved = Signal(int, object)  # notice id, Change

    def __init__(self, services: Services, draft: NoticeDraft, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.draft = draft
        self.units = services.units.list_units()
        self.categories = services.units.categories()
        self.calendar = services.calendar.work_calendar()
        self.notice_id: int | None = draft.notice_id
        self.model = RequirementsModel(lambda d: self.calendar.info(d).note, self)
        self.ui = EditorLayout(self, self.model, self.units, self.categories)
        self.setWindowTitle(self.tr("修改通知") if draft.notice_id else self.tr("新建通知"))
        self._load()
        self._connect()
        self.on_requirement_selected()
        self._saved_spec = self._spec()

    # -- ways to open it -----------------------------------------------------------------
    @classmethod
    def for_new(cls, services: Services, parent: QWidget | None = None) -> NoticeEditor:
        issuer = services.settings.office().sender_name
        return cls(services, NoticeDraft(issuer=issuer, issued_on=today()), parent)

    @classmethod
    def for_notice(
        cls, services: Services, notice_id: int, parent: QWidget | None = None
    ) -> NoticeEditor:
        record = services.notices.get(notice_id)
        # Deactivated units keep their obligations (history) whatever is ticked: leave them out.
        active = {u.id for u in services.units.list_units(include_inactive=False)}
        owing = {
            r.id: [i for i in services.notices.required_unit_ids(r.id) if i in active]
            for r in record.requirements
        }
        return cls(services, draft_from_record(record, owing), parent)

    @classmethod
    def for_copy(
        cls, services: Services, notice_id: int, parent: QWidget | None = None, years: int = 1
    ) -> NoticeEditor:
        """Last year's notice with dates moved on a year; doc number left for the clerk."""
        spec = services.notices.copy_spec(notice_id, years)
        draft = draft_from_spec(spec, services.units.list_units())
        draft.title = bump_years(draft.title, years)
        for req in draft.requirements:
            req.title = bump_years(req.title, years)
        editor = cls(services, draft, parent)
        editor.setWindowTitle(editor.tr("新建通知（复制自往年通知）"))
        return editor

    # -- set-up --------------------------------------------------------------------------
    def _load(self) -> None:
        d, ui = self.draft, self.ui
        ui.doc_number.setText(d.doc_number)
        ui.title.setText(d.title)
        ui.issuer.setText(d.issuer)
        ui.issued_on.set_date_or_none(d.issued_on)
        ui.theme.setText(d.theme)
        ui.body_note.setPlainText(d.body_note)
        ui.contacts_model.set_rows(d.contacts)
        self.model.set_rows(d.requirements)
        if d.requirements:
            ui.requirements.selectRow(0)
        self.refresh_warnings()

    def _connect(self) -> None:
        ui = self.ui
        ui.requirements.selectionModel().selectionChanged.connect(self.on_requirement_selected)
        self.model.dataChanged.connect(self.refresh_warnings)
        ui.audience.changed.connect(self.on_audience_changed)
        ui.add_requirement.clicked.connect(self.on_add_requirement_clicked)
        ui.remove_requirement.clicked.connect(self.on_remove_requirement_clicked)
        ui.add_contact.clicked.connect(self.on_add_contact_clicked)
        ui.remove_contact.clicked.connect(
            lambda: ui.contacts_model.remove(ui.contacts.currentIndex().row())
        )
        ui.save.clicked.connect(self.save)
        ui.cancel.clicked.connect(self.reject)
        ui.deadline_delegate.refused.connect(ui.errors.show_message)
        enable_while_valid([ui.save], [ui.issued_on])

    # -- requirements --------------------------------------------------------------------
    def selected_row(self) -> int:
        rows = self.ui.requirements.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def on_requirement_selected(self, *_: QItemSelection) -> None:
        row = self.selected_row()
        self.ui.audience.set_units(self.model.draft(row).unit_ids if row >= 0 else None)

    def on_audience_changed(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.units_changed(row)

    def on_add_requirement_clicked(self) -> None:
        reqs = self.draft.requirements
        last = reqs[-1] if reqs else None
        issued = self.ui.issued_on
        start = (issued.date_value_or_none() if issued.is_valid() else None) or today()
        draft = RequirementDraft(
            title="",
            deadline=last.deadline if last else self.calendar.add_workdays(start, DEFAULT_WORKDAYS),
            forms=last.forms if last else Form.ELECTRONIC,
            unit_ids=set(last.unit_ids) if last else set(),
        )
        row = self.model.append(draft)
        self.ui.requirements.selectRow(row)
        self.ui.requirements.edit(self.model.index(row, COL_TITLE))
        self.refresh_warnings()

    def on_remove_requirement_clicked(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove(row)
            self.on_requirement_selected()
            self.refresh_warnings()

    def on_add_contact_clicked(self) -> None:
        row = self.ui.contacts_model.add_contact()
        self.ui.contacts.edit(self.ui.contacts_model.index(row, 0))

    # -- warnings and saving -------------------------------------------------------------
    def deadline_warnings(self) -> list[str]:
        notes: list[str] = []
        years: set[int] = set()
        for i, r in enumerate(self.draft.requirements, start=1):
            years.add(r.deadline.year)
            if note := self.calendar.info(r.deadline).note:
                name = f"“{r.title}”" if r.title else ""
                notes.append(f"第{i}个报送事项{name}的时限{format_cn(r.deadline)}是{note}")
        notes.extend(n for y in sorted(years) if (n := self.calendar.fallback_note(y)))
        return notes

    def refresh_warnings(self) -> None:
        self.ui.warnings.show_message("\n".join(self.deadline_warnings()))

    def _collect(self) -> None:
        d, ui = self.draft, self.ui
        d.doc_number = ui.doc_number.text()
        d.title = ui.title.text()
        d.issuer = ui.issuer.text()
        d.issued_on = ui.issued_on.date_value_or_none()
        d.theme = ui.theme.text()
        d.body_note = ui.body_note.toPlainText()

    # -- cancelling ----------------------------------------------------------------------
    def _spec(self) -> NoticeSpec | None:
        """What the form holds now (None when a field cannot be read, e.g. a bad date)."""
        try:
            self._collect()
            return to_spec(self.draft, self.units, self.categories)
        except TrackerError:
            return None

    def has_unsaved_edits(self) -> bool:
        return self._spec() != self._saved_spec

    def reject(self) -> None:
        """取消, Esc or the window's ✕: edits are never dropped without asking."""
        if self.has_unsaved_edits() and not ask_discard(self):
            return
        super().reject()

    def save(self) -> bool:
        try:
            self._collect()
            spec = to_spec(self.draft, self.units, self.categories)
            if self.notice_id is None:
                self.notice_id, change = self.services.notices.create(spec)
            else:
                change = self.services.notices.update(self.notice_id, spec, self.draft.version)
        except TrackerError as exc:
            self.ui.errors.show_error(exc)
            return False
        self.saved.emit(self.notice_id, change)
        self.accept()
        return True


def ask_discard(parent: QWidget) -> bool:
    """放弃修改? True when the clerk chooses to drop the edits (继续编辑 is the default)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.tr("取消编辑"),
        parent.tr("通知有尚未保存的修改。放弃这些修改吗？"),
        parent=parent,
    )
    discard = box.addButton(parent.tr("放弃修改"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(parent.tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is discard
