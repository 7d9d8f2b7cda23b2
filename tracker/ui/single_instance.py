"""One window per workspace: a second launch asks the first to come forward, then quits.

Keyed by the workspace (folder or database URL), so two different workspaces may be open at
once, but the same database is never opened twice by this app.
"""

from __future__ import annotations

import os
import sys
import zlib

from PySide6.QtCore import QObject, Signal

RAISE = b"raise\n"


def server_name(workspace_key: str) -> str:
    data = workspace_key.encode("utf-8")
    # crc32 + adler32: 64 bits, plenty for a handful of workspaces; no hashlib at start-up.
    return f"tracker-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def server_path(name: str) -> str | None:
    """Where QLocalServer puts its socket on POSIX (QDir::tempPath()); None on Windows, where
    it is a named pipe."""
    if sys.platform == "win32":
        return None
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", name)


def may_be_running(workspace_key: str) -> bool:
    """False only when certainly nobody listens (no socket file): then start-up need not
    load QtNetwork before the first paint."""
    path = server_path(server_name(workspace_key))
    return path is None or os.path.exists(path)


def ask_running_instance(workspace_key: str, timeout_ms: int = 500) -> bool:
    """True when another instance holds ``workspace_key`` (it has been asked to come forward)."""
    if not may_be_running(workspace_key):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(workspace_key))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``raiseRequested`` asks the window to come forward."""

    raiseRequested = Signal()

    def __init__(self, workspace_key: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.key = workspace_key
        self.name = server_name(workspace_key)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Claim the workspace. False when another instance already holds it (two launches
        at the same moment): that one has been asked to come forward."""
        if self.server.listen(self.name):
            return True
        if ask_running_instance(self.key):
            return False
        self.server.removeServer(self.name)  # left over from a crash: nobody answered
        self.server.listen(self.name)
        return True

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is one short line, sent right after connecting: read it here.
            if socket.bytesAvailable() or socket.waitForReadyRead(100):
                message = bytes(socket.readAll().data())
            else:
                message = b""
            socket.abort()
            socket.deleteLater()
            if message.startswith(RAISE.strip()):
                self.raiseRequested.emit()
