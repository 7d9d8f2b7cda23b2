"""What the ledger views show: rows as of a day plus what filters and searches need.

Loaded in a worker (after the first paint, on every workspace change and as-of change) and
shared by the dashboard, the grid and the matrix, so the rows are read once per change.
"""

from __future__ import annotations

import gc
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from tracker.ui.common.worker import Task, TaskControl, run_task

if TYPE_CHECKING:
    from tracker.domain.changes import Changes
    from tracker.services.bundle import Services
    from tracker.ui.context import AppContext
    from tracker.ui.snapshot_data import LedgerSnapshot


def load_snapshot(
    services: Services, as_of: date, control: TaskControl | None = None
) -> LedgerSnapshot:
    """Everything the ledger views need, read through the services (runs in a worker)."""
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.domain.overview import build_overview
    from tracker.domain.search import search_blob
    from tracker.ui.snapshot_data import LedgerSnapshot

    rows = services.ledger.rows(LedgerQuery(as_of=as_of))
    if control is not None:
        control.check()
    units = services.units.list_units()
    blobs = {u.id: search_blob(u.name, (u.short_name, *u.aliases)) for u in units}
    categories = services.units.categories()
    notices = services.notices.list_notices()
    overview = build_overview(rows, as_of, services.calendar.work_calendar(), categories)
    return LedgerSnapshot(as_of, rows, notices, categories, blobs, overview)


class SnapshotLoader(QObject):
    """Reloads the snapshot when asked; a request during a load runs once it ends."""

    loading = Signal()
    loaded = Signal(object)  # LedgerSnapshot

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._task: Task | None = None
        self._again = False
        self.current: LedgerSnapshot | None = None
        ctx.ready.connect(self.reload)
        ctx.asOfChanged.connect(self.reload)
        ctx.changes.changed.connect(self._on_change)

    def _on_change(self, changes: Changes) -> None:
        if changes.rows() != frozenset():  # some ledger row may differ
            self.reload()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        if not self._ctx.is_ready:
            return
        if self._task is not None:
            self._again = True
            return
        services, as_of = self._ctx.services, self._ctx.as_of
        self.loading.emit()
        # owner: a window (and its context) closed while the load runs drops the result.
        self._task = run_task(
            lambda control: load_snapshot(services, as_of, control),
            on_done=self._on_done,
            owner=self,
        )
        self._task.signals.finished.connect(self._on_finished)

    def _on_done(self, snapshot: LedgerSnapshot) -> None:
        if self._again or snapshot.as_of != self._ctx.as_of:
            return  # stale: a newer load follows
        self.current = snapshot
        # 100,000 rows are long-lived: keep the cycle collector from rescanning them on every
        # later collection (a full pass costs hundreds of ms and would stall typing).
        gc.collect()
        gc.freeze()
        if not shiboken6.isValid(self):  # the window closed while the load ran (tests' teardown)
            return
        self.loaded.emit(snapshot)

    def _on_finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._task = None
        if self._again:
            self._again = False
            self.reload()
