"""单位名录 ▸ a unit's history: how it did each year (figures, its place in its category) and
every obligation it had across notices and years (status, days late, reminders, the files
received — 打开文件 or a double-click opens a copy in the system's viewer — and the 通报 that
already named it)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.history import HistoryEntry, UnitHistory
from tracker.domain.ranking import percent
from tracker.ui.common.errors import show_error
from tracker.ui.common.file_opener import CopyJob, FileOpener
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.table import ROW_ROLE, RowTableModel, setup_table
from tracker.ui.common.worker import Task, run_task
from tracker.ui.ranking.models import HistoryModel, YearModel

if TYPE_CHECKING:
    from tracker.services.bundle import Services
    from tracker.ui.context import AppContext


def _table(parent: QWidget, model: RowTableModel) -> QTableView:  # type: ignore[type-arg]
    proxy = BulkProxyModel(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    setup_table(view, model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, view.horizontalHeader().sortIndicatorOrder())
    return view


class UnitHistoryDialog(FittedDialog):
    """Loads in a worker; ``history`` is set once it is shown."""

    def __init__(
        self, services: Services, unit_id: int, as_of: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.history: UnitHistory | None = None
        self.opener = FileOpener(self, services.discard_copy)
        self.opener.refused.connect(self._refused)
        self.setWindowTitle(self.tr("单位报送历史"))
        self.heading = QLabel(self.tr("正在读取…"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.years = YearModel(self)
        self.entries = HistoryModel(self)
        self.year_view = _table(self, self.years)
        self.entry_view = _table(self, self.entries)
        self.entry_view.horizontalHeader().setStretchLastSection(True)
        self.entry_view.doubleClicked.connect(self.open_files)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("打开文件"))
        self.open_button.setToolTip(
            self.tr("用系统中的程序打开所选事项收到的文件（打开的是副本，归档的原件不变）")
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda _=False: self.open_files())
        box.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.entry_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        split = QSplitter(Qt.Orientation.Vertical)
        for title, view in ((self.tr("各年情况"), self.year_view),
                            (self.tr("每项报送义务"), self.entry_view)):  # fmt: skip
            part = QWidget()
            layout = QVBoxLayout(part)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(title))
            layout.addWidget(view)
            split.addWidget(part)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(box)
        self._fit(parent)
        run_task(
            lambda _c: services.ranking.history(services.units.get(unit_id), as_of),
            on_done=self.show_history,
            on_error=self._failed,
            owner=self,
        )

    def _fit(self, parent: QWidget | None) -> None:
        """About 1100 × 680, never larger than the screen it opens on."""
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), min(680, screen.height() - 60))

    def show_history(self, history: UnitHistory) -> None:
        self.history = history
        unit = history.unit
        self.heading.setText(
            self.tr("%s（%s）截至%s的报送情况")
            % (unit.name, unit.category, format_cn(history.as_of))
        )
        self.years.set_rows(history.years)
        self.entries.set_rows(history.entries)
        if not history.entries:
            self.summary.setText(self.tr("该单位没有任何报送义务。"))
            return
        latest = history.years[0]
        f = latest.figures
        place = (
            self.tr("在%s中排第%d名（共%d家）") % (unit.category, latest.rank, latest.ranked)
            if latest.rank is not None
            else self.tr("尚无到期事项，未排名")
        )
        self.summary.setText(
            self.tr("共%d项报送义务。%d年：应报%d项，按时%d项，上报率%s，按时率%s，%s。")
            % (len(history.entries), latest.year, f.due, f.on_time, percent(f.rate),
               percent(f.on_time_rate), place)
        )  # fmt: skip

    def current_entry(self) -> HistoryEntry | None:
        index = self.entry_view.currentIndex()
        entry = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return entry if isinstance(entry, HistoryEntry) else None

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        self.open_button.setEnabled(entry is not None and bool(entry.files))

    def open_files(self, index: QModelIndex | None = None) -> Task | None:
        """Each file received for the chosen obligation, as a copy, in the program the system
        has for it: copied in a worker (see :mod:`tracker.ui.common.file_opener`); the task,
        None when there is nothing to open. ``opener.opened`` tells the paths handed over."""
        if index is not None and index.isValid():
            self.entry_view.setCurrentIndex(index)
        entry = self.current_entry()
        if entry is None or not entry.files:
            return None
        received_copy = self.services.ranking.received_copy
        return self.opener.open(
            [CopyJob(file.name, partial(received_copy, file)) for file in entry.files]
        )

    def _refused(self, text: str) -> None:
        show_error(self, TrackerError(text))

    def _failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, TrackerError):
            self.heading.setText(str(exc))
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)


def open_history(parent: QWidget, ctx: AppContext, unit_id: int) -> UnitHistoryDialog | None:
    """The unit's history as of the window's day, window-modal (kept open on ``parent``)."""
    if not ctx.is_ready:
        return None
    dialog = UnitHistoryDialog(ctx.services, unit_id, ctx.as_of, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
