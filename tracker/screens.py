"""Screenshots of every section, for review and the README.

    xvfb-run -a python -m tracker.screens OUTDIR [--workspace DIR] [--as-of 2023-06-28]

Without ``--workspace`` the demo is built in a temporary folder. Needs CJK fonts
(fonts-wqy-zenhei) to show Chinese instead of boxes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tracker.domain.status import NEEDS_ACTION
from tracker.ui.ledger.filtering import LedgerFilter

if TYPE_CHECKING:
    from tracker.services.bundle import Services
    from tracker.ui.main_window import MainWindow


def settle(app: QApplication, seconds: float = 0.3) -> None:
    from tracker.ui.common.worker import wait_all

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        wait_all(50)
        app.processEvents()


def shoot(widget: QWidget, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def open_window(
    app: QApplication, services: Services, label: str, as_of: date | None
) -> MainWindow:
    """The main window as the app builds it: painted, furnished, then the workspace attached."""
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    ctx = AppContext(label)
    if as_of is not None:
        ctx.set_as_of(as_of)
    window = build_main_window(ctx)
    window.setWindowState(Qt.WindowState.WindowNoState)  # this size, whatever the screen
    window.resize(1440, 900)
    window.show()
    settle(app, 0.2)
    window.furnish()
    ctx.attach(services)
    settle(app, 2.0)
    return window


def shoot_window(app: QApplication, window: MainWindow, out: Path) -> None:
    for key in window.section_keys():
        window.show_section(key)
        settle(app)
        shoot(window, out, f"section-{key}")
    window.open_ledger(LedgerFilter(statuses=frozenset(NEEDS_ACTION)))
    settle(app)
    shoot(window, out, "ledger-overdue")
    window.open_ledger(LedgerFilter(text="hp"))
    settle(app)
    shoot(window, out, "ledger-search-hp")
    window.show_section("ledger")
    window.ledger_section.show_matrix()
    settle(app)
    shoot(window, out, "ledger-matrix")


def run(out: Path, workspace: Path | None, as_of: date | None) -> None:
    from tracker.app import make_application
    from tracker.launch import Target, open_services
    from tracker.ui.dialogs.screens import shoot_forms
    from tracker.ui.help.screens import shoot_help
    from tracker.ui.ranking.screens import shoot_accountability
    from tracker.ui.welcome import WelcomePage

    app = make_application(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as settings_dir, tempfile.TemporaryDirectory() as temp:
        # First-run column widths, not the user's own; the demo in a temp folder by default.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        workspace = workspace or Path(temp) / "demo"
        services = open_services(Target(workspace, demo=True))
        window = open_window(app, services, str(workspace), as_of)
        shoot_window(app, window, out)
        shoot_forms(app, window, out, settle)
        shoot_help(app, window, out, settle)
        shoot_accountability(app, window, out, settle)
        welcome = WelcomePage(workspace)
        welcome.show()
        settle(app)
        shoot(welcome, out, "welcome")
        window.close()
        services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat)
    args = parser.parse_args(argv)
    run(args.out, args.workspace, args.as_of)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
