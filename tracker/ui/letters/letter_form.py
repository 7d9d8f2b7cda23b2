"""The widgets of 生成催报函 (layout only; behaviour in letter_dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.clock import today
from tracker.domain.letters import CHINESE_NAMES, PLACEHOLDERS
from tracker.ui.common.dates import CnDateEdit
from tracker.ui.dialogs import fields
from tracker.ui.letters.preview import PagesView, close_buttons
from tracker.ui.letters.template_layout import arrange_template_editor


def date_edit() -> CnDateEdit:
    """The forms' date field: typed dates are taken as typed or refused in red."""
    return fields.date_edit(today())


class LetterForm:
    """Builds the dialog's widgets onto ``host`` and keeps references to them."""

    def __init__(self, host: QWidget) -> None:
        self.by_unit = QRadioButton("按单位（每个单位一封，列出其所欠全部材料）")
        self.by_category = QRadioButton("按类别（每类一封，附未报送单位名单）")
        self.by_unit.setChecked(True)
        self.mode = QButtonGroup(host)
        self.mode.addButton(self.by_unit)
        self.mode.addButton(self.by_category)
        self.as_of = date_edit()
        self.letter_date = date_edit()
        self.addressee = QLineEdit()
        self.addressee.setPlaceholderText("默认按类别，如“各区市场监管局”")
        self.template = QPlainTextEdit()
        self.template.setTabChangesFocus(True)
        self.placeholders = QListWidget()
        for key, meaning in PLACEHOLDERS.items():
            name = CHINESE_NAMES.get(key, key)
            item = QListWidgetItem(f"{{{name}}}  {meaning}")
            item.setToolTip(f"也可写作 {{{key}}}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(item)
        self.restore = QPushButton("恢复默认正文")
        self.save_default = QPushButton("保存为默认正文")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.preview = PagesView()
        self.buttons = close_buttons()
        self.preview_all = QPushButton("预览全部（不编号）…")
        self.issue = QPushButton("发出催报函…")
        self.issue.setDefault(True)
        self.buttons.addButton(self.preview_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.issue, QDialogButtonBox.ButtonRole.AcceptRole)
        self._arrange(host)

    def _arrange(self, host: QWidget) -> None:
        form = QFormLayout()
        form.addRow("发函方式", self._column(self.by_unit, self.by_category))
        form.addRow("统计截至", self.as_of)
        form.addRow("发函日期", self.letter_date)
        form.addRow("主送（按类别）", self.addressee)
        arrange_template_editor(
            host,
            form,
            "正文模板（双击下方占位符插入；单独一行的 {材料清单} 逐项成段）",
            (self.template, self.placeholders, self.restore, self.save_default,
             self.problem, self.summary),
            self.preview,
            self.buttons,
        )  # fmt: skip

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            layout.addWidget(w)
        return box
