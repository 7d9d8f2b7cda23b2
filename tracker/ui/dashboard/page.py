"""概览 page. Clicking a number (or a status total) opens the grid filtered to it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.overview import HORIZON_DAYS, Overview
from tracker.domain.status import STATUS_ORDER, Status
from tracker.domain.tally import format_rate
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.state import restore_splitter, save_splitter
from tracker.ui.common.table import setup_table
from tracker.ui.context import AppContext
from tracker.ui.dashboard.models import (
    PROGRESS_ROLE,
    CategoryModel,
    DrillModel,
    ProgressModel,
    UpcomingModel,
)
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.snapshot_data import LedgerSnapshot
from tracker.ui.status_style import colour_names

STATE_KEY = "dashboard"


class ProgressDelegate(QStyledItemDelegate):
    """Draws the ratio in ``PROGRESS_ROLE`` as a progress bar with its percentage."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        ratio = index.data(PROGRESS_ROLE)
        if ratio is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        text = format_rate(float(ratio))  # as the workbook and the lists print it
        text_width = option.fontMetrics.horizontalAdvance("100.0%") + 8
        bar = QRect(
            rect.left() + 6,
            rect.top() + rect.height() // 3,
            max(rect.width() - text_width - 12, 10),
            max(rect.height() // 3, 4),
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e4e4e4"))
        painter.drawRoundedRect(bar, 3, 3)
        done = QRect(bar)
        done.setWidth(round(bar.width() * min(max(float(ratio), 0.0), 1.0)))
        painter.setBrush(QColor("#3f9a4a"))
        painter.drawRoundedRect(done, 3, 3)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            QRect(bar.right() + 6, rect.top(), text_width, rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.restore()


class DashboardPage(QWidget):
    drillDown = Signal(object)  # LedgerFilter

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self.heading = QLabel(self.tr("正在统计…"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.upcoming = UpcomingModel(self)
        self.progress = ProgressModel(self)
        self.categories = CategoryModel(self)
        self.open_only = QCheckBox(self.tr("只看未办结的事项"))
        self.open_only.setChecked(True)
        self.views: dict[str, QTableView] = {}
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.lower_split = QSplitter(Qt.Orientation.Horizontal)
        self._layout()
        self.open_only.toggled.connect(self._fill_progress)
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
        progress_view = self._table("progress", self.progress)
        progress_view.setItemDelegateForColumn(
            ProgressModel.COL_PROGRESS, ProgressDelegate(progress_view)
        )
        self.lower_split.addWidget(
            self._group(self.tr("各报送事项进度"), self.open_only, progress_view)
        )
        self.lower_split.addWidget(
            self._group(
                self.tr("逾期未报（按单位类别）"), self._table("categories", self.categories)
            )
        )
        self.lower_split.setStretchFactor(0, 3)
        self.lower_split.setStretchFactor(1, 1)
        title = self.tr("近%d天内截止") % HORIZON_DAYS
        self.no_upcoming = QLabel(self.tr("这段时间没有截止的报送事项。"))
        self.no_upcoming.setVisible(False)
        upcoming = self._table("upcoming", self.upcoming)
        self.splitter.addWidget(self._group(title, self.no_upcoming, upcoming))
        self.splitter.addWidget(self.lower_split)
        self.splitter.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addLayout(totals)
        box.addWidget(self.splitter, 1)
        restore_splitter(STATE_KEY, self.splitter)
        restore_splitter(STATE_KEY + "_lower", self.lower_split)

    def on_snapshot(self, snapshot: LedgerSnapshot) -> None:
        ov = self.overview = snapshot.overview
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
        self.upcoming.set_rows(ov.upcoming)
        self.no_upcoming.setVisible(not ov.upcoming)
        self.categories.set_rows(ov.categories)
        self._fill_progress()

    def _on_totals_link_activated(self, code: str) -> None:
        self.drillDown.emit(LedgerFilter(statuses=frozenset({Status(code)})))

    def _fill_progress(self) -> None:
        if self.overview is None:
            return
        items = self.overview.progress
        if self.open_only.isChecked():
            items = tuple(p for p in items if p.tally.open)
        self.progress.set_rows(items)

    def _on_cell_clicked(
        self, model: DrillModel[Any], proxy: BulkProxyModel, index: QModelIndex
    ) -> None:
        source = proxy.mapToSource(index)
        f = model.drill(source.row(), source.column())
        if f is not None:
            self.drillDown.emit(f)

    def save_state(self) -> None:
        save_splitter(STATE_KEY, self.splitter)
        save_splitter(STATE_KEY + "_lower", self.lower_split)
