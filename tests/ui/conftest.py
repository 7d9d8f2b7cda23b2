"""UI fixtures: remembered window state in a temp folder, a demo workspace, the main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker.services.bundle import Services
from tracker.ui.common.worker import wait_all

_DEMO_TEMPLATE: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def _ui_settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """QSettings (window geometry, column widths, last workspace) go to a fresh folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    wait_all()


@pytest.fixture
def demo_dir(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo workspace (built once per test session, as of 2023-12-01)."""
    if "demo" not in _DEMO_TEMPLATE:
        from tracker.launch import build_demo_workspace

        template = tmp_path_factory.mktemp("demo-template") / "示例 台账"
        build_demo_workspace(template)
        _DEMO_TEMPLATE["demo"] = template
    target = tmp_path / "示例 台账"
    shutil.copytree(_DEMO_TEMPLATE["demo"], target)
    return target


@pytest.fixture
def demo_services(demo_dir: Path) -> Iterator[Services]:
    with Services.open(demo_dir) as sv:
        yield sv


def open_main_window(qtbot, services: Services):  # type: ignore[no-untyped-def]
    """The real window as the app builds it (``build_main_window``), furnished, on
    ``services``, its rows loaded."""
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext

    ctx = AppContext(str(services.ws.root))
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.furnish()
    with qtbot.waitSignal(ctx.snapshots.loaded, timeout=20_000):
        ctx.attach(services)
    return window


def ready_context(services: Services):  # type: ignore[no-untyped-def]
    """An AppContext with ``services`` attached, for a page tested on its own."""
    from tracker.ui.context import AppContext

    ctx = AppContext(str(services.ws.root))
    ctx.attach(services)
    return ctx


@pytest.fixture
def main_window(qtbot, demo_services: Services):  # type: ignore[no-untyped-def]
    """The real main window on the demo workspace, rows loaded."""
    window = open_main_window(qtbot, demo_services)
    yield window
    window.close()
    wait_all()
