"""The office's particulars and letter defaults, one field per ``OfficeSettings`` attribute.

Fields a later version adds to ``OfficeSettings`` but not to this form are kept as they are:
the form edits a copy of the stored settings, never a fresh default.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.letters import CHINESE_NAMES, PLACEHOLDERS
from tracker.domain.office import DEFAULT_LETTER_BODY, DEFAULT_LETTER_BODY_GROUP, OfficeSettings

OFFICE_FIELDS: tuple[tuple[str, str], ...] = (
    ("sender_name", "本单位名称"),
    ("short_name", "自称"),
    ("office_name", "处室"),
    ("signer", "落款"),
    ("contact_person", "联系人"),
    ("contact_phone", "联系电话"),
    ("contact_email", "电子邮箱"),
    ("postal_address", "通讯地址"),
    ("letter_prefix", "函号前缀"),
)
# What each field holds, shown greyed in an empty field (the demo's office as the example).
OFFICE_HINTS: dict[str, str] = {
    "sender_name": "发文机关，如“天津市市场监督管理委员会”",
    "short_name": "正文中的自称，如“我委”“我局”",
    "office_name": "承办处室，如“标准化处”",
    "signer": "留空则与本单位名称相同",
    "contact_person": "催报函上的联系人",
    "contact_phone": "如“27182054”",
    "contact_email": "收电子版的邮箱",
    "postal_address": "纸质版的送达地址",
    "letter_prefix": "如“津市场监管标准函”",
}
# The two letter bodies: (OfficeSettings field, tab label, default text).
BODIES: tuple[tuple[str, str, str], ...] = (
    ("letter_body", "致单位", DEFAULT_LETTER_BODY),
    ("letter_body_group", "致类别（附未报送单位名单）", DEFAULT_LETTER_BODY_GROUP),
)


class OfficeTab(QWidget):
    """办公室信息 and 催报函 defaults."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: dict[str, QLineEdit] = {name: QLineEdit(self) for name, _ in OFFICE_FIELDS}
        for name, hint in OFFICE_HINTS.items():
            self.lines[name].setPlaceholderText(self.tr(hint))
        self.workdays = QSpinBox(self)
        self.workdays.setRange(1, 60)
        self.workdays.setSuffix(self.tr(" 个工作日"))
        self.workdays.setToolTip(self.tr("催报函和延期的新时限：自发函之日起顺延的工作日数"))
        self.has_seal = QCheckBox(self.tr("催报函加盖公章"), self)
        self.duplex = QCheckBox(
            self.tr("双面打印（每封函补足偶数页，下一封不印在上一封的背面）"), self
        )
        self.bodies = QTabWidget(self)
        self.body_edits: dict[str, QPlainTextEdit] = {}
        for name, label, _default in BODIES:
            edit = QPlainTextEdit(self)
            edit.setMinimumHeight(120)
            self.body_edits[name] = edit
            self.bodies.addTab(edit, self.tr(label))
        self.letter_body = self.body_edits["letter_body"]
        self.letter_closing = QLineEdit(self)
        self.reset_body = QPushButton(self.tr("恢复默认正文"), self)
        self.reset_body.setAutoDefault(False)
        self.reset_body.setToolTip(self.tr("把当前这一页的正文恢复为默认文字"))
        self.reset_body.clicked.connect(self.on_reset_body_clicked)
        self._arrange()
        self._base = OfficeSettings()

    def _arrange(self) -> None:
        form = QFormLayout()
        for name, label in OFFICE_FIELDS:
            form.addRow(self.tr(label), self.lines[name])
        form.addRow(self.tr("新时限"), self.workdays)
        form.addRow("", self.has_seal)
        form.addRow("", self.duplex)
        form.addRow(self.tr("催报函正文"), self.bodies)
        names = " ".join(f"{{{CHINESE_NAMES.get(key, key)}}}" for key in PLACEHOLDERS)
        hint = self.placeholder_hint = QLabel(self.tr("可用占位符（悬停查看说明）：") + names, self)
        hint.setToolTip(
            "\n".join(
                f"{{{CHINESE_NAMES.get(key, key)}}}（或 {{{key}}}）：{text}"
                for key, text in PLACEHOLDERS.items()
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666;")
        form.addRow("", hint)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_body)
        reset_row.addStretch(1)
        form.addRow("", reset_row)
        form.addRow(self.tr("结束语"), self.letter_closing)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, settings: OfficeSettings) -> None:
        self._base = settings
        for name, edit in self.lines.items():
            edit.setText(str(getattr(settings, name)))
        self.workdays.setValue(settings.reminder_workdays)
        self.has_seal.setChecked(settings.letter_has_seal)
        self.duplex.setChecked(settings.letter_duplex)
        for name, body in self.body_edits.items():
            body.setPlainText(getattr(settings, name))
        self.letter_closing.setText(settings.letter_closing)

    def settings(self) -> OfficeSettings:
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self.lines.items()}
        values["reminder_workdays"] = self.workdays.value()
        values["letter_has_seal"] = self.has_seal.isChecked()
        values["letter_duplex"] = self.duplex.isChecked()
        for name, edit in self.body_edits.items():
            values[name] = edit.toPlainText().strip()
        values["letter_closing"] = self.letter_closing.text().strip()
        return replace(self._base, **values)

    def on_reset_body_clicked(self) -> None:
        name, _label, default = BODIES[self.bodies.currentIndex()]
        self.body_edits[name].setPlainText(default)
