"""The widgets of the 登记报送 dialog, laid out; behaviour lives in ``register.py``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from tracker.domain.clock import today
from tracker.domain.forms import FORM_LABELS, FORM_ORDER
from tracker.domain.records import Channel, UnitRecord
from tracker.ui.dialogs.fields import MessageStrip, date_edit, with_hint
from tracker.ui.dialogs.file_drop import FileDropList
from tracker.ui.dialogs.unit_picker import UnitLineEdit


class RegisterLayout:
    def __init__(self, dialog: QDialog, units: Sequence[UnitRecord]) -> None:
        tr = dialog.tr
        dialog.setWindowTitle(tr("登记报送"))
        dialog.setMinimumWidth(660)
        self.unit = UnitLineEdit(units, dialog)
        self.requirement = QComboBox(dialog)
        self.requirement.setMinimumContentsLength(30)
        self.summary = QLabel(dialog)
        self.summary.setStyleSheet("color:#555;")
        self.summary.setWordWrap(True)
        self.form_boxes = [QCheckBox(FORM_LABELS[f], dialog) for f in FORM_ORDER]
        self.received_on = date_edit(today(), dialog)
        self.received_today = QPushButton(tr("今天"), dialog)
        self.received_today.setToolTip(tr("收到日期改为今天"))
        self.kept_date = QLabel(tr("沿用上一张的收到日期"), dialog)
        self.kept_date.setStyleSheet("color:#7a4b00;")
        self.channel = QComboBox(dialog)
        self.channel.addItems([c.value for c in Channel])
        self.note = QLineEdit(dialog)
        self.note.setPlaceholderText(tr("例如：纸质版由某某送达"))
        self.files = FileDropList(dialog)
        self.files.setMaximumHeight(90)
        self.add_files = QPushButton(tr("添加文件…"), dialog)
        self.remove_files = QPushButton(tr("移除"), dialog)
        self.errors = MessageStrip("error", dialog)
        self.previous = MessageStrip("info", dialog)
        self.save_next = QPushButton(tr("保存并登记下一个"), dialog)
        self.save_next.setToolTip(tr("Enter：保存，并打开下一张登记单"))
        self.save_close = QPushButton(tr("保存并关闭"), dialog)
        self.cancel = QPushButton(tr("取消"), dialog)
        buttons = (self.add_files, self.remove_files, self.received_today, self.save_close)
        for button in (*buttons, self.cancel):
            button.setAutoDefault(False)
        self.save_next.setDefault(True)
        self._arrange(dialog)

    def _arrange(self, dialog: QDialog) -> None:
        tr = dialog.tr
        form = QFormLayout()
        form.addRow(tr("单位(&U)"), self.unit)
        form.addRow(tr("报送事项(&R)"), self.requirement)
        form.addRow("", self.summary)
        boxes = QHBoxLayout()
        for box in self.form_boxes:
            boxes.addWidget(box)
        boxes.addStretch(1)
        form.addRow(tr("收到材料"), boxes)
        self.received_row = with_hint(self.received_on, self.received_today, self.kept_date)
        form.addRow(tr("收到日期(&D)"), self.received_row)
        form.addRow(tr("报送方式"), self.channel)
        form.addRow(tr("备注(&N)"), self.note)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_files)
        file_buttons.addWidget(self.remove_files)
        file_buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        files.addLayout(file_buttons)
        form.addRow(tr("文件（可拖入）"), files)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_next, self.save_close, self.cancel):
            buttons.addWidget(button)
        outer = QVBoxLayout(dialog)
        outer.addWidget(self.previous)
        outer.addLayout(form)
        outer.addWidget(self.errors)
        outer.addLayout(buttons)
