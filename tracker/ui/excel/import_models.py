"""Table models of the old-ledger import wizard: the column mapping (editable) and the preview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.forms import FORM_ORDER, Form, format_forms
from tracker.domain.ledger_map import EXEMPT, REGISTER, ColumnMap, PlannedEntry
from tracker.ui.common.table import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
Choice = tuple[str, Any]  # (text shown, value stored)
ALL_FORMS_TEXT = "按事项要求"
COL_LETTER, COL_HEADER, COL_SAMPLES, COL_REQUIREMENT, COL_FORMS = range(5)


@dataclass(frozen=True, slots=True)
class MappingRow:
    column: int
    letter: str
    header: str
    samples: str
    requirement_id: int | None = None
    forms: Form = Form.NONE


def forms_text(row: MappingRow) -> str:
    return format_forms(row.forms) or ALL_FORMS_TEXT


class MappingModel(RowTableModel[MappingRow]):
    """One row per column of the old ledger; 报送事项 and 标记表示 are chosen in place."""

    def __init__(self, requirements: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requirement_choices: list[Choice] = [("（不导入）", None), *requirements]
        self._names = {value: text for text, value in self.requirement_choices}
        self.columns = (
            Column("列", lambda r: r.letter, width_chars=2),
            Column("表头", lambda r: r.header, width_chars=10),
            Column("示例内容", lambda r: r.samples, width_chars=12),
            Column("对应报送事项", lambda r: self._names.get(r.requirement_id, ""), width_chars=22),
            Column(
                "一个标记表示", lambda r: format_forms(r.forms) or ALL_FORMS_TEXT, width_chars=8
            ),
        )

    def requirement_text(self, row: MappingRow) -> str:
        return str(self._names.get(row.requirement_id, ""))

    def form_choices(self, row: MappingRow) -> list[Choice]:
        choices = [(ALL_FORMS_TEXT, Form.NONE)] + [(format_forms(f), f) for f in FORM_ORDER]
        if row.forms and row.forms not in FORM_ORDER:  # a combination read from the header
            choices.append((format_forms(row.forms), row.forms))
        return choices

    def choices(self, index: Index) -> list[Choice]:
        row = self.row_at(index.row())
        if index.column() == COL_REQUIREMENT:
            return self.requirement_choices
        return self.form_choices(row)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in (COL_REQUIREMENT, COL_FORMS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (COL_REQUIREMENT, COL_FORMS):
            return False
        r = index.row()
        row = self._rows[r]
        field = "requirement_id" if index.column() == COL_REQUIREMENT else "forms"
        self._rows[r] = replace(row, **{field: value})
        self._texts[r] = None  # recomputed on next paint
        self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
        return True

    def cell_data(self, row: MappingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == COL_REQUIREMENT:
            return row.requirement_id
        if role == Qt.ItemDataRole.EditRole and column == COL_FORMS:
            return row.forms
        if role == Qt.ItemDataRole.ForegroundRole and row.requirement_id is None:
            return QBrush(QColor("#808080"))
        return None

    def column_maps(self) -> tuple[ColumnMap, ...]:
        return tuple(
            ColumnMap(r.column, r.requirement_id, r.forms)
            for r in self._rows
            if r.requirement_id is not None
        )


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the model's ``choices(index)``; stores the chosen value (EditRole)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        model = index.model()
        assert isinstance(model, MappingModel)
        for text, value in model.choices(index):
            box.addItem(text, value)
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            if editor.itemData(i) == current:
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


_ACTION_COLOURS = {REGISTER: QColor("#006100"), EXEMPT: QColor("#595959")}


class PreviewModel(RowTableModel[PlannedEntry]):
    """What the import will do, one line per non-empty cell."""

    columns = (
        Column("单元格", lambda e: e.cell, width_chars=3),
        Column("单位", lambda e: e.unit, width_chars=12),
        Column("报送事项", lambda e: e.requirement, width_chars=16),
        Column("处理", lambda e: e.action, width_chars=3),
        Column("材料", lambda e: format_forms(e.forms), width_chars=7),
        Column("收到日期", lambda e: format_cn(e.day), sample="2023年12月28日"),
        Column("原台账内容", lambda e: e.text, width_chars=7),
        Column("说明", lambda e: e.note, width_chars=12),
    )

    def cell_data(self, row: PlannedEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_ACTION_COLOURS.get(row.action, QColor("#808080")))
        return None
