"""What every page is given: the services (once open), the change signal, the as-of date and
the shared ledger snapshot. Built by :mod:`tracker.app`, passed in through constructors."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from tracker.domain.clock import today
from tracker.ui.common.changes import ChangeBridge


class AppContext(QObject):
    """``ready`` fires once the workspace is open (just after the window's first paint);
    ``asOfChanged(date)`` when the clerk replays another day."""

    ready = Signal()
    asOfChanged = Signal(object)

    def __init__(self, workspace_label: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace_label = workspace_label
        self.changes = ChangeBridge(self)
        self._services: Any = None
        self._as_of = today()
        from tracker.ui.snapshot import SnapshotLoader

        self.snapshots = SnapshotLoader(self)

    # -- services ------------------------------------------------------------------------
    @property
    def is_ready(self) -> bool:
        return self._services is not None

    @property
    def services(self) -> Any:
        """The open :class:`tracker.services.bundle.Services` (typed Any: importing it would
        pull SQLAlchemy in before the first paint)."""
        if self._services is None:
            raise RuntimeError("台账尚未打开")
        return self._services

    def attach(self, services: Any) -> None:
        self._services = services
        self.workspace_label = services.ws.label
        self.changes.watch(services.ws)
        self.ready.emit()

    # -- as-of date ----------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, day: date) -> None:
        if day != self._as_of:
            self._as_of = day
            self.asOfChanged.emit(day)
