"""What every page is given: the services (once open), the change notices, the as-of date and
the shared ledger snapshot. Built by the composition root, passed in through constructors."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tracker.domain.clock import today
from tracker.ui.common.changes import ChangeHub

if TYPE_CHECKING:  # for the type checker only: importing it would load SQLAlchemy
    from tracker.services.bundle import Services


class AppContext(QObject):
    """``ready`` fires once the workspace is open (just after the window's first paint);
    ``asOfChanged(date)`` when the clerk replays another day; ``changes.changed(Changes)``
    after every write."""

    ready = Signal()
    asOfChanged = Signal(object)

    def __init__(self, workspace_label: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace_label = workspace_label
        self.changes = ChangeHub(self)
        self._services: Services | None = None
        self._closed = False
        self._as_of = today()
        from tracker.ui.snapshot import SnapshotLoader

        self.snapshots = SnapshotLoader(self)

    # -- services ------------------------------------------------------------------------
    @property
    def is_ready(self) -> bool:
        """The workspace is open and the window still shows it."""
        return self._services is not None and not self._closed

    @property
    def has_services(self) -> bool:
        """Services were attached (they are still to be closed, even after ``close()``)."""
        return self._services is not None

    def close(self) -> None:
        """The window closed: nothing reloads or writes through it any more (a timer or a
        worker finishing later would otherwise reach services about to be closed)."""
        self._closed = True

    @property
    def services(self) -> Services:
        """The open workspace's services (the typed facade the UI calls)."""
        if self._services is None:
            raise RuntimeError("台账尚未打开")
        return self._services

    def attach(self, services: Services) -> None:
        from tracker.ui.common.busy import BusyPrompt

        self._services = services
        services.ask_when_busy(BusyPrompt(self))  # a held write lock: 重试 or 取消
        self.workspace_label = services.label
        self.changes.watch(services)
        self.ready.emit()

    # -- as-of date ----------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, day: date) -> None:
        if day != self._as_of:
            self._as_of = day
            self.asOfChanged.emit(day)
