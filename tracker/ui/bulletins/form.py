"""The widgets of 生成通报 (layout only; behaviour in dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tracker.domain.bulletin import PLACEHOLDERS
from tracker.ui.common.dates import CnDateEdit
from tracker.ui.letters.preview import PagesView, close_buttons
from tracker.ui.letters.template_layout import arrange_template_editor


class BulletinForm:
    """Builds the dialog's widgets onto ``host`` and keeps references to them."""

    def __init__(self, host: QWidget) -> None:
        tr = host.tr
        self.notice = QComboBox()
        self.notice.setMinimumContentsLength(20)
        self.notice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.year = QComboBox()
        self.as_of = CnDateEdit()
        self.bulletin_date = CnDateEdit()
        self.number = QLabel()
        self.own_number = QCheckBox(tr("指定序号"))
        self.sequence = QSpinBox()
        self.sequence.setRange(1, 9999)
        self.sequence.setEnabled(False)
        self.addressee = QLineEdit()
        self.addressee.setPlaceholderText(
            tr("默认按报送单位的类别，如“各区市场监管局，市有关委办局”")
        )
        self.queued = QLabel()
        self.queued.setWordWrap(True)
        self.template = QPlainTextEdit()
        self.template.setTabChangesFocus(True)
        self.placeholders = QListWidget()
        for zh, meaning in PLACEHOLDERS.values():
            item = QListWidgetItem(f"{{{zh}}}  {meaning}")
            item.setData(Qt.ItemDataRole.UserRole, zh)
            self.placeholders.addItem(item)
        self.restore = QPushButton(tr("恢复默认正文"))
        self.save_default = QPushButton(tr("保存为默认正文"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.preview = PagesView()
        self.buttons = close_buttons()
        self.issue = QPushButton(tr("印发通报…"))
        self.issue.setDefault(True)
        self.buttons.addButton(self.issue, QDialogButtonBox.ButtonRole.AcceptRole)
        self._arrange(host)

    def _arrange(self, host: QWidget) -> None:
        tr = host.tr
        number = QHBoxLayout()
        number.addWidget(self.number, 1)
        number.addWidget(self.own_number)
        number.addWidget(self.sequence)
        dates = QHBoxLayout()
        dates.addWidget(self.as_of)
        dates.addWidget(QLabel(tr("成文日期")))
        dates.addWidget(self.bulletin_date)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("通知"), self.notice)
        form.addRow(tr("年度"), self.year)
        form.addRow(tr("统计截至"), dates)
        form.addRow(tr("发文字号"), number)
        form.addRow(tr("主送"), self.addressee)
        arrange_template_editor(
            host,
            form,
            tr("正文模板（双击下方占位符插入；占位符为空的一行不印出）"),
            (self.template, self.placeholders, self.restore, self.save_default,
             self.problem, self.summary),
            self.preview,
            self.buttons,
            above=(self.queued,),
            sizes=(540, 620),
        )  # fmt: skip
