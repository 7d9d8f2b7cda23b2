"""The main window: side navigation over the six sections, menus, the status bar.

Extension points (see also ``tracker/ui/extensions.py``):

- ``menu(title)``: the 文件 / 登记 / 工具 / 帮助 menus (created on first request) for actions
  such as 备份、设置、关于.
- ``set_section_widget(key, widget)``: replace a section page; the forms engineer replaces
  ``"notices"`` and ``"units"`` (read-only lists until then). Keys: see ``SECTIONS``.
- ``ledger_page`` (the grid: ``add_action``, ``selected_obligation_ids`` …), ``dashboard``,
  ``show_section(key)``, ``ctx`` (services, change signal, as-of date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from tracker.ui.common.state import restore_splitter, restore_widget, save_splitter, save_widget
from tracker.ui.context import AppContext
from tracker.ui.statusbar import StatusBar

if TYPE_CHECKING:
    from tracker.ui.dashboard.page import DashboardPage
    from tracker.ui.ledger.filtering import LedgerFilter
    from tracker.ui.ledger.matrix import MatrixPage
    from tracker.ui.ledger.page import LedgerPage
    from tracker.ui.ledger.section import LedgerSection

SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "概览"),
    ("notices", "通知与报送事项"),
    ("ledger", "报送情况"),
    ("units", "单位名录"),
    ("reminders", "催报记录"),
    ("audit", "操作日志"),
)
STATE_KEY = "main_window"


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("报送督办台账"))
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.splitter = QSplitter()  # horizontal (not Qt.Orientation: `Qt` costs 14 ms)
        self._menus: dict[str, QMenu] = {}
        self._keys: list[str] = []
        self._painted = False
        self._build_pages()
        self._layout()
        for title in (self.tr("文件"), self.tr("查看")):  # titles now, actions after the paint
            self.menu(title)
        self.status = StatusBar(ctx)
        self.setStatusBar(self.status)
        self.menuBar().setEnabled(ctx.is_ready)
        ctx.ready.connect(self._on_ready)
        self._restore_state()
        self.installEventFilter(self)

    # -- construction --------------------------------------------------------------------
    def _build_pages(self) -> None:
        """Sections are built right after the first paint (``build_all_sections``, so the
        frame shows as fast as a bare window) or when first asked for, whichever comes first."""
        self._built: set[str] = set()
        for key, title in SECTIONS:
            self._keys.append(key)
            QListWidgetItem(self.tr(title), self.nav)
            self.stack.addWidget(QWidget())

    def _make_section(self, key: str) -> QWidget:
        if key == "overview":
            from tracker.ui.dashboard.page import DashboardPage

            dashboard = DashboardPage(self.ctx)
            dashboard.drillDown.connect(self.open_ledger)
            return dashboard
        if key == "ledger":
            from tracker.ui.ledger.section import LedgerSection

            section = LedgerSection(self.ctx)
            section.matrix.drillDown.connect(self.open_ledger)
            return section
        if key in ("notices", "units"):
            from tracker.ui import lists

            return lists.notices_page(self.ctx) if key == "notices" else lists.units_page(self.ctx)
        if key == "reminders":
            from tracker.ui.reminders import ReminderPage

            return ReminderPage(self.ctx)
        from tracker.ui.audit import AuditPage

        return AuditPage(self.ctx)

    def _ensure(self, key: str) -> QWidget:
        if key not in self._built:
            self._put(key, self._make_section(key))
        return self.stack.widget(self._keys.index(key))

    def _put(self, key: str, widget: QWidget) -> None:
        i = self._keys.index(key)
        old = self.stack.widget(i)
        current = self.stack.currentIndex()
        self.stack.insertWidget(i, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built.add(key)

    def build_all_sections(self) -> None:
        for key in self._keys:
            self._ensure(key)

    @property
    def dashboard(self) -> DashboardPage:
        return self._ensure("overview")  # type: ignore[return-value]

    @property
    def ledger_section(self) -> LedgerSection:
        return self._ensure("ledger")  # type: ignore[return-value]

    @property
    def ledger_page(self) -> LedgerPage:
        """The 报送情况 grid (``add_action``, ``selected_obligation_ids`` …)."""
        return self.ledger_section.grid

    @property
    def matrix_page(self) -> MatrixPage:
        return self.ledger_section.matrix

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
        self.setCentralWidget(self.splitter)
        self.nav.setCurrentRow(0)

    def _after_first_paint(self) -> None:
        """Work kept off the start-up path: the visible section and the 查看 menu's actions
        (creating shortcuts costs ~10 ms)."""
        self._ensure(self.current_section())
        self._build_menus()

    def _build_menus(self) -> None:
        view = self.menu(self.tr("查看"))
        for i, (key, title) in enumerate(SECTIONS):
            action = QAction(self.tr(title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            view.addAction(action)
        view.addSeparator()
        refresh = QAction(self.tr("刷新"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.ctx.snapshots.reload)
        view.addAction(refresh)
        self.refresh_action = refresh

    # -- extension points ----------------------------------------------------------------
    def menu(self, title: str) -> QMenu:
        """The menu titled ``title`` (文件、查看、登记、工具、帮助 …), created on first use."""
        if title not in self._menus:
            self._menus[title] = self.menuBar().addMenu(title)
        return self._menus[title]

    def section_keys(self) -> list[str]:
        return list(self._keys)

    def section_widget(self, key: str) -> QWidget:
        return self._ensure(key)

    def set_section_widget(self, key: str, widget: QWidget) -> None:
        self._put(key, widget)

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def current_section(self) -> str:
        return self._keys[self.nav.currentRow()]

    def open_ledger(self, f: LedgerFilter) -> None:
        """Show the grid filtered by ``f`` (the dashboard's and matrix's click-through)."""
        self.ledger_section.show_grid()
        self.show_section("ledger")
        self.ledger_page.apply_filter(f)

    # -- events --------------------------------------------------------------------------
    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            if self._painted:  # before the first paint, sections wait for build_all_sections
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
            # After this paint is flushed: build the section on show (usually 概览).
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _restore_state(self) -> None:
        if not restore_widget(STATE_KEY, self):
            self.resize(1280, 800)
        restore_splitter(STATE_KEY, self.splitter)

    def save_state(self) -> None:
        save_widget(STATE_KEY, self)
        save_splitter(STATE_KEY, self.splitter)
        for key in self._built:
            page = self.stack.widget(self._keys.index(key))
            saver = getattr(page, "save_state", None)
            if callable(saver):
                saver()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
