"""The workspace's change notification (``ws.subscribe``) as a Qt signal.

Services call ``ws.announce(what)`` after each commit, possibly from a worker thread; the
signal is delivered to widgets on the UI thread (queued across threads).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class ChangeBridge(QObject):
    """``changed(what)``: what is "ledger", "units", "notices", "settings", "calendar" …"""

    changed = Signal(str)

    def watch(self, ws: Any) -> None:
        """Subscribe to a :class:`tracker.services.workspace.Workspace`."""
        ws.subscribe(self._on_announce)

    def _on_announce(self, what: str) -> None:
        self.changed.emit(what)
