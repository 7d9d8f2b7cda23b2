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

Other modals are not watched: a timer holding a dialog's wrapper moved the dialog's deletion
into a later event and crashed the suite (a segmentation fault in RegisterDialog on a fresh run).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tracker.ui.common import errors

_REAL_MODAL = errors._show_modal


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
