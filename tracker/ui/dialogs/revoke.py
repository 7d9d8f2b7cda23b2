"""撤销免报, 撤销延期 and 删除登记: each says what it takes back and asks why (the reason goes
into the audit log); each is one Change, so Ctrl+Z brings the decision back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.forms import format_forms
from tracker.domain.records import Change, ObligationRow, SubmissionRecord
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.dialogs.obligation_dialog import ObligationDialog

if TYPE_CHECKING:
    from tracker.services.bundle import Services


def decision_text(row: ObligationRow, kind: str) -> str:
    granted = row.exempt_on if kind == "unexempt" else row.extended_on
    day = f"，{format_cn(granted)}批准" if granted else ""
    if kind == "unexempt":
        return f"{row.unit_name}·{row.requirement_title}：免报（{row.exempt_reason}{day}）"
    return (
        f"{row.unit_name}·{row.requirement_title}：延期至{format_cn(row.extended_to)}"
        f"（{row.extension_reason}{day}）"
    )


class RevokeDialog(ObligationDialog):
    """撤销免报 (``kind`` "unexempt") or 撤销延期 ("unextend") for the selected obligations
    that have one; the others are left alone and the dialog says how many."""

    def __init__(
        self,
        services: Services,
        obligation_ids: Sequence[int],
        kind: str,
        parent: QWidget | None = None,
    ) -> None:
        self.kind = kind
        self.title = "撤销免报" if kind == "unexempt" else "撤销延期"
        self.ok_text = self.title
        super().__init__(services, obligation_ids, parent)
        held = [r for r in self.rows if self._holds(r)]
        skipped = len(self.rows) - len(held)
        self.rows = held
        self.obligation_ids = [r.obligation_id for r in held]
        lines = [decision_text(r, kind) for r in held[:6]]
        if len(held) > 6:
            lines.append(f"等{len(held)}条")
        if skipped:
            what = "免报" if kind == "unexempt" else "延期"
            lines.append(f"（另有{skipped}条没有{what}，不受影响）")
        self.chosen.setText("\n".join(lines) or self.tr("所选记录都没有可撤销的决定"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：单位实际已开展活动，应予报送"))
        self.form.addRow(self.tr("撤销理由(&R)"), self.reason)
        self.ok_button.setEnabled(bool(held))
        self.reason.setFocus()

    def _holds(self, row: ObligationRow) -> bool:
        return row.exempt_reason is not None if self.kind == "unexempt" else bool(row.extended_to)

    def apply(self) -> Change:
        ledger = self.services.ledger
        revoke = ledger.unexempt if self.kind == "unexempt" else ledger.unextend
        change: Change = revoke(self.obligation_ids, self.reason.text(), expected=self.versions())
        return change


def submission_text(sub: SubmissionRecord) -> str:
    files = "、".join(name for name, _ in sub.files)
    parts = [f"{format_cn(sub.received_on)}收到{format_forms(sub.forms)}（{sub.channel}）"]
    if files:
        parts.append(f"文件：{files}")
    if sub.note:
        parts.append(f"备注：{sub.note}")
    return "；".join(parts)


class DeleteSubmissionDialog(FittedDialog):
    """删除登记: one registration, with a reason; its archived files stay (undo restores it)."""

    saved = Signal(object)  # the Change

    def __init__(
        self, services: Services, sub: SubmissionRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.sub = sub
        self.setWindowTitle(self.tr("删除登记"))
        self.setMinimumWidth(460)
        what = QLabel(submission_text(sub), self)
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：登记错了单位"))
        self.errors = MessageStrip("error", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("删除登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("登记"), what)
        form.addRow(self.tr("删除理由(&R)"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def on_ok_clicked(self) -> None:
        try:
            change = self.services.ledger.delete_submission(self.sub.id, self.reason.text())
        except TrackerError as exc:
            self.errors.show_error(exc)
            return
        self.saved.emit(change)
        self.accept()
