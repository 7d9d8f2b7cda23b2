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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.statusbar import StatusBar

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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._menus: dict[str, QMenu] = {}
        self._keys: list[str] = []
        self._painted = False
        self._build_pages()
        self._layout()
        self._build_menus()
        self.status = StatusBar(ctx)
        self.setStatusBar(self.status)
        self.menuBar().setEnabled(ctx.is_ready)
        ctx.ready.connect(self._on_ready)
        self._restore_state()
        self.installEventFilter(self)

    # -- construction --------------------------------------------------------------------
    def _build_pages(self) -> None:
        from tracker.ui.audit import AuditPage
        from tracker.ui.dashboard.page import DashboardPage
        from tracker.ui.ledger.section import LedgerSection
        from tracker.ui.lists import notices_page, units_page
        from tracker.ui.reminders import ReminderPage

        self.dashboard = DashboardPage(self.ctx)
        self.ledger_section = LedgerSection(self.ctx)
        self.ledger_page = self.ledger_section.grid
        self.matrix_page = self.ledger_section.matrix
        pages: dict[str, QWidget] = {
            "overview": self.dashboard,
            "notices": notices_page(self.ctx),
            "ledger": self.ledger_section,
            "units": units_page(self.ctx),
            "reminders": ReminderPage(self.ctx),
            "audit": AuditPage(self.ctx),
        }
        for key, title in SECTIONS:
            self._keys.append(key)
            QListWidgetItem(self.tr(title), self.nav)
            self.stack.addWidget(pages[key])
        self.dashboard.drillDown.connect(self.open_ledger)
        self.matrix_page.drillDown.connect(self.open_ledger)

    def _layout(self) -> None:
        self.nav.setObjectName("sectionNav")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet("QListWidget#sectionNav::item { padding: 6px 10px; }")
        em = self.nav.fontMetrics().horizontalAdvance("中")
        self.nav.setMinimumWidth(em * 8)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([em * 9, em * 80])
        self.setCentralWidget(self.splitter)
        self.nav.setCurrentRow(0)

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
        return self.stack.widget(self._keys.index(key))

    def set_section_widget(self, key: str, widget: QWidget) -> None:
        i = self._keys.index(key)
        old = self.stack.widget(i)
        current = self.stack.currentIndex()
        self.stack.insertWidget(i, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)

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
    def _on_ready(self) -> None:
        self.menuBar().setEnabled(True)
        self.setWindowTitle(self.tr("报送督办台账 — %s") % self.ctx.workspace_label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            self.firstPainted.emit()
        return super().eventFilter(watched, event)

    def _restore_state(self) -> None:
        if not restore_widget(STATE_KEY, self):
            self.resize(1280, 800)
        restore_splitter(STATE_KEY, self.splitter)

    def save_state(self) -> None:
        save_widget(STATE_KEY, self)
        save_splitter(STATE_KEY, self.splitter)
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            saver = getattr(page, "save_state", None)
            if callable(saver):
                saver()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
