"""The main window's frame: side navigation over the sections, the menus, the status bar.

What goes into it is decided in one place, :func:`tracker.ui.composition.build_main_window`:
the sections, the menu titles and ``furnish`` (which builds and places every action). The frame
paints first; right after its first paint (or when a caller asks: ``furnish()``) the sections
are built and the actions placed, so the window shows as fast as a bare one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.ui.common.screen_fit import fit_main_window
from tracker.ui.common.state import restore_splitter, restore_widget, save_splitter, save_widget
from tracker.ui.context import AppContext
from tracker.ui.statusbar import StatusBar

if TYPE_CHECKING:
    from tracker.ui.composition import Features
    from tracker.ui.dashboard.page import DashboardPage
    from tracker.ui.ledger.filtering import LedgerFilter
    from tracker.ui.ledger.matrix import MatrixPage
    from tracker.ui.ledger.page import LedgerPage
    from tracker.ui.ledger.section import LedgerSection
    from tracker.ui.notices.page import NoticesPage
    from tracker.ui.units.page import UnitsPage

STATE_KEY = "main_window"
W = TypeVar("W", bound=QWidget)


class Section(NamedTuple):
    """A page of the side navigation: ``build(window)`` makes its widget (after the paint)."""

    key: str
    title: str
    build: Callable[[MainWindow], QWidget]


@runtime_checkable
class RemembersState(Protocol):
    """A page with column widths or splitters to keep: saved when the window closes."""

    def save_state(self) -> None: ...


class PastDayBanner(QLabel):
    """正在回看2023年11月23日的台账 — whenever the window shows a day other than today, so a
    replayed past is never taken for the present. Its link goes back to today."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("pastDayBanner")
        palette = self.palette()  # a palette, not a style sheet: start-up speed
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff4e0"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#7a4b00"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setMargin(6)
        self.linkActivated.connect(lambda _link: ctx.set_as_of(today()))
        ctx.asOfChanged.connect(self.show_day)
        self.show_day(ctx.as_of)

    def show_day(self, day: date) -> None:
        now = today()
        if day == now:
            self.hide()
            return
        verb = "正在回看" if day < now else "正在预览"
        self.setText(
            self.tr('%s%s的台账（统计截至这一天）　<a href="today">回到今天</a>')
            % (verb, format_cn(day))
        )
        self.show()


