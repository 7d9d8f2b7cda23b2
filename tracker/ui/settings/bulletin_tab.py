"""设置 ▸ 通报: the 上报情况通报's 发文字号 prefix, 发文机关标志, 版记 and default body."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.bulletin import DEFAULT_BULLETIN_BODY, placeholder_hint
from tracker.domain.office import OfficeSettings

# (OfficeSettings field, label, hint shown greyed in an empty field)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("bulletin_prefix", "发文字号前缀", "如“津市场监管标准”（文号为 津市场监管标准〔2023〕20号）"),
    ("bulletin_masthead", "发文机关标志", "留空则为本单位名称加“文件”"),
    ("bulletin_printer", "印发机关", "版记中的印发机关；留空则为本单位名称加“办公室”"),
    ("bulletin_copy_to", "抄送", "版记中的抄送机关；留空则不印抄送"),
)


class BulletinTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = {name: QLineEdit(self) for name, _label, _tip in FIELDS}
        for name, _label, tip in FIELDS:
            self.lines[name].setPlaceholderText(self.tr(tip))
        self.body = QPlainTextEdit(self)
        self.body.setMinimumHeight(160)
        self.reset_body = QPushButton(self.tr("恢复默认正文"), self)
        self.reset_body.setAutoDefault(False)
        self.reset_body.clicked.connect(lambda: self.body.setPlainText(DEFAULT_BULLETIN_BODY))
        hint = QLabel(self.tr("可用占位符（悬停查看说明）；占位符为空的一行不印出"), self)
        hint.setToolTip(placeholder_hint())
        hint.setStyleSheet("color:#666;")
        form = QFormLayout()
        for name, label, _tip in FIELDS:
            form.addRow(self.tr(label), self.lines[name])
        form.addRow(self.tr("通报正文"), self.body)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.reset_body)
        form.addRow("", row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, settings: OfficeSettings) -> None:
        for name, edit in self.lines.items():
            edit.setText(str(getattr(settings, name)))
        self.body.setPlainText(settings.bulletin_body)

    def applied(self, settings: OfficeSettings) -> OfficeSettings:
        """``settings`` with this tab's fields."""
        values: dict[str, Any] = {name: e.text().strip() for name, e in self.lines.items()}
        values["bulletin_body"] = self.body.toPlainText().strip() or DEFAULT_BULLETIN_BODY
        return replace(settings, **values)
