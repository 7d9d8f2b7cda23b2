"""The window and a held write lock: 台账正被其他程序占用 with 重试/取消; 重试 is a real retry,
from the UI thread and from a worker."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from tracker.domain.errors import WorkspaceBusyError
from tracker.store import engine as store_engine
from tracker.ui.common.busy import BusyPrompt
from tracker.ui.common.worker import run_task


@pytest.fixture
def held(main_window: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    services = main_window.ctx.services
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 150)
    services.ws.engine.dispose()
    conn = sqlite3.connect(services.ws.location.db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def _prompt(window: Any) -> BusyPrompt:
    prompt = window.ctx.services.ws.on_busy
    assert isinstance(prompt, BusyPrompt)
    return prompt


def _answer_when_asked(prompt: BusyPrompt, button: str, before: Any = None) -> None:
    def press() -> None:
        if prompt.box is None:
            QTimer.singleShot(20, press)
            return
        assert "台账正被其他程序占用" in prompt.box.text()
        if before is not None:
            before()
        next(b for b in prompt.box.buttons() if b.text() == button).click()

    QTimer.singleShot(20, press)


def test_retry_on_the_ui_thread_runs_the_write_once_the_lock_is_free(
    main_window: Any, held: sqlite3.Connection
) -> None:
    services = main_window.ctx.services
    _answer_when_asked(_prompt(main_window), "重试", before=lambda: held.execute("COMMIT"))
    services.units.add_category("协会丁")  # blocks in the question, then succeeds
    assert services.units.categories().count("协会丁") == 1


def test_cancel_from_a_worker_ends_the_task_with_the_message(
    qtbot: Any, main_window: Any, held: sqlite3.Connection
) -> None:
    services = main_window.ctx.services
    failures: list[BaseException] = []
    _answer_when_asked(_prompt(main_window), "取消")
    task = run_task(
        lambda _c: services.units.add_category("协会戊"),
        on_error=lambda exc, _d: failures.append(exc),
    )
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert len(failures) == 1 and isinstance(failures[0], WorkspaceBusyError)
    held.execute("ROLLBACK")
    assert "协会戊" not in services.units.categories()


def test_retry_from_a_worker_is_a_real_retry(
    qtbot: Any, main_window: Any, held: sqlite3.Connection
) -> None:
    services = main_window.ctx.services
    done: list[object] = []
    _answer_when_asked(_prompt(main_window), "重试", before=lambda: held.execute("COMMIT"))
    task = run_task(lambda _c: services.units.add_category("协会己"), on_done=done.append)
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert len(done) == 1
    assert services.units.categories().count("协会己") == 1