class MainWindow(QMainWindow):
    firstPainted = Signal()
    furnished = Signal()

    def __init__(
        self,
        ctx: AppContext,
        sections: Sequence[Section],
        menus: Sequence[str],
        furnish: Callable[[MainWindow], Features],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("报送督办台账"))
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.past_day = PastDayBanner(ctx)
        self.splitter = QSplitter()  # horizontal (not Qt.Orientation: `Qt` costs 14 ms)
        self._sections = {s.key: s for s in sections}
        self._keys = [s.key for s in sections]
        self._built: set[str] = set()
        self._menus: dict[str, QMenu] = {}
        self._furnish = furnish
        self._features: Features | None = None
        self._painted = False
        self.refresh_action: QAction | None = None  # 查看 ▸ 刷新, once furnished
        for section in sections:  # placeholders: each page is built after the first paint
            QListWidgetItem(self.tr(section.title), self.nav)
            self.stack.addWidget(QWidget())
        self._layout()
        for title in menus:  # titles now, their actions in furnish()
            self.menu(self.tr(title))
        self.status = StatusBar(ctx)
        self.setStatusBar(self.status)
        self.menuBar().setEnabled(ctx.is_ready)
        ctx.ready.connect(self._on_ready)
        self._restore_state()
        self.installEventFilter(self)

    # -- construction --------------------------------------------------------------------
    def _layout(self) -> None:
        self.nav.setObjectName("sectionNav")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setSpacing(max(2, self.nav.fontMetrics().height() // 4))  # no style sheet: fast
        em = self.nav.fontMetrics().horizontalAdvance("中")
        self.nav.setMinimumWidth(em * 8)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([em * 9, em * 80])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.past_day)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)

    def furnish(self) -> Features:
        """Build every section (the visible one first) and the actions; once only."""
        if self._features is None:
            self._ensure(self.current_section())
            for key in self._keys:
                self._ensure(key)
            self._build_view_menu()
            self._features = self._furnish(self)
            self.furnished.emit()
        return self._features

    @property
    def features(self) -> Features:
        """The actions of each area (menus, grid), typed; built by ``furnish()``."""
        return self.furnish()

    def _ensure(self, key: str) -> QWidget:
        i = self._keys.index(key)
        if key not in self._built:
            page = self._sections[key].build(self)
            self._built.add(key)
            old = self.stack.widget(i)
            current = self.stack.currentIndex()
            self.stack.insertWidget(i, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.setCurrentIndex(current)
        built = self.stack.widget(i)
        assert built is not None
        return built

    def _build_view_menu(self) -> None:
        """查看: a shortcut to each section (Ctrl+1 …), then 刷新 (F5: every page reloads)."""
        view = self.menu(self.tr("查看"))
        for i, key in enumerate(self._keys):
            action = QAction(self.tr(self._sections[key].title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            view.addAction(action)
        view.addSeparator()
        refresh = QAction(self.tr("刷新"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.ctx.changes.announce_everything)
        view.addAction(refresh)
        self.refresh_action = refresh

    # -- sections ------------------------------------------------------------------------
    def menu(self, title: str) -> QMenu:
        """The menu titled ``title``; one not among the composition's titles goes last."""
        if title not in self._menus:
            self._menus[title] = self.menuBar().addMenu(title)
        return self._menus[title]

    def section_keys(self) -> list[str]:
        return list(self._keys)

    def section_widget(self, key: str) -> QWidget:
        return self._ensure(key)

    def section(self, key: str, kind: type[W]) -> W:
        """The page of section ``key``, checked to be a ``kind``."""
        page = self._ensure(key)
        if not isinstance(page, kind):
            raise TypeError(f"section {key!r} is a {type(page).__name__}, not {kind.__name__}")
        return page

    @property
    def dashboard(self) -> DashboardPage:
        from tracker.ui.dashboard.page import DashboardPage

        return self.section("overview", DashboardPage)

    @property
    def notices_page(self) -> NoticesPage:
        from tracker.ui.notices.page import NoticesPage

        return self.section("notices", NoticesPage)

    @property
    def ledger_section(self) -> LedgerSection:
        from tracker.ui.ledger.section import LedgerSection

        return self.section("ledger", LedgerSection)

    @property
    def ledger_page(self) -> LedgerPage:
        """The 报送情况 grid (``add_action``, ``selected_obligation_ids`` …)."""
        return self.ledger_section.grid

    @property
    def matrix_page(self) -> MatrixPage:
        return self.ledger_section.matrix

    @property
    def units_page(self) -> UnitsPage:
        from tracker.ui.units.page import UnitsPage

        return self.section("units", UnitsPage)

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def current_section(self) -> str:
        return self._keys[self.nav.currentRow()]

    def open_ledger(self, f: LedgerFilter) -> None:
        """Show the grid filtered by ``f`` (the dashboard's and matrix's click-through)."""
        self.ledger_section.show_grid()
        self.show_section("ledger")
        self.ledger_page.apply_filter(f)

    def select_in_ledger(self, obligation_ids: frozenset[int]) -> None:
        """Select those rows of the grid just opened, the first in view."""
        self.ledger_page.select_obligations(set(obligation_ids))
        self.ledger_page.scroll_to_selection()

    # -- events --------------------------------------------------------------------------
    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            if self._painted:  # before the first paint, sections wait for furnish()
                self._ensure(self._keys[row])
            self.stack.setCurrentIndex(row)

    def _on_ready(self) -> None:
        self.menuBar().setEnabled(True)
        self.setWindowTitle(self.tr("报送督办台账 — %s") % self.ctx.workspace_label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            self.firstPainted.emit()
            # After this paint is flushed (and after what firstPainted's slots queued).
            QTimer.singleShot(0, self.furnish)
        return super().eventFilter(watched, event)

    def _restore_state(self) -> None:
        """Size and maximised state as last closed, brought onto this screen; fitted to the
        screen on a first start (maximised on a small one)."""
        fit_main_window(self, restored=restore_widget(STATE_KEY, self))
        restore_splitter(STATE_KEY, self.splitter)

    def save_state(self) -> None:
        save_widget(STATE_KEY, self)
        save_splitter(STATE_KEY, self.splitter)
        for key in self._built:
            page = self.stack.widget(self._keys.index(key))
            if isinstance(page, RemembersState):
                page.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
        if event.isAccepted():
            self.ctx.close()
