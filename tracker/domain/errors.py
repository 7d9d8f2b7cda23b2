"""Errors that carry a message fit to show the clerk (in Chinese)."""


class TrackerError(Exception):
    """A problem the user can act on; ``str(err)`` is one plain Chinese sentence."""


class NotFoundError(TrackerError):
    """A unit, notice, requirement or obligation that does not exist."""


class AmbiguousError(TrackerError):
    """A name that matches more than one thing; the message lists the candidates."""


class ValidationError(TrackerError):
    """Input that breaks a rule; ``problems`` lists every one found, not just the first."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or []

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  · {p}" for p in self.problems)


class ConflictError(TrackerError):
    """Someone else changed the record in between (optimistic locking)."""


class DatabaseDamagedError(TrackerError):
    """The workspace's database failed its integrity check; the message says how to restore."""


class ReadOnlyWorkspaceError(TrackerError):
    """The workspace's folder or files cannot be written; nothing was opened or changed."""


class FileInUseError(TrackerError):
    """A file to be written is open in another program (Excel/WPS locks it on Windows);
    closing it and trying again works, so the window offers 重试."""
