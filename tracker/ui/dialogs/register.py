"""登记报送: record what a unit sent, for one of the requirements it owes.

Keyboard flow: type ``hp`` → Enter takes 和平区市场监管局 → the requirement it still owes is
chosen and its missing forms ticked → Enter saves and asks for the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.forms import FORM_ORDER, Form, format_forms
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import Change, Channel, ObligationRow
from tracker.domain.status import Status
from tracker.ui.common.errors import report_exception
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import enable_while_valid
from tracker.ui.dialogs.register_layout import RegisterLayout
from tracker.ui.safety.backup_model import size_text as size

if TYPE_CHECKING:
    from tracker.services.bundle import Services
    from tracker.ui.common.progress import TaskProgressDialog
    from tracker.ui.common.worker import TaskControl


@dataclass(frozen=True, slots=True)
class RegisterPreset:
    """What the dialog starts with: from a grid row, or carried over from the last one."""

    unit_id: int | None = None
    requirement_id: int | None = None
    received_on: date | None = None
    channel: Channel = Channel.EMAIL
    files: tuple[Path, ...] = ()


def owed_first(rows: list[ObligationRow]) -> list[ObligationRow]:
    """Obligations still missing something first (nearest deadline first), then the rest."""

    def key(r: ObligationRow) -> tuple[bool, date, int]:
        done = r.status is Status.EXEMPT or r.missing_forms == Form.NONE
        return done, r.effective_deadline, r.obligation_id

    return sorted(rows, key=key)


def choice_label(row: ObligationRow) -> str:
    notice = row.doc_number or row.notice_title
    return f"{row.requirement_title}（{notice}，时限{format_cn(row.effective_deadline)}）"


def row_summary(row: ObligationRow) -> str:
    parts = [f"应报：{format_forms(row.required_forms)}"]
    parts.append(f"已收：{format_forms(row.received_forms) or '无'}")
    if row.extended_to:
        parts.append(f"已延期至{format_cn(row.extended_to)}")
    parts.append(f"状态：{row.status.label}")
    return "　".join(parts)


class RegisterDialog(FittedDialog):
    """Saves one submission; ``next_requested`` says whether the clerk wants another."""

    saved = Signal(object)  # the Change

    def __init__(
        self,
        services: Services,
        preset: RegisterPreset | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.preset = preset or RegisterPreset()
        self.next_requested = False
        self.last_change: Change | None = None
        self.archiving: TaskProgressDialog | None = None  # while the files are copied in
        self._busy = False
        self._rows: list[ObligationRow] = []
        self.ui = RegisterLayout(self, services.units.list_units(include_inactive=False))
        self._connect()
        self._apply_preset()

    # -- set-up --------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.unit.unit_chosen.connect(self.on_unit_chosen)
        ui.requirement.currentIndexChanged.connect(self.on_requirement_changed)
        ui.save_next.clicked.connect(lambda: self.save(next_one=True))
        ui.save_close.clicked.connect(lambda: self.save(next_one=False))
        ui.cancel.clicked.connect(self.reject)
        ui.add_files.clicked.connect(self.on_add_files_clicked)
        ui.received_today.clicked.connect(lambda: ui.received_on.set_date_value(today()))
        ui.received_on.dateValueChanged.connect(self.on_received_on_changed)
        enable_while_valid([ui.save_next, ui.save_close], [ui.received_on])
        ui.remove_files.clicked.connect(ui.files.remove_selected)

    def _apply_preset(self) -> None:
        p = self.preset
        now = today()
        self.ui.received_on.set_limits(
            maximum=now, too_late=self.tr("收到日期不能晚于今天（%s）") % format_cn(now)
        )
        self.ui.received_on.set_date_value(p.received_on or now)
        # A back-dated day kept from the last form says so, with 今天 one click away.
        self.ui.kept_date.setVisible(p.received_on not in (None, now))
        self.on_received_on_changed(p.received_on or now)
        self.ui.channel.setCurrentIndex(list(Channel).index(p.channel))
        self.ui.files.add_paths(p.files)
        if p.unit_id is not None:
            self.ui.unit.choose(p.unit_id)
            self.ui.requirement.setFocus()
        else:
            self.ui.unit.setFocus()

    # -- what is chosen ------------------------------------------------------------------
    def current_row(self) -> ObligationRow | None:
        i = self.ui.requirement.currentIndex()
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def chosen_forms(self) -> Form:
        result = Form.NONE
        for form, box in zip(FORM_ORDER, self.ui.form_boxes, strict=True):
            if box.isChecked():
                result |= form
        return result

    # -- slots ---------------------------------------------------------------------------
    def on_unit_chosen(self, unit_id: int) -> None:
        self.ui.errors.clear_message()
        rows: list[ObligationRow] = []
        if unit_id >= 0:
            rows = owed_first(self.services.ledger.rows(self._query(unit_id)))
        self._rows = rows
        combo = self.ui.requirement
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([choice_label(r) for r in rows])
        combo.blockSignals(False)
        wanted = [i for i, r in enumerate(rows) if r.requirement_id == self.preset.requirement_id]
        combo.setCurrentIndex(wanted[0] if wanted else (0 if rows else -1))
        self.on_requirement_changed()
        if unit_id >= 0 and not rows:
            self.ui.errors.show_message(self.tr("该单位没有需要报送的事项"))
        elif unit_id >= 0 and self.ui.unit.hasFocus():
            combo.setFocus()

    def on_requirement_changed(self, _index: int = -1) -> None:
        row = self.current_row()
        self.ui.summary.setText(row_summary(row) if row else "")
        missing = row.missing_forms if row else Form.NONE
        required = row.required_forms if row else Form.NONE
        for form, box in zip(FORM_ORDER, self.ui.form_boxes, strict=True):
            box.setChecked(bool(missing & form))
            font = box.font()
            font.setBold(bool(required & form))
            box.setFont(font)

    def on_received_on_changed(self, day: date) -> None:
        is_today = day == today()
        self.ui.received_today.setVisible(not is_today)
        if day != self.preset.received_on:
            self.ui.kept_date.hide()

    def on_add_files_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择收到的文件"), str(start_folder("received"))
        )
        if names:
            remember_folder("received", names[0])
        self.ui.files.add_paths(Path(n) for n in names)

    # -- saving --------------------------------------------------------------------------
    def save(self, *, next_one: bool) -> bool:
        """Register the submission; on success close (the flow may open the next one)."""
        if self.ui.unit.unit_id() is None:
            if self.ui.unit.choose_best():
                return False  # show what was picked before saving anything
            self.ui.errors.show_message(self.tr("请先选择单位（可输入名称、别名或拼音首字母）"))
            self.ui.unit.setFocus()
            return False
        row = self.current_row()
        if row is None:
            self.ui.errors.show_message(self.tr("请选择报送事项"))
            return False
        register = partial(
            self.services.ledger.register,
            row.obligation_id,
            self.chosen_forms(),
            self.ui.received_on.date_value(),
            list(Channel)[self.ui.channel.currentIndex()],
            self.ui.note.text(),
            self.ui.files.paths(),
        )
        if self.ui.files.paths():
            self._archive_then_register(register, next_one)
            return False  # saved once the files are in (``saved`` tells)
        try:
            change = register()
        except TrackerError as exc:
            self.ui.errors.show_error(exc)
            return False
        self._saved(change, next_one)
        return True

    def _archive_then_register(self, register: Callable[..., Change], next_one: bool) -> None:
        """Files (maybe a big 佐证材料 video) are hashed and copied in a worker with progress,
        then the short write; 取消 leaves nothing behind. The window stays responsive."""
        from tracker.ui.common.progress import run_with_progress

        def work(control: TaskControl) -> Change:
            def step(done: int, total: int) -> None:
                control.check()
                text = self.tr("正在归档收到的文件：{0} / {1}").format(size(done), size(total))
                control.progress(done * 1000 // total if total else 0, 1000, text)

            return register(progress=step)

        self._set_busy(True)
        self.archiving = run_with_progress(
            self,
            self.tr("登记报送"),
            self.tr("正在归档收到的文件…"),
            work,
            on_done=lambda change: self._saved(change, next_one),
            on_error=self._on_save_failed,
            on_cancelled=self._on_save_cancelled,
        )

    def _set_busy(self, busy: bool) -> None:
        self.ui.received_on.setEnabled(not busy)
        for button in (self.ui.save_next, self.ui.save_close):
            button.setEnabled(not busy and self.ui.received_on.is_valid())
        self._busy = busy

    def _saved(self, change: Change, next_one: bool) -> None:
        self._set_busy(False)
        self.last_change = change
        self.next_requested = next_one
        self.saved.emit(change)
        self.accept()

    def _on_save_failed(self, exc: BaseException, details: str) -> None:
        self._set_busy(False)
        if isinstance(exc, TrackerError):
            self.ui.errors.show_error(exc)
        else:
            report_exception(exc, details)

    def _on_save_cancelled(self) -> None:
        self._set_busy(False)
        self.ui.errors.show_message(self.tr("已取消，未登记，文件也未归档"))

    def reject(self) -> None:
        if self._busy and self.archiving is not None and self.archiving.task is not None:
            self.archiving.task.cancel()  # the dialog stays until the copy has stopped
            return
        super().reject()

    def next_preset(self) -> RegisterPreset:
        """The next dialog keeps the requirement, date and channel; the unit is left open."""
        row = self.current_row()
        return RegisterPreset(
            requirement_id=row.requirement_id if row else None,
            received_on=self.ui.received_on.date_value(),
            channel=list(Channel)[self.ui.channel.currentIndex()],
        )

    def _query(self, unit_id: int) -> LedgerQuery:
        return LedgerQuery(as_of=today(), unit_ids=(unit_id,))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter while the unit popup is open picks a unit; it must not press the default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ui.unit.popup_visible():
            self.ui.unit.hide_popup()
            self.ui.unit.choose_best()
            return
        super().keyPressEvent(event)
