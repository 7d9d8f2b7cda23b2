"""What the ledger views show: rows as of a day plus what filters and searches need.

Loaded in a worker (after the first paint, on every change notice and as-of change) and shared
by the dashboard, the grid and the matrix, so the rows are read once per change. A notice that
names its obligations re-reads only their rows and patches the snapshot (a few ms at 50,000
obligations, against about 2 s for all of them).
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
    from tracker.domain.records import ObligationRow
    from tracker.services.bundle import Services
    from tracker.ui.context import AppContext
    from tracker.ui.snapshot_data import LedgerSnapshot

    Patch = tuple[LedgerSnapshot, dict[int, ObligationRow]]


# Patch only this many rows; beyond that a full reload is as quick (and the SQL shorter).
PATCH_LIMIT = 2000


def load_snapshot(
    services: Services, as_of: date, control: TaskControl | None = None
) -> LedgerSnapshot:
    """Everything the ledger views need, read through the services (runs in a worker)."""
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.domain.overview import build_overview
    from tracker.domain.search import search_blob
    from tracker.domain.today_index import BoardIndex
    from tracker.ui.snapshot_data import LedgerSnapshot, RowIndex

    rows = services.ledger.rows(LedgerQuery(as_of=as_of))
    if control is not None:
        control.check()
    units = services.units.list_units()
    blobs = {u.id: search_blob(u.name, (u.short_name, *u.aliases)) for u in units}
    categories = services.units.categories()
    notices = services.notices.list_notices()
    overview = build_overview(rows, as_of, services.calendar.work_calendar(), categories)
    archived = services.archive.archived()  # closed by the office: nothing to chase (建议)
    suggestions = services.ladder.suggestions(r for r in rows if r.notice_id not in archived)
    board = BoardIndex.of(
        rows,
        suggestions,
        within=services.settings.office().due_soon_workdays,
        archived=archived,
        units=len(units),
        notices=len(notices),
    )
    index = RowIndex.of(rows)
    return LedgerSnapshot(
        as_of, rows, notices, categories, blobs, overview, index, suggestions, board.board, board
    )


def patch_snapshot(services: Services, base: LedgerSnapshot, ids: frozenset[int]) -> Patch | None:
    """``base`` with the rows of obligations ``ids`` read again (runs in a worker); None
    when a full reload is needed. Their 建议 and the dashboard's guidance follow."""
    from tracker.domain.ledger_query import LedgerQuery

    wanted = tuple(i for i in ids if i in base.index.position)
    if not wanted:  # none of them shown as of this day
        return base, {}
    fresh = services.ledger.rows(LedgerQuery(as_of=base.as_of, obligation_ids=wanted))
    if len(fresh) != len(wanted):
        return None  # an obligation went away meanwhile
    patched = base.patched(fresh, services.calendar.work_calendar())
    if patched is None:
        return None
    snapshot, changed = patched
    if changed:
        before = {i: base.rows[i] for i in changed}
        snapshot = with_guidance(services, snapshot, fresh, before)
    return snapshot, changed


def with_guidance(
    services: Services,
    snapshot: LedgerSnapshot,
    fresh: list[ObligationRow],
    before: dict[int, ObligationRow],
) -> LedgerSnapshot:
    """The ladder's steps for ``fresh`` (re-read rows, which replaced ``before``'s by row
    number) and the board patched for them alone: about 1 ms, against 40 ms for a rebuild
    over 50,000 rows."""
    from dataclasses import replace

    from tracker.domain.today_index import BoardIndex

    suggestions = dict(snapshot.suggestions)
    for r in fresh:
        suggestions.pop(r.obligation_id, None)
    archived = snapshot.board.archived
    suggestions.update(services.ladder.suggestions(r for r in fresh if r.notice_id not in archived))
    index = snapshot.board_index
    if index is None:  # a snapshot made without one: the board from scratch
        index = BoardIndex.of(
            snapshot.rows,
            suggestions,
            within=services.settings.office().due_soon_workdays,
            archived=archived,
            units=len(snapshot.unit_blobs),
            notices=len(snapshot.notices),
        )
    else:
        index = index.patched(snapshot.rows, before, snapshot.suggestions, suggestions)
    return replace(snapshot, suggestions=suggestions, board=index.board, board_index=index)


