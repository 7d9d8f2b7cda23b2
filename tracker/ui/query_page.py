"""A page listing what a service query returns, with a filter row; reloaded in a worker on
filter changes and on the change notices that touch its ``topics``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import Changes, Topic
from tracker.ui.common.dates import OptionalDateEdit
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.state import restore_header, save_header
from tracker.ui.common.table import RowTableModel, setup_table
from tracker.ui.common.worker import run_task
from tracker.ui.context import AppContext

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class QueryPage(QWidget):
    """Subclasses fill ``filters`` (a row layout), and implement ``query()`` and
    ``fetch(services, query)``; call ``schedule()`` when a filter changes. ``topics``: the
    change notices that can alter the rows (every write is in the 操作日志)."""

    state_key = ""
    topics = Topic.EVERYTHING

    def __init__(self, ctx: AppContext, model: RowTableModel[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.proxy = BulkProxyModel(self)
        self.proxy.setSourceModel(model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        setup_table(self.view, model)
        self.view.horizontalHeader().setSortIndicator(
            -1, self.view.horizontalHeader().sortIndicatorOrder()
        )
        self.view.setSortingEnabled(True)
        self.count_label = QLabel()
        self.filters = QHBoxLayout()
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.filters)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.count_label)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        if self.state_key:
            restore_header(self.state_key, self.view.horizontalHeader())
        ctx.ready.connect(self.reload)
        ctx.changes.changed.connect(self.on_changes)
        if ctx.is_ready:  # once the subclass has built its filters
            QTimer.singleShot(0, self.reload)

    def add_standard_filters(self, kind_label: str, kind: QComboBox, placeholder: str) -> None:
        """从 [date] 至 [date] ``kind_label`` [kind] [search…]: each change reloads shortly."""
        self.since = OptionalDateEdit()
        self.until = OptionalDateEdit()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(placeholder)
        for label, widget in ((self.tr("从"), self.since), (self.tr("至"), self.until)):
            self.filters.addWidget(QLabel(label))
            self.filters.addWidget(widget)
        self.filters.addWidget(QLabel(kind_label))
        self.filters.addWidget(kind)
        self.filters.addWidget(self.search, 1)
        self.since.dateValueChanged.connect(self.schedule)
        self.until.dateValueChanged.connect(self.schedule)
        kind.currentIndexChanged.connect(self.schedule)
        self.search.textChanged.connect(self.schedule)

    def query(self) -> Any:
        raise NotImplementedError

    def fetch(self, services: Services, query: Any) -> list[Any]:
        raise NotImplementedError

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(self.topics):
            self.schedule()

    def schedule(self, *_args: object) -> None:
        """Reload shortly (typing in a search box does not query on every key)."""
        self._timer.start()

    def reload(self) -> None:
        if not self.ctx.is_ready:
            return
        self._generation += 1
        generation, services, query = self._generation, self.ctx.services, self.query()
        run_task(
            lambda _c: self.fetch(services, query),
            on_done=lambda rows: self._show(generation, rows),
            owner=self,  # an error after the window closed goes to the log only
        )

    def _show(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return  # an older query answered late
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 %d 条") % len(rows))
        self.loaded(rows)

    def loaded(self, rows: list[Any]) -> None:
        """Hook for subclasses after rows are shown."""

    def save_state(self) -> None:
        if self.state_key:
            save_header(self.state_key, self.view.horizontalHeader())
