"""A table model over a list of frozen rows, described by columns; and a table view setup.

Subclasses declare ``COL_*`` constants and ``columns``; ``set_rows(rows)`` replaces the data.
Display texts are computed once per row on first paint, so scrolling 100,000 rows costs only
what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
TOOLTIP_ONLY = frozenset({Qt.ItemDataRole.ToolTipRole})
COLOUR_ROLES = frozenset(
    {
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
    }
)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    width_chars: float = 8  # a sensible first width, in CJK character widths
    sample: str = ""  # or the width of this text, when wider (e.g. "2023年12月28日")
    hidden: bool = False  # hidden until the clerk shows it (ColumnChooser): the default fits


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are frozen records; columns say how each cell reads and sorts."""

    columns: Sequence[Column[R]] = ()
    # Roles ``cell_data`` may answer; any other role is None without calling it (speed).
    # None: every role goes to ``cell_data``.
    extra_roles: frozenset[int] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._texts: list[tuple[str, ...] | None] = []

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def replace_rows(self, changed: Mapping[int, R]) -> None:
        """New versions of the rows at these row numbers (the same records, changed): their
        cells change in place, without a reset, so selection and scrolling stay."""
        for r, row in changed.items():
            self._rows[r] = row
            self._texts[r] = None
        if changed:  # one signal for the span: views repaint only what they show anyway
            top, bottom = min(changed), max(changed)
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(self.columns) - 1))

    @property
    def rows(self) -> list[R]:
        return self._rows

    def row_at(self, row: int) -> R:
        return self._rows[row]

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            # Titles are Chinese source strings, translated per model class (Qt's tr()).
            return QCoreApplication.translate(type(self).__name__, self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.value(index.row(), index.column(), role)

    def value(self, r: int, c: int, role: int) -> Any:
        """``data()`` by row and column: the proxy calls this directly (one Python call per
        cell and role instead of three, which is what keeps 100k-row repaints quick)."""
        if role == _DISPLAY:
            texts = self._texts[r]
            if texts is None:
                row = self._rows[r]
                texts = self._texts[r] = tuple(col.text(row) for col in self.columns)
            return texts[c]
        if role == _ALIGN:
            return self.columns[c].align
        if role == ROW_ROLE:
            return self._rows[r]
        extra = self.extra_roles
        if extra is not None and role not in extra:
            return None
        value = self.cell_data(self._rows[r], c, role)
        if value is None and role == _TOOLTIP:
            text = self.value(r, c, _DISPLAY)  # a cut-off cell can still be read in full
            return text if len(text) > 8 else None
        return value

    def cell_data(self, row: R, column: int, role: int) -> Any:
        """Colours, tooltips, fonts… for subclasses; None by default."""
        return None

    def sort_keys(self, column: int) -> list[Any]:
        """One key per row for sorting by ``column`` (used by :class:`BulkProxyModel`)."""
        col = self.columns[column]
        key = col.sort_key or col.text
        return [key(row) for row in self._rows]


def setup_table(view: QTableView, model: RowTableModel[Any] | None = None) -> None:
    """Fixed row heights (fast at 100k rows), row selection, widths from ``width_chars``."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    vh = view.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(int(view.fontMetrics().height() * 1.7))
    vh.setVisible(False)
    hh = view.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setStretchLastSection(True)
    hh.setSectionsMovable(True)
    if model is not None:
        set_default_widths(view, model)
        for i, col in enumerate(model.columns):
            view.setColumnHidden(i, col.hidden)


DATE_SAMPLE = "2023年12月28日"


def set_default_widths(
    view: QTableView, model: RowTableModel[Any], only: Sequence[int] | None = None
) -> None:
    """Each column's first width (of ``only`` these), from ``width_chars`` and ``sample``."""
    fm = view.fontMetrics()
    em = fm.horizontalAdvance("中")
    for i, col in enumerate(model.columns):
        if only is None or i in only:
            width = max(em * col.width_chars, fm.horizontalAdvance(col.sample))
            view.setColumnWidth(i, int(width + em * 1.2))
