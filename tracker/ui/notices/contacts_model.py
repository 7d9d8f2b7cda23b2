"""The notice's contact people (联系人、电话、邮箱), edited in a small table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from tracker.domain.records import Contact
from tracker.ui.notices.edit_table import AnyIndex, DraftTable

FIELDS = ("name", "phone", "email")


class ContactsModel(DraftTable[Contact]):
    HEADERS = ("联系人", "电话", "邮箱")

    def add_contact(self) -> int:
        return self.append(Contact())

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self._rows[index.row()], FIELDS[index.column()])
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.valid(index):
            return False
        row = index.row()
        self._rows[row] = replace(self._rows[row], **{FIELDS[index.column()]: str(value).strip()})
        self.dataChanged.emit(index, index)
        return True
