"""Composition root: ``python main.py [--demo] [--workspace DIR] [--db-url URL]``.

Start-up order keeps the window quick: parse arguments, create the QApplication, check for
a running instance of the same workspace, show the window, and only after its first paint
import SQLAlchemy, open the workspace (in a worker) and load the rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from tracker.chinese_argparse import ChineseParser
from tracker.launch import Target
from tracker.ui.common.errors import (
    install_excepthook,
    log,
    log_file,
    setup_logging,
    show_error,
)

if TYPE_CHECKING:
    from tracker.services.bundle import Services
    from tracker.ui.main_window import MainWindow
from tracker.ui.common.state import APPLICATION, ORGANIZATION, ui_settings
from tracker.ui.icon import app_icon, install_qt_chinese

LAST_KEY = "workspace/last"
BENCH_ENV = "TRACKER_BENCH_EXIT"  # "paint" or "loaded": print the time and quit (benchmarks)
_STARTED = time.perf_counter()
# Imported only after the first paint (or when first needed); checked by tests/ui/test_app.py.
HEAVY_MODULES = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "pypinyin", "pypdfium2", "jieba")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = ChineseParser(prog="tracker-gui", description="报送督办台账")
    parser.add_argument("--demo", action="store_true", help="打开示例台账（首次使用时生成）")
    parser.add_argument("--workspace", metavar="DIR", help="台账文件夹")
    parser.add_argument(
        "--db-url", metavar="URL", help="数据库地址（SQLAlchemy URL），如共用的 PostgreSQL"
    )
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="-",
        metavar="REPORT",
        help="自检：在临时台账中生成示例、催报函和 Excel 后退出（结果另写入 REPORT）",
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def initial_target(args: argparse.Namespace) -> Target | None:
    """The workspace to open, or None for the welcome page (first run)."""
    from tracker.services import locations as loc

    if args.demo:
        return Target(loc.demo_workspace_dir(), None, demo=True)
    url = loc.resolve_db_url(args.db_url)
    if args.workspace or os.environ.get("TRACKER_WORKSPACE", "").strip() or url:
        return Target(loc.resolve_workspace_dir(args.workspace), url)
    last = ui_settings().value(LAST_KEY)
    for folder in ([Path(str(last))] if last else []) + [loc.default_workspace_dir()]:
        if (folder / loc.DB_FILE).exists():
            return Target(folder)
    return None


class Launcher(QObject):
    """Owns the running window; one per process."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.window: MainWindow | None = None
        self._target: Target | None = None
        self.welcome = None
        self.server = None

    def show_welcome(self) -> None:
        from tracker.services.locations import default_workspace_dir
        from tracker.ui.welcome import WelcomePage

        self.welcome = WelcomePage(default_workspace_dir())
        self.welcome.chosen.connect(self._on_welcome_chosen)
        self.welcome.show()

    def _on_welcome_chosen(self, kind: str, path: str) -> None:
        from tracker.services.locations import demo_workspace_dir

        target = Target(demo_workspace_dir(), demo=True) if kind == "demo" else Target(Path(path))
        if self.start(target) and self.welcome is not None:
            self.welcome.close()

    def start(self, target: Target) -> bool:
        """Open ``target`` in a window; False (and quit) when another instance has it."""
        from tracker.ui.single_instance import ask_running_instance

        if ask_running_instance(target.key):
            log().info("台账已在另一个窗口中打开：%s", target.label)
            QTimer.singleShot(0, self.app.quit)
            return False
        self._show_window(target)
        return True

    def _claim(self, target: Target) -> bool:
        """Listen for later launches; False when a launch at the same moment got there first."""
        from tracker.ui.single_instance import InstanceServer

        self.server = InstanceServer(target.key, self)
        if not self.server.listen():
            log().info("台账已在另一个窗口中打开：%s", target.label)
            return False
        self.server.raiseRequested.connect(self.bring_forward)
        return True

    def _show_window(self, target: Target) -> None:
        from tracker.ui.composition import build_main_window
        from tracker.ui.context import AppContext

        ctx = AppContext(target.label)
        window = self.window = build_main_window(ctx)
        bench = _bench_hooks(window)

        def after_first_paint() -> None:
            if not self._claim(target):
                window.close()
                return
            setup_logging(target.folder / "logs")  # for a database URL: the local default folder
            self._open(target)  # in a worker, while the window furnishes itself (next event)

        if bench != "paint":  # measuring the first paint: nothing after it matters
            window.firstPainted.connect(lambda: QTimer.singleShot(0, after_first_paint))
        window.show()

    def _open(self, target: Target) -> None:
        from tracker.launch import open_services
        from tracker.ui.common.progress import run_with_progress

        assert self.window is not None
        self._target = target
        title = self.window.tr("示例台账") if target.demo else self.window.tr("打开台账")
        label = self.window.tr("正在打开台账…")
        dialog = run_with_progress(
            self.window,
            title,
            label,
            lambda c: open_services(target, c),
            on_done=lambda services: self._opened(target, services),
            on_error=self._open_failed,
        )
        dialog.setCancelButton(None)

    def _opened(self, target: Target, services: Services) -> None:
        assert self.window is not None
        if not target.demo and target.db_url is None:
            ui_settings().setValue(LAST_KEY, str(target.folder))
        self.window.ctx.attach(services)
        if not target.demo:  # a new workspace carries no office: ask for the clerk's own
            from tracker.ui.settings.office_dialog import offer_office_setup

            offer_office_setup(self.window, services)

    def _open_failed(self, exc: BaseException, details: str) -> None:
        log().error("无法打开台账\n%s", details)
        if self._offer_restore(exc):
            return
        show_error(self.window, exc, details)
        if self.window is not None:
            self.window.close()

    def _restore_failed(self, exc: BaseException, details: str) -> None:
        show_error(self.window, exc, details)
        if self.window is not None:
            self.window.close()

    def _offer_restore(self, exc: BaseException) -> bool:
        """A damaged database: offer the newest backup right here (the window's own restore
        menu needs an open workspace). Returns True when a restore was started."""
        from tracker.domain.errors import DatabaseDamagedError
        from tracker.launch import newest_backup, restore_backup

        target = self._target
        if not isinstance(exc, DatabaseDamagedError) or target is None or self.window is None:
            return False
        backup = newest_backup(target)
        if backup is None:
            return False
        from PySide6.QtWidgets import QMessageBox

        from tracker.ui.common.progress import run_with_progress

        answer = QMessageBox.question(
            self.window,
            self.window.tr("台账已损坏"),
            self.window.tr("{0}\n\n是否用最近的备份“{1}”恢复？损坏的文件会另存一份。").format(
                exc, backup.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        run_with_progress(
            self.window,
            self.window.tr("恢复台账"),
            self.window.tr("正在从备份恢复…"),
            lambda c: restore_backup(target, backup, c),
            on_done=lambda _summary: self._open(target),
            on_error=lambda e, d: (
                show_error(self.window, e, d),
                self.window and self.window.close(),
            ),
        )
        return True

    def bring_forward(self) -> None:
        if self.window is None:
            return
        from PySide6.QtCore import Qt

        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()


def _bench_hooks(window: MainWindow) -> str:
    """For tests/benchmarks: quit at first paint or once the rows are on screen."""
    mode = os.environ.get(BENCH_ENV, "")
    if not mode:
        return mode

    def done() -> None:
        heavy = [m for m in HEAVY_MODULES if m in sys.modules]
        print(f"{mode} {time.perf_counter() - _STARTED:.4f} heavy={','.join(heavy)}", flush=True)
        os._exit(0)  # at once: the measurement ends here

    if mode == "paint":
        window.firstPainted.connect(lambda: QTimer.singleShot(0, done))
    else:
        window.ctx.snapshots.loaded.connect(lambda _s: QTimer.singleShot(0, done))
    return mode


def make_application(argv: list[str]) -> QApplication:
    # High DPI: Qt 6 scales by the screen's factor with PassThrough rounding by default (no
    # blurry 125%/150% on Windows); the layouts use font metrics, not fixed pixels.
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(app_icon())
    install_qt_chinese(app)
    return app  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    """The window's error boundary: whatever escapes start-up or the event loop ends as one
    message (the traceback in the log) and a non-zero exit, never a bare traceback."""
    try:
        return _run(argv)
    except Exception as exc:
        return _failed_to_start(exc)


def _failed_to_start(exc: BaseException) -> int:
    from tracker.services.failures import known_failure
    from tracker.services.locations import user_data_dir

    if log_file() is None:
        setup_logging(user_data_dir() / "logs")
    log().error("程序出错，已退出", exc_info=exc)
    if QApplication.instance() is not None:
        show_error(None, exc)
    else:  # no window at all: say it on the console, in one line
        known = known_failure(exc)
        print(f"错误：{known or f'{type(exc).__name__}: {exc}'}", file=sys.stderr)
    return 1


def _run(argv: list[str] | None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = make_application(argv)
    if args.self_test:
        from tracker.selftest import run_self_test

        return run_self_test(app, args.self_test)
    install_excepthook()
    launcher = Launcher(app)
    target = initial_target(args)
    if target is None:
        from tracker.services.locations import user_data_dir

        setup_logging(user_data_dir() / "logs")
        launcher.show_welcome()
    elif not launcher.start(target):
        return 0
    code = app.exec()
    if launcher.window is not None and launcher.window.ctx.has_services:
        from tracker.ui.common.worker import wait_all

        wait_all(10_000)
        launcher.window.ctx.services.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
