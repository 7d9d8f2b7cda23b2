"""The one place the window hears what changed: the services' typed notices as a Qt signal.

Services announce a :class:`tracker.domain.changes.Changes` after each commit, possibly from a
worker thread; ``ChangeHub.changed`` delivers it to the widgets on the UI thread (queued across
threads). Every page connects to it and refreshes what the notice touches::

    ctx.changes.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Topic.UNITS | Topic.NOTICES):
            self.refresh()

``Changes.everything()`` (a restore, 查看 ▸ 刷新) touches every topic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from tracker.domain.changes import Changes
    from tracker.services.bundle import Services


class ChangeHub(QObject):
    """``changed(Changes)``: what a write (here or in a worker) changed."""

    changed = Signal(object)

    def watch(self, services: Services) -> None:
        services.subscribe(self._on_announce)

    def _on_announce(self, changes: Changes) -> None:
        if shiboken6.isValid(self):  # the window may be gone while the services live on
            self.changed.emit(changes)

    def announce_everything(self) -> None:
        """Every page reloads (查看 ▸ 刷新: e.g. another clerk changed the shared ledger)."""
        from tracker.domain.changes import Changes

        self.changed.emit(Changes.everything())
