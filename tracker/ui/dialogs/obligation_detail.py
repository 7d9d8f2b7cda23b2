"""One obligation in full: its decisions (免报, 延期, with the day granted), its registrations
with their archived files (opened in the system's viewer) and its 催报 records — and the ways
to take a decision back: 撤销免报, 撤销延期, 删除登记. Every change is pushed for Ctrl+Z."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.forms import format_forms
from tracker.domain.ledger_query import ReminderQuery
from tracker.domain.records import Change, ObligationRow, ReminderRecord, SubmissionRecord
from tracker.ui.common.file_opener import CopyJob, FileOpener
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.table import DATE_SAMPLE, Column, RowTableModel
from tracker.ui.dialogs.fields import MessageStrip, read_only_table

if TYPE_CHECKING:
    from tracker.domain.bulletin_request import QueuedUnit
    from tracker.services.bundle import Services
    from tracker.ui.common.worker import Task


class SubmissionModel(RowTableModel[SubmissionRecord]):
    columns = (
        Column(
            "收到日期",
            lambda s: format_cn(s.received_on),
            lambda s: s.received_on,
            sample=DATE_SAMPLE,
        ),
        Column("方式", lambda s: s.channel, width_chars=3),
        Column("材料", lambda s: format_forms(s.forms), width_chars=10),
        Column("文件", lambda s: "、".join(n for n, _ in s.files), width_chars=11),
        Column("备注", lambda s: s.note, width_chars=8),
        Column("登记人", lambda s: s.created_by, width_chars=4),
    )


class ReminderModel(RowTableModel[ReminderRecord]):
    columns = (
        Column(
            "日期",
            lambda r: format_cn(r.reminded_on),
            lambda r: r.reminded_on,
            sample=DATE_SAMPLE,
        ),
        Column("方式", lambda r: r.method, width_chars=3),
        Column("函号", lambda r: r.letter_number, width_chars=12),
        Column("备注", lambda r: r.note, width_chars=10),
    )


def decisions_text(row: ObligationRow, queued: QueuedUnit | None = None) -> str:
    note = f"（{row.deadline_note}）" if row.deadline_note else ""
    lines = [f"原定时限：{format_cn(row.deadline)}{note}"]
    if row.extended_to:
        granted = f"，{format_cn(row.extended_on)}批准" if row.extended_on else ""
        lines.append(f"延期至：{format_cn(row.extended_to)}（{row.extension_reason}{granted}）")
    if row.exempt_reason is not None:
        granted = f"，{format_cn(row.exempt_on)}批准" if row.exempt_on else ""
        lines.append(f"免报：{row.exempt_reason}{granted}")
    lines.append(f"状态（截至{format_cn(row.as_of)}）：{row.status.label}")
    if queued is not None:
        lines.append(f"通报：{format_cn(queued.added_on)}已列入下次通报，印发时点名")
    return "\n".join(lines)


class ObligationDetailDialog(FittedDialog):
    saved = Signal(object)  # each Change made here (for Ctrl+Z)

    def __init__(
        self, services: Services, obligation_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.obligation_id = obligation_id
        self.submissions = SubmissionModel(self)
        self.reminders = ReminderModel(self)
        self.opener = FileOpener(self, services.discard_copy)
        self._build()
        self.reload()
        self.resize(760, 620)  # less on a small screen (FittedDialog)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.decisions = QLabel(self)
        self.decisions.setWordWrap(True)
        self.unexempt_button = QPushButton(self.tr("撤销免报…"), self)
        self.unextend_button = QPushButton(self.tr("撤销延期…"), self)
        self.unqueue_button = QPushButton(self.tr("移出下次通报"), self)
        self.open_button = QPushButton(self.tr("打开文件"), self)
        self.open_button.setToolTip(self.tr("用系统中的程序打开这份登记的归档文件（打开的是副本）"))
        self.delete_button = QPushButton(self.tr("删除登记…"), self)
        self.sub_view = read_only_table(self, self.submissions, self.submissions, 3)
        self.reminder_view = read_only_table(self, self.reminders, self.reminders, 3)
        self.errors = MessageStrip("error", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        for b in (
            self.unexempt_button,
            self.unextend_button,
            self.unqueue_button,
            self.open_button,
            self.delete_button,
        ):
            b.setAutoDefault(False)
        self._arrange(buttons)
        self.unexempt_button.clicked.connect(lambda: self.revoke("unexempt"))
        self.unextend_button.clicked.connect(lambda: self.revoke("unextend"))
        self.unqueue_button.clicked.connect(self.on_unqueue_clicked)
        self.open_button.clicked.connect(lambda _=False: self.on_open_clicked())
        self.opener.refused.connect(self.errors.show_message)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.sub_view.selectionModel().selectionChanged.connect(self._enable)
        self.sub_view.doubleClicked.connect(lambda _i: self.on_open_clicked())

    def _arrange(self, buttons: QDialogButtonBox) -> None:
        decided = QHBoxLayout()
        decided.addWidget(self.decisions, 1)
        decided.addWidget(self.unexempt_button)
        decided.addWidget(self.unextend_button)
        decided.addWidget(self.unqueue_button)
        subs = QGroupBox(self.tr("登记"), self)
        sub_box = QVBoxLayout(subs)
        sub_box.addWidget(self.sub_view)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        sub_box.addLayout(row)
        reminded = QGroupBox(self.tr("催报"), self)
        QVBoxLayout(reminded).addWidget(self.reminder_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(decided)
        layout.addWidget(subs, 3)
        layout.addWidget(reminded, 2)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    # -- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        ledger = self.services.ledger
        self.row = ledger.row(self.obligation_id)
        r = self.row
        self.setWindowTitle(self.tr("%s · %s") % (r.unit_name, r.requirement_title))
        self.heading.setText(
            f"{r.unit_name}　{r.doc_number or r.notice_title}　{r.requirement_title}"
        )
        queued = self.services.bulletins.queued(r.notice_id)
        listed = next((q for q in queued if q.obligation_id == self.obligation_id), None)
        self.decisions.setText(decisions_text(r, listed))
        self.submissions.set_rows(ledger.submissions(self.obligation_id))
        reminded = ledger.reminders(ReminderQuery(unit_id=r.unit_id))
        self.reminders.set_rows([x for x in reminded if x.obligation_id == self.obligation_id])
        self.unexempt_button.setVisible(r.exempt_reason is not None)
        self.unextend_button.setVisible(r.extended_to is not None)
        self.unqueue_button.setVisible(listed is not None)
        self._enable()

    def selected_submission(self) -> SubmissionRecord | None:
        rows = self.sub_view.selectionModel().selectedRows()
        if rows:
            return self.submissions.row_at(rows[0].row())
        return self.submissions.rows[0] if len(self.submissions.rows) == 1 else None

    def _enable(self, *_args: object) -> None:
        sub = self.selected_submission()
        self.delete_button.setEnabled(sub is not None)
        self.open_button.setEnabled(sub is not None and bool(sub.files))

    # -- actions -------------------------------------------------------------------------
    def _done(self, change: Change) -> None:
        self.saved.emit(change)
        self.errors.clear_message()
        self.reload()

    def revoke(self, kind: str) -> None:
        from tracker.ui.dialogs.revoke import RevokeDialog

        dialog = RevokeDialog(self.services, [self.obligation_id], kind, self)
        dialog.saved.connect(self._done)
        dialog.exec()

    def on_unqueue_clicked(self) -> None:
        """Take it off the list for the next 通报 (Ctrl+Z puts it back)."""
        try:
            change = self.services.bulletins.unqueue([self.obligation_id])
        except TrackerError as exc:
            self.errors.show_message(str(exc))
            return
        self._done(change)

    def on_delete_clicked(self) -> None:
        from tracker.ui.dialogs.revoke import DeleteSubmissionDialog

        sub = self.selected_submission()
        if sub is None:
            return
        dialog = DeleteSubmissionDialog(self.services, sub, self)
        dialog.saved.connect(self._done)
        dialog.exec()

    def on_open_clicked(self) -> Task | None:
        """Each file of the registration, as a copy, in the program the system has for it:
        copied in a worker (see :mod:`tracker.ui.common.file_opener`); the task, if any."""
        sub = self.selected_submission()
        if sub is None:
            return None
        self.errors.clear_message()
        archived_copy = self.services.archived_copy
        return self.opener.open(
            [CopyJob(name, partial(archived_copy, sha256, name)) for name, sha256 in sub.files]
        )
