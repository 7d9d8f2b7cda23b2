"""The widgets of the notice editor, laid out; behaviour lives in ``editor.py``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from tracker.domain.records import UnitRecord
from tracker.ui.dialogs.fields import MessageStrip, optional_date_edit, with_hint
from tracker.ui.notices.audience import AudienceWidget
from tracker.ui.notices.contacts_model import ContactsModel
from tracker.ui.notices.requirements_model import (
    COL_DEADLINE,
    COL_TITLE,
    DateDelegate,
    RequirementsModel,
)


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        b.setAutoDefault(False)
        row.addWidget(b)
    row.addStretch(1)
    return row


class EditorLayout:
    def __init__(
        self,
        dialog: QDialog,
        requirements: RequirementsModel,
        units: Sequence[UnitRecord],
        categories: Sequence[str],
    ) -> None:
        tr = dialog.tr
        dialog.resize(1180, 780)
        self.doc_number = QLineEdit(dialog)
        self.doc_number.setPlaceholderText("津市场监管标准〔2024〕1号")
        self.title = QLineEdit(dialog)
        self.issuer = QLineEdit(dialog)
        self.issued_on = optional_date_edit(tr("未填写"), dialog)
        self.theme = QLineEdit(dialog)
        self.body_note = QPlainTextEdit(dialog)
        self.body_note.setPlaceholderText(tr("报送要求摘要，例如：正式（加盖公章）报送政务邮箱"))
        self.body_note.setMaximumHeight(64)
        self.contacts_model = ContactsModel(dialog)
        self.contacts = QTableView(dialog)
        self.contacts.setModel(self.contacts_model)
        self.add_contact = QPushButton(tr("添加联系人"), dialog)
        self.remove_contact = QPushButton(tr("删除联系人"), dialog)
        self.requirements = QTableView(dialog)
        self.requirements.setModel(requirements)
        self.deadline_delegate = DateDelegate(dialog)
        self.requirements.setItemDelegateForColumn(COL_DEADLINE, self.deadline_delegate)
        self.add_requirement = QPushButton(tr("添加报送事项"), dialog)
        self.remove_requirement = QPushButton(tr("删除报送事项"), dialog)
        self.audience = AudienceWidget(units, categories, dialog)
        self.warnings = MessageStrip("warning", dialog)
        self.errors = MessageStrip("error", dialog)
        self.save = QPushButton(tr("保存"), dialog)
        self.cancel = QPushButton(tr("取消"), dialog)
        self._style_tables()
        self._arrange(dialog)

    def _style_tables(self) -> None:
        for view in (self.contacts, self.requirements):
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.verticalHeader().hide()
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.setMaximumHeight(120)
        header = self.requirements.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.requirements.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def _arrange(self, dialog: QDialog) -> None:
        tr = dialog.tr
        fields = QFormLayout()
        fields.addRow(tr("文号(&D)"), self.doc_number)
        fields.addRow(tr("标题(&T)"), self.title)
        fields.addRow(tr("发文单位"), self.issuer)
        fields.addRow(tr("发文日期"), with_hint(self.issued_on))
        fields.addRow(tr("主题"), self.theme)
        fields.addRow(tr("报送要求"), self.body_note)
        contacts = QVBoxLayout()
        contacts.addWidget(self.contacts)
        contacts.addLayout(_buttons(self.add_contact, self.remove_contact))
        top = QHBoxLayout()
        top.addLayout(fields, 3)
        box = QGroupBox(tr("联系人"), dialog)
        box.setLayout(contacts)
        top.addWidget(box, 2)
        reqs = QGroupBox(tr("报送事项（双击修改名称和时限，勾选报送形式）"), dialog)
        reqs_layout = QVBoxLayout(reqs)
        reqs_layout.addWidget(self.requirements)
        reqs_layout.addLayout(_buttons(self.add_requirement, self.remove_requirement))
        who = QGroupBox(tr("所选事项的报送单位"), dialog)
        QVBoxLayout(who).addWidget(self.audience)
        split = QSplitter(Qt.Orientation.Horizontal, dialog)
        split.addWidget(reqs)
        split.addWidget(who)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 480])
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save)
        bottom.addWidget(self.cancel)
        self.cancel.setAutoDefault(False)
        self.save.setAutoDefault(False)
        outer = QVBoxLayout(dialog)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        outer.addWidget(self.warnings)
        outer.addWidget(self.errors)
        outer.addLayout(bottom)
