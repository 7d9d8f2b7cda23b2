"""An error reported after its window closed reaches the log, never a modal dialog; and no
test can wait on an error dialog (tests/error_reports.py records them instead).

Before: a landing hung 20 minutes in a QMessageBox opened during pytest-qt's teardown by a
query that a closed window's timer started on services already closed."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from shiboken6 import delete

from tests.error_reports import ErrorReports
from tests.ui.conftest import open_main_window
from tracker.domain.errors import TrackerError
from tracker.services.bundle import Services
from tracker.ui.common import errors
from tracker.ui.common.worker import run_task, wait_all


def _fails_when(release: threading.Event) -> Any:
    def work(_control: object) -> None:
        release.wait(5)
        raise TrackerError("无法打开台账数据库文件")

    return work


def test_an_error_reported_in_a_test_is_recorded_not_shown(
    qtbot: Any, error_reports: ErrorReports
) -> None:
    errors.report_exception(RuntimeError("坏了"))  # before: ErrorDialog.exec(), nobody clicks
    errors.show_error(None, TrackerError("磁盘已满"))
    assert [str(e) for e in error_reports.take()] == ["坏了", "磁盘已满"]


def test_a_worker_error_while_its_window_is_open_is_reported(
    qtbot: Any, error_reports: ErrorReports
) -> None:
    shown, never_shown = QWidget(), QWidget()  # a page under test is often never shown
    for widget in (shown, never_shown):
        qtbot.addWidget(widget)
    shown.show()
    for owner in (shown, never_shown, None):
        release = threading.Event()
        release.set()
        task = run_task(_fails_when(release), owner=owner)
        qtbot.waitUntil(lambda t=task: not t.running)
    assert len(error_reports.take()) == 3


def test_a_worker_error_after_its_window_closed_goes_to_the_log(
    qtbot: Any, error_reports: ErrorReports, caplog: pytest.LogCaptureFixture
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    page = QWidget(window)  # the owner is a page inside the window
    release = threading.Event()
    task = run_task(_fails_when(release), owner=page)
    window.close()
    release.set()
    with caplog.at_level(logging.WARNING, logger="tracker"):
        qtbot.waitUntil(lambda: not task.running)
    assert error_reports.take() == []
    assert "窗口已关闭" in caplog.text and "无法打开台账数据库文件" in caplog.text


def test_a_worker_error_after_its_owner_was_deleted_is_dropped(
    qtbot: Any, error_reports: ErrorReports
) -> None:
    owner = QWidget()
    release = threading.Event()
    task = run_task(_fails_when(release), owner=owner)
    delete(owner)
    release.set()
    qtbot.waitUntil(lambda: not task.running)
    assert error_reports.take() == []


def test_a_closed_window_reads_nothing_more_from_services_closing_after_it(
    qtbot: Any, demo_services: Services, demo_dir: Path, error_reports: ErrorReports
) -> None:
    """The hang's own path: a write just before the window closes schedules the pages' reload
    (200 ms later); the services then close and the folder goes (the benchmark's temporary
    one). Nothing may read through them any more."""
    window = open_main_window(qtbot, demo_services)
    demo_services.units.add_category("协会庚")  # every page's timer starts
    window.close()
    demo_services.close()
    demo_dir.rename(demo_dir.with_name("已移走"))
    qtbot.wait(400)
    wait_all()
    qtbot.wait(50)
    assert error_reports.take() == []