class SnapshotLoader(QObject):
    """Keeps ``current`` up to date, one load at a time; what is asked meanwhile runs next.

    A change notice naming its obligations (a registration, 免报, 延期, 催报, their undo)
    re-reads only those rows and emits ``patched(snapshot, {row number: new row})``; anything
    else (imports, restores, notices, units, the calendar, another day) reloads every row and
    emits ``loaded(snapshot)``. ``updated(snapshot)`` follows both.
    """

    loading = Signal()
    loaded = Signal(object)  # LedgerSnapshot, all rows read again
    patched = Signal(object, object)  # LedgerSnapshot, dict[int, ObligationRow] (row number)
    updated = Signal(object)  # LedgerSnapshot, after loaded or patched

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._task: Task | None = None
        self._full = False  # a full reload is wanted
        self._ids: set[int] = set()  # obligations to re-read
        self.current: LedgerSnapshot | None = None
        ctx.ready.connect(self.reload)
        ctx.asOfChanged.connect(self.reload)
        ctx.changes.changed.connect(self._on_change)

    def _on_change(self, changes: Changes) -> None:
        from tracker.domain.changes import Topic

        rows = changes.rows()
        # The office's settings move the 建议 and the dashboard's amber, and the list for the
        # next 通报 the 建议 (已列入通报): every row again.
        if rows is None or changes.touches(Topic.SETTINGS | Topic.BULLETINS):
            self.reload()
        elif rows:
            self._ids |= rows
            self._next()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        self._full = True
        self._next()

    def _next(self) -> None:
        if not self._ctx.is_ready or self._task is not None:
            return
        services, as_of, base = self._ctx.services, self._ctx.as_of, self.current
        if base is None or base.as_of != as_of or len(self._ids) > PATCH_LIMIT:
            self._full = True
        if self._full:
            self._full, self._ids = False, set()
            self.loading.emit()
            self._task = run_task(
                lambda control: load_snapshot(services, as_of, control),
                on_done=self._on_loaded,
                on_error=self._on_failed,
                prepare=self._watch,
                owner=self,  # the window may be gone when the rows arrive
            )
        elif self._ids and base is not None:
            ids, self._ids = frozenset(self._ids), set()
            self._task = run_task(
                lambda _c: patch_snapshot(services, base, ids),
                on_done=self._on_patched,
                on_error=self._on_patch_failed,
                prepare=self._watch,
                owner=self,  # the window may be gone when the rows arrive
            )

    def _watch(self, task: Task) -> None:
        # Before the work starts: a patch can finish before run_task even returns.
        task.signals.finished.connect(self._on_finished)

    def _stale(self, snapshot: LedgerSnapshot) -> bool:
        return self._full or snapshot.as_of != self._ctx.as_of  # a newer load follows

    def _on_loaded(self, snapshot: LedgerSnapshot) -> None:
        if self._stale(snapshot):
            return
        self.current = snapshot
        # 100,000 rows are long-lived: keep the cycle collector from rescanning them on every
        # later collection (a full pass costs hundreds of ms and would stall typing).
        gc.collect()
        gc.freeze()
        if not shiboken6.isValid(self):  # the window closed while the load ran (tests' teardown)
            return
        self.loaded.emit(snapshot)
        self.updated.emit(snapshot)

    def _on_patched(self, result: Patch | None) -> None:
        if result is None:
            self._full = True
            return
        snapshot, changed = result
        if self._stale(snapshot) or not changed:
            return
        self.current = snapshot
        self.patched.emit(snapshot, changed)
        self.updated.emit(snapshot)

    def _on_failed(self, exc: BaseException, details: str) -> None:
        from tracker.ui.common.errors import log, report_exception

        if self._full or not self._ctx.is_ready:  # restored meanwhile, or the window closed
            log().warning("台账统计未完成，将重新读取：%s", exc)
        else:
            report_exception(exc, details)

    def _on_patch_failed(self, exc: BaseException, _details: str) -> None:
        from tracker.ui.common.errors import log

        log().warning("更新报送记录失败，改为全部重新读取：%s", exc)
        self._full = True  # which reports the problem if it lasts

    def _on_finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._task = None
        self._next()
