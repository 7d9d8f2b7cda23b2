"""No test can wait on an error dialog (a pytest plugin, loaded by ``tests/conftest.py``).

An error reported into the window (``show_error``, ``report_exception``, a worker's default)
opens a modal dialog: in a test nobody clicks it and the suite hangs. For the whole session the
one place that opens it (``tracker.ui.common.errors._show_modal``) records instead:

* during a test, into that test's ``error_reports``; what the test did not ``take()`` fails it
  at teardown, after its workers finished and delivered (so a late one is still its own);
* between tests (a worker outliving its test by more than that), into a list that fails the
  session at its end.

A test that expects an error takes it from ``error_reports``; a test of the dialog itself opts
into the real one with ``@pytest.mark.error_dialogs`` (and closes or patches it).

Any other modal (a question a test forgot to answer) is closed once it has waited
``MODAL_LIMIT_S`` seconds, and recorded the same way: a hang costs a minute, not the landing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tracker.ui.common import errors

_REAL_MODAL = errors._show_modal
MODAL_LIMIT_S = 60.0  # no test waits this long for its own dialog (progress dialogs aside)


@dataclass
class ErrorReports:
    """What the window would have shown in an error dialog during one test."""

    errors: list[BaseException] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def take(self) -> list[BaseException]:
        """The errors reported so far (taken: they no longer fail the test)."""
        taken, self.errors, self.details = self.errors, [], []
        return taken

    def describe(self) -> str:
        return "\n".join(
            f"{type(e).__name__}: {e}\n{d}" for e, d in zip(self.errors, self.details, strict=True)
        )


_current: ErrorReports | None = None
_between_tests = ErrorReports()


def _record(_parent: object, exc: BaseException, details: str) -> None:
    # details already hold the traceback's text; its frames would keep the widgets and
    # services they saw alive until the record is dropped
    exc.__traceback__ = None
    reports = _current if _current is not None else _between_tests
    reports.errors.append(exc)
    reports.details.append(details)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "error_dialogs: the test opens the real error dialog (and closes it itself)"
    )
    errors._show_modal = _record  # type: ignore[assignment]  # the whole session, even between tests


def pytest_sessionfinish(session: pytest.Session) -> None:
    errors._show_modal = _REAL_MODAL  # type: ignore[assignment]
    if _between_tests.errors:
        print("\n错误对话框（在两个测试之间报告，没人会关闭它）:\n" + _between_tests.describe())
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


class ModalLeftOpen(AssertionError):
    """A modal dialog waited for a click nobody gave; the watch closed it."""


class _ModalWatch:
    """Looks at the active modal a few times a second (its timer runs in the dialog's own
    event loop too) and closes one left open too long. It keeps the dialog's address, never
    a reference: the last reference to a dialog made in Python deletes it, and that must stay
    where the test drops it, not move into some later event (a QDialog deleted there crashed)."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QTimer

        self.widget = 0  # the C++ address of the modal seen last
        self.since = 0.0
        self.timer = QTimer(app)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog
        from shiboken6 import getCppPointer

        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog):  # work under way
            self.widget = 0
            return
        address = getCppPointer(widget)[0]
        if address != self.widget:
            self.widget, self.since = address, time.monotonic()
            return
        if time.monotonic() - self.since < MODAL_LIMIT_S:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else ""
        message = f"模态对话框“{widget.windowTitle()}”等了 {MODAL_LIMIT_S:g} 秒没人点：{text}"
        _record(None, ModalLeftOpen(message), "")
        self.widget = 0
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


_watch: _ModalWatch | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    """Once a test has made the QApplication (its fixtures are set up), the watch starts."""
    global _watch
    if _watch is None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            _watch = _ModalWatch(app)


@pytest.fixture(autouse=True)
def error_reports(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ErrorReports]:
    global _current
    reports = ErrorReports()
    if request.node.get_closest_marker("error_dialogs"):
        monkeypatch.setattr(errors, "_show_modal", _REAL_MODAL)
        yield reports
        return
    _current = reports
    try:
        yield reports
        _drain_workers()
    finally:
        _current = None
    if reports.errors:
        pytest.fail("报告到了没人会关闭的错误对话框:\n" + reports.describe(), pytrace=False)


def _drain_workers() -> None:
    """Let this test's workers end and deliver their results (and what those start)."""
    from PySide6.QtCore import QCoreApplication

    from tracker.ui.common import worker

    if QCoreApplication.instance() is None:
        return
    for _ in range(20):
        worker.wait_all()
        QCoreApplication.processEvents()
        if not worker._live:
            return
