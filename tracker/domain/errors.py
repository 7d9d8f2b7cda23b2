"""Errors that carry a message fit to show the clerk (in Chinese)."""

import errno


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


class DiskFullError(TrackerError):
    """The disk (or the database server's disk) is full; nothing was saved."""


class WorkspaceBusyError(TrackerError):
    """Another program holds the database's write lock past the wait; trying again later
    works, so the window offers 重试."""


_OS_WORDS = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EACCES: "没有权限（文件可能正被其他程序打开，或文件夹只读）",
    errno.EPERM: "没有权限",
    errno.ENOENT: "找不到文件或文件夹",
    errno.EEXIST: "文件已存在",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EMFILE: "同时打开的文件太多",
    errno.EIO: "磁盘读写错误",
    errno.EINVAL: "文件名或路径无效",
    getattr(errno, "EDQUOT", errno.ENOSPC): "磁盘空间已满（超出配额）",
}


DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
DISK_FULL_ADVICE = "请删除不需要的文件、清空回收站，或换到空间更大的磁盘后重试"


def os_error_text(exc: OSError) -> str:
    """An OSError in Chinese (Linux says strerror in English): what, then which file."""
    what = _OS_WORDS.get(exc.errno or 0) or exc.strerror or str(exc)
    return f"{what}：{exc.filename}" if exc.filename else what


def os_failure(exc: OSError, doing: str) -> TrackerError:
    """``doing`` (e.g. "无法归档文件“x.pdf”") failed: a full disk gets its own error and advice."""
    if exc.errno in DISK_FULL_ERRNOS:
        return DiskFullError(f"{doing}：磁盘空间已满，未写入任何内容。{DISK_FULL_ADVICE}。")
    return TrackerError(f"{doing}：{os_error_text(exc)}")
