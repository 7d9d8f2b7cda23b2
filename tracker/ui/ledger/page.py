"""报送情况 · 明细: the ledger grid with filters, search, multi-select and extension actions.

Extension points for the other UI engineers (use these; do not reach into the widgets):

- ``add_action(action, toolbar=True, context_menu=True, needs_selection=True)`` puts a
  ``QAction`` on the grid's toolbar and/or right-click menu; with ``needs_selection`` it is
  enabled only while rows are selected. Read the selection in its slot with
  ``selected_obligation_ids()`` / ``selected_rows()``; ``visible_rows()`` is what the filters
  show (e.g. for 导出).
- ``obligationActivated(int)``: double-click or Enter on a row (e.g. open 登记报送).
- ``set_file_drop_handler(fn(obligation_id, [Path]))``: files dropped onto a row.
- ``apply_filter(LedgerFilter)`` / ``current_filter()``; ``selectionChanged``.
- A new column: add it to ``ledger/model.py``; ``Column(hidden=True)`` when the default columns
  would no longer fit a 1366 px screen (``tests/ui/test_window_screens.py`` checks); the clerk
  shows it from 显示列 or the header's right-click menu.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolBar, QVBoxLayout, QWidget

from tracker.domain.records import ObligationRow
from tracker.ui.common.columns import ColumnChooser
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.state import restore_header, save_header
from tracker.ui.common.table import setup_table
from tracker.ui.context import AppContext
from tracker.ui.ledger.filter_bar import LedgerFilterBar
from tracker.ui.ledger.filtering import LedgerFilter, LedgerIndex
from tracker.ui.ledger.model import (
    COL_SUGGESTION,
    LedgerTableModel,
)
from tracker.ui.ledger.view import LedgerTableView
from tracker.ui.snapshot_data import LedgerSnapshot

STATE_KEY = "ledger_grid"


class LedgerPage(QWidget):
    selectionChanged = Signal()
    obligationActivated = Signal(int)
    suggestionActivated = Signal(int)  # double-click or Enter on a row's 建议: do that step

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = LedgerTableModel(self)
        self.proxy = BulkProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.index = LedgerIndex([], {})
        self.filter_bar = LedgerFilterBar()
        self.toolbar = QToolBar(self.tr("报送情况操作"))
        self.count_label = QLabel()
        self.view = LedgerTableView()
        self.view.setModel(self.proxy)
        self.view.obligation_at = self._obligation_at
        setup_table(self.view, self.model)
        self.columns = ColumnChooser(self.view, self.model)
        self._own_menu_actions: list[QAction] = []
        self._selection_actions: list[QAction] = []
        self._menu_actions: list[QAction] = []
        self._layout()
        self._connect()
        self._add_own_actions()
        self._restore_state()
        ctx.snapshots.loaded.connect(self.on_snapshot)
        ctx.snapshots.patched.connect(self.on_rows_patched)
        if ctx.snapshots.current is not None:
            self.on_snapshot(ctx.snapshots.current)

    def _layout(self) -> None:
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addSeparator()
        actions = QHBoxLayout()
        actions.addWidget(self.toolbar, 1)
        self.columns_button = self.columns.button(self)
        actions.addWidget(self.columns_button)
        box = QVBoxLayout(self)
        box.addWidget(self.filter_bar)
        box.addLayout(actions)
        box.addWidget(self.view, 1)

    def _connect(self) -> None:
        self.columns.changed.connect(self.save_state)  # at once: a crash keeps the choice
        self.filter_bar.filterChanged.connect(self.refilter)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.proxy.modelReset.connect(self._on_selection_changed)
        # ``activated`` alone: Qt emits it for a double-click (and Enter) besides
        # ``doubleClicked``; listening to both opened two 登记报送 dialogs per double-click.
        self.view.activated.connect(self._on_view_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)

    def _add_own_actions(self) -> None:
        copy = QAction(self.tr("复制所选"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_selection)
        self.view.addAction(copy)
        self._own_menu_actions.append(copy)
        self._selection_actions.append(copy)

    # -- extension points ----------------------------------------------------------------
    def add_action(
        self,
        action: QAction,
        *,
        toolbar: bool = True,
        context_menu: bool = True,
        needs_selection: bool = True,
    ) -> None:
        """Offer ``action`` on the grid; see the module docstring."""
        if toolbar:
            self.toolbar.addAction(action)
        if context_menu:
            self._menu_actions.append(action)
        if needs_selection:
            self._selection_actions.append(action)
            action.setEnabled(bool(self.view.selectionModel().hasSelection()))

    def set_file_drop_handler(self, handler: Callable[[int, list[Path]], None] | None) -> None:
        self.view.set_drop_handler(handler)

    def selected_rows(self) -> list[ObligationRow]:
        return [self.model.row_at(r) for r in self._selected_source_rows()]

    def _selected_source_rows(self) -> list[int]:
        """From the selection's ranges, not per-index calls: instant even for 100k rows."""
        proxy_rows: set[int] = set()
        selection = self.view.selectionModel().selection()
        for i in range(selection.count()):
            span = selection.at(i)
            proxy_rows.update(range(span.top(), span.bottom() + 1))
        source_row = self.proxy.source_row
        return sorted(source_row(r) for r in proxy_rows)

    def selected_obligation_ids(self) -> list[int]:
        return [r.obligation_id for r in self.selected_rows()]

    def visible_rows(self) -> list[ObligationRow]:
        return [self.model.row_at(r) for r in self.proxy.source_rows()]

    def current_filter(self) -> LedgerFilter:
        return self.filter_bar.value()

    def apply_filter(self, f: LedgerFilter) -> None:
        self.filter_bar.set_value(f)
        self.refilter()

    # -- data ----------------------------------------------------------------------------
    def on_snapshot(self, snapshot: LedgerSnapshot) -> None:
        keep = set(self.selected_obligation_ids())
        self.model.set_rows(snapshot.rows, snapshot.suggestions)
        self.index = LedgerIndex(snapshot.rows, snapshot.unit_blobs)
        self.filter_bar.set_options(snapshot.notices, snapshot.categories)
        self.refilter()
        if keep:
            self.select_obligations(keep)

    def on_rows_patched(self, snapshot: LedgerSnapshot, changed: dict[int, ObligationRow]) -> None:
        """A few rows changed (a registration, 免报, 延期, 催报): update them in place; the
        rows shown change only when one left or joined the filter."""
        self.model.suggestions = snapshot.suggestions  # their 建议 moved with them
        self.model.replace_rows(changed)
        self.index.update(changed)
        accepted, counts = self.index.apply(self.filter_bar.value())
        self.filter_bar.set_counts(counts)
        if accepted != self.proxy.accepted():
            keep = set(self.selected_obligation_ids())
            self.proxy.set_accepted(accepted, resort=True)
            if keep:
                self.select_obligations(keep)
        else:
            self.proxy.resort()
        self._show_count()

    def refilter(self) -> None:
        accepted, counts = self.index.apply(self.filter_bar.value())
        self.proxy.set_accepted(accepted)
        self.filter_bar.set_counts(counts)
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count_label.setText(
            self.tr("共 %d 条") % total
            if shown == total
            else self.tr("显示 %d / %d 条") % (shown, total)
        )

    def select_obligations(self, obligation_ids: set[int]) -> None:
        """Select the rows of ``obligation_ids`` (kept across reloads), as row ranges."""
        rows = self.model.rows
        hits = [
            i
            for i, src in enumerate(self.proxy.source_rows())
            if rows[src].obligation_id in obligation_ids
        ]
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for first, final in _runs(hits):
            selection.select(self.proxy.index(first, 0), self.proxy.index(final, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().select(selection, flags)

    def scroll_to_selection(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.view.scrollTo(min(rows, key=lambda i: i.row()))

    # -- slots ---------------------------------------------------------------------------
    def _obligation_at(self, proxy_row: int) -> int | None:
        src = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.obligation_id(src.row()) if src.isValid() else None

    def _on_selection_changed(self, *_args: object) -> None:
        has = self.view.selectionModel().hasSelection()
        for action in self._selection_actions:
            action.setEnabled(has)
        self.selectionChanged.emit()

    def _on_view_activated(self, index: QModelIndex) -> None:
        oid = self._obligation_at(index.row())
        if oid is None:
            return
        suggested = self.model.suggestions.get(oid)
        if index.column() == COL_SUGGESTION and suggested and suggested.step.is_action:
            self.suggestionActivated.emit(oid)
        else:
            self.obligationActivated.emit(oid)

    def current_obligation_id(self) -> int | None:
        """The row with the keyboard focus (else the only one selected)."""
        current = self.view.currentIndex()
        if current.isValid():
            return self._obligation_at(current.row())
        ids = self.selected_obligation_ids()
        return ids[0] if len(ids) == 1 else None

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (*self._menu_actions, *self._own_menu_actions):
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def copy_selection(self) -> None:
        """Selected rows as tab-separated text (pastes into Excel), with the header."""
        cols = range(self.model.columnCount())
        lines = ["\t".join(str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in cols)]
        for src in self._selected_source_rows():
            lines.append("\t".join(self.model.index(src, c).data() or "" for c in cols))
        QGuiApplication.clipboard().setText("\n".join(lines))

    # -- remembered state ----------------------------------------------------------------
    def _restore_state(self) -> None:
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        restore_header(STATE_KEY, header)
        self.view.setSortingEnabled(True)

    def save_state(self) -> None:
        save_header(STATE_KEY, self.view.horizontalHeader())


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs
