"""The editor's requirements table: title, deadline (date picker), forms (check boxes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.forms import FORM_LABELS, FORM_ORDER, Form
from tracker.ui.common.dates import CnDateEdit, from_qdate, to_qdate
from tracker.ui.dialogs.fields import date_edit
from tracker.ui.notices.drafts import RequirementDraft
from tracker.ui.notices.edit_table import AnyIndex, DraftTable

COL_TITLE, COL_DEADLINE, COL_DAY = 0, 1, 2
COL_FORMS = 3  # four form columns follow, in FORM_ORDER
COL_UNITS = COL_FORMS + len(FORM_ORDER)
COL_NOTE = COL_UNITS + 1
HEADERS = (
    "报送事项",
    "报送时限",
    "提示",
    *(FORM_LABELS[f] for f in FORM_ORDER),
    "应报单位",
    "备注",
)
WARN = QColor("#b45309")


class RequirementsModel(DraftTable[RequirementDraft]):
    HEADERS = HEADERS

    def __init__(self, day_note: Callable[[date], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day_note = day_note

    def draft(self, row: int) -> RequirementDraft:
        return self._rows[row]

    def units_changed(self, row: int) -> None:
        index = self.index(row, COL_UNITS)
        self.dataChanged.emit(index, index)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        if col in (COL_TITLE, COL_DEADLINE, COL_NOTE):
            return base | Qt.ItemFlag.ItemIsEditable
        if COL_FORMS <= col < COL_UNITS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        r, col = self._rows[index.row()], index.column()
        if COL_FORMS <= col < COL_UNITS:
            if role == Qt.ItemDataRole.CheckStateRole:
                flag = FORM_ORDER[col - COL_FORMS]
                return Qt.CheckState.Checked if r.forms & flag else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.EditRole:
            edit = {COL_TITLE: r.title, COL_DEADLINE: to_qdate(r.deadline), COL_NOTE: r.note}
            return edit.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DAY:
            return QBrush(WARN)
        return None

    def _display(self, r: RequirementDraft, col: int) -> object:
        if col == COL_TITLE:
            return r.title
        if col == COL_DEADLINE:
            return format_cn(r.deadline)
        if col == COL_DAY:
            note = self._day_note(r.deadline)
            return f"⚠ {note}" if note else ""
        if col == COL_UNITS:
            return f"{len(r.unit_ids)}个"
        if col == COL_NOTE:
            return r.note
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.valid(index):
            return False
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and COL_FORMS <= col < COL_UNITS:
            flag = FORM_ORDER[col - COL_FORMS]
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            r.forms = (r.forms | flag) if checked else Form(r.forms & ~flag)
        elif role == Qt.ItemDataRole.EditRole and col == COL_TITLE:
            r.title = str(value)
        elif role == Qt.ItemDataRole.EditRole and col == COL_NOTE:
            r.note = str(value)
        elif role == Qt.ItemDataRole.EditRole and col == COL_DEADLINE and isinstance(value, QDate):
            r.deadline = from_qdate(value)
            day = self.index(index.row(), COL_DAY)
            self.dataChanged.emit(day, day)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class DateDelegate(QStyledItemDelegate):
    """Edits a QDate cell with the Chinese date field and its calendar popup. A typed date
    that is no date keeps the cell as it was and says so (``refused``), never another day."""

    refused = Signal(str)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        return date_edit(today(), parent)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, QDate):
            editor.setDate(value)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, CnDateEdit)
        if not editor.is_valid():
            self.refused.emit(
                f"第{index.row() + 1}个报送事项的时限未修改：{editor.problem() or '请填写日期'}"
            )
            return
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
