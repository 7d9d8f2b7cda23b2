"""Recording when a service flushes files to disk relative to its write transactions: slow
disk work belongs before the transaction, never while it holds the write lock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.orm import Session

from tracker.services.workspace import Workspace

Event = tuple[str, bool]  # ("transaction" or "fsync", whether a transaction was open)


def record_write_order(
    monkeypatch: pytest.MonkeyPatch, ws: Workspace, before: Callable[[], None] | None = None
) -> list[Event]:
    """The write transactions ``ws`` opens and every file flushed to disk (each archived file
    is, before it is moved into place), in order; ``before`` runs once, as the first
    transaction is asked for and before it opens (e.g. another clerk's write in between)."""
    events: list[Event] = []
    depth = 0
    opened, flush = ws.transaction, os.fsync

    @contextmanager
    def transaction() -> Iterator[Session]:
        nonlocal depth, before
        if before is not None:
            before, run = None, before
            run()
        events.append(("transaction", depth > 0))
        depth += 1
        try:
            with opened() as s:
                yield s
        finally:
            depth -= 1

    def fsync(fd: int) -> None:
        events.append(("fsync", depth > 0))
        flush(fd)

    monkeypatch.setattr(ws, "transaction", transaction)
    monkeypatch.setattr(os, "fsync", fsync)
    return events
