"""概览 page. Clicking a number (or a status total) opens the grid filtered to it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.overview import HORIZON_DAYS, Overview
from tracker.domain.status import STATUS_ORDER, Status
from tracker.domain.today import Board
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.state import restore_splitter, save_splitter
from tracker.ui.common.table import setup_table
from tracker.ui.context import AppContext
from tracker.ui.dashboard.models import (
    CategoryModel,
    DrillModel,
    ProgressModel,
    UpcomingModel,
)
from tracker.ui.dashboard.todo import TodoModel, UnitLightModel
from tracker.ui.dashboard.widgets import EmptyGuide, ProgressDelegate
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.snapshot_data import LedgerSnapshot
from tracker.ui.status_style import colour_names

STATE_KEY = "dashboard"


class DashboardPage(QWidget):
    """今日待办 (a click on 建议 does the step), the deadlines coming up, each item's progress in
    red / amber / green (归档 takes a closed notice out), overdue by category and by unit. An
    empty workspace says what to do first."""

    drillDown = Signal(object)  # LedgerFilter
    rowsPicked = Signal(object)  # frozenset of obligation ids, selected in the grid just opened
    stepRequested = Signal(object, object)  # Step, tuple of obligation ids
    nextStepRequested = Signal(str)  # "units" (导入单位名录) or "notices" (新建通知)
    archiveRequested = Signal(int, bool)  # notice id, archive (True) or take back (False)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self.board: Board = Board()
        self.heading = QLabel(self.tr("正在统计…"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.todo = TodoModel(self)
        self.upcoming = UpcomingModel(self)
        self.progress = ProgressModel(self)
        self.categories = CategoryModel(self)
        self.unit_lights = UnitLightModel(self)
        self.open_only = QCheckBox(self.tr("只看未办结的事项"))
        self.open_only.setChecked(True)
        self.open_only.setToolTip(self.tr("已归档的通知和已全部报齐的事项不列出"))
        self.views: dict[str, QTableView] = {}
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.upper = QSplitter(Qt.Orientation.Horizontal)
        self.lower_split = QSplitter(Qt.Orientation.Horizontal)
        self.pages = QStackedWidget()
        self.guide = EmptyGuide(self)
        self._layout()
        self.open_only.toggled.connect(self._fill_progress)
        self.guide.chosen.connect(self.nextStepRequested)
        ctx.snapshots.updated.connect(self.on_snapshot)
        if ctx.snapshots.current is not None:
            self.on_snapshot(ctx.snapshots.current)

    def _table(self, key: str, model: DrillModel[Any]) -> QTableView:
        view = QTableView()
        proxy = BulkProxyModel(view)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        setup_table(view, model)
        view.horizontalHeader().setStretchLastSection(False)
        view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        view.setMouseTracking(True)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.clicked.connect(lambda index, m=model, p=proxy: self._on_cell_clicked(m, p, index))
        self.views[key] = view
        return view

    def _group(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for w in widgets:
            layout.addWidget(w)
        return box

    def _layout(self) -> None:
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.linkActivated.connect(self._on_totals_link_activated)
        totals = QHBoxLayout()
        totals.addWidget(self.heading)
        totals.addWidget(self.totals, 1)
        self.no_todo = QLabel(self.tr("今天没有需要催报的单位。"))
        self.no_todo.setVisible(False)
        todo_view = self._table("todo", self.todo)
        todo_view.horizontalHeader().setSectionResizeMode(
            TodoModel.COL_WHAT, QHeaderView.ResizeMode.Stretch
        )
        self.upper.addWidget(self._group(self.tr("今日待办"), self.no_todo, todo_view))
        title = self.tr("近%d天内截止") % HORIZON_DAYS
        self.no_upcoming = QLabel(self.tr("这段时间没有截止的报送事项。"))
        self.no_upcoming.setVisible(False)
        upcoming = self._table("upcoming", self.upcoming)
        upcoming.horizontalHeader().setSectionResizeMode(
            UpcomingModel.COL_NOTICE, QHeaderView.ResizeMode.Stretch
        )
        upcoming.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 津市场…〔2026〕21号
        self.upper.addWidget(self._group(title, self.no_upcoming, upcoming))
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)
        progress_view = self._table("progress", self.progress)
        progress_view.setItemDelegateForColumn(
            ProgressModel.COL_PROGRESS, ProgressDelegate(progress_view)
        )
        progress_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        progress_view.customContextMenuRequested.connect(self._on_progress_menu)
        self.lower_split.addWidget(
            self._group(self.tr("各报送事项进度"), self.open_only, progress_view)
        )
        self.by_whom = QTabWidget()
        self.by_whom.addTab(self._table("categories", self.categories), self.tr("按类别"))
        self.by_whom.addTab(self._table("units", self.unit_lights), self.tr("按单位"))
        self.lower_split.addWidget(self._group(self.tr("逾期未报"), self.by_whom))
        self.lower_split.setStretchFactor(0, 3)
        self.lower_split.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("中")
        # At 1366 px: the progress bars in view, and 按单位 down to its 通报 column.
        self.lower_split.setSizes([em * 58, em * 28])
        # 今日待办's 事项与单位 and 近14天内截止's 通知 stretch: both tables fit at 1366 px.
        self.upper.setSizes([em * 40, em * 52])
        self.splitter.addWidget(self.upper)
        self.splitter.addWidget(self.lower_split)
        self.splitter.setStretchFactor(1, 2)
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.guide)
        box = QVBoxLayout(self)
        box.addLayout(totals)
        box.addWidget(self.pages, 1)
        restore_splitter(STATE_KEY, self.splitter)
        restore_splitter(STATE_KEY + "_lower", self.lower_split)
        restore_splitter(STATE_KEY + "_upper", self.upper)

    def on_snapshot(self, snapshot: LedgerSnapshot) -> None:
        ov = self.overview = snapshot.overview
        self.board = snapshot.board
        self.heading.setText(self.tr("截至%s") % format_cn(ov.as_of))
        links = []
        for status in STATUS_ORDER:
            colours = colour_names(status)
            colour = colours[0] if colours else "#1a5fb4"
            links.append(
                f'<a href="{status.value}" style="color:{colour}; text-decoration:none;">'
                f"<b>{status.label} {ov.totals[status]}</b></a>"
            )
        self.totals.setText("&nbsp;&nbsp;&nbsp; ".join(links))
        self.todo.set_rows(self.board.todo)
        self.no_todo.setVisible(not self.board.todo)
        self.upcoming.set_rows(ov.upcoming)
        self.no_upcoming.setVisible(not ov.upcoming)
        self.categories.set_rows(ov.categories)
        self.unit_lights.set_rows(self.board.units)
        self.progress.lights = self.board.requirement_lights
        self.progress.archived = self.board.archived
        self._fill_progress()
        self.guide.show_hint(self.board.hint)
        self.pages.setCurrentWidget(self.guide if self.board.hint else self.splitter)

    def _on_totals_link_activated(self, code: str) -> None:
        self.drillDown.emit(LedgerFilter(statuses=frozenset({Status(code)})))

    def _fill_progress(self) -> None:
        if self.overview is None:
            return
        items = self.overview.progress
        if self.open_only.isChecked():
            archived = self.board.archived
            items = tuple(p for p in items if p.tally.open and p.notice_id not in archived)
        self.progress.set_rows(items)

    def _on_cell_clicked(
        self, model: DrillModel[Any], proxy: BulkProxyModel, index: QModelIndex
    ) -> None:
        source = proxy.mapToSource(index)
        if model is self.todo and source.column() == TodoModel.COL_ACTION:
            step = self.todo.step_at(source.row())
            if step is not None:
                self.stepRequested.emit(*step)
            return
        f = model.drill(source.row(), source.column())
        if f is not None:
            self.drillDown.emit(f)
            picked = model.drill_selection(source.row(), source.column())
            if picked:
                self.rowsPicked.emit(picked)

    def _on_progress_menu(self, pos: QPoint) -> None:
        view = self.views["progress"]
        proxy = view.model()
        assert isinstance(proxy, BulkProxyModel)
        index = view.indexAt(pos)
        if not index.isValid():
            return
        item = self.progress.row_at(proxy.mapToSource(index).row())
        menu = QMenu(self)
        label = item.doc_number or item.notice_title
        if item.notice_id in self.board.archived:
            action = menu.addAction(self.tr("取消归档：%s") % label)
            action.triggered.connect(lambda: self.archiveRequested.emit(item.notice_id, False))
        else:
            action = menu.addAction(self.tr("归档此通知：%s") % label)
            action.setToolTip(self.tr("办结的通知归档后，不再列入“只看未办结的事项”和今日待办"))
            action.triggered.connect(lambda: self.archiveRequested.emit(item.notice_id, True))
        menu.exec(view.viewport().mapToGlobal(pos))

    def save_state(self) -> None:
        save_splitter(STATE_KEY, self.splitter)
        save_splitter(STATE_KEY + "_lower", self.lower_split)
        save_splitter(STATE_KEY + "_upper", self.upper)
