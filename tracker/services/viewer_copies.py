"""Copies of archived files for the system's viewer (打开文件 in a registration's detail and in
a unit's history): the archive itself is never handed out — a program saving over it would
change what the unit sent — and a program a unit sent is never handed to the system at all.

A copy is verified against its SHA-256 while it is made, chunk by chunk, reporting bytes and
stoppable between chunks (a 佐证材料 video of hundreds of MB takes seconds): whatever stops it
leaves no copy behind.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tracker.domain.errors import NotFoundError, ValidationError, os_failure
from tracker.domain.runnable import runnable_suffix
from tracker.services.archiving import ByteProgress
from tracker.services.files import FileArchive

COPY_PREFIX = "tracker-file-"  # the copies handed to the system's viewer, in the temp folder
COPY_AGE = 24 * 3600  # a viewer is done with a copy by the next day


def viewer_copy(
    archive: FileArchive, sha256: str, name: str, progress: ByteProgress | None = None
) -> Path:
    """A verified copy of the archived file ``sha256`` under its own ``name``, in a fresh
    folder of the temp folder; ``progress(bytes done, bytes in all)`` after each chunk, and an
    exception from it (取消) stops the copy. Refused with a Chinese ``TrackerError``: a program
    or shortcut, a file missing from the archive, a damaged one, a full disk."""
    if suffix := runnable_suffix(name):
        raise ValidationError(
            f"“{name}”是可以运行的程序或快捷方式（{suffix}），为防病毒不直接打开；"
            "请报送单位改发 PDF、Word 或图片文件"
        )
    source = archive.path_for(sha256, name)
    if not source.is_file():
        raise NotFoundError(f"归档文件“{name}”不在归档文件夹中（{archive.root}）")
    total, done = source.stat().st_size, 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    scratch = Path(tempfile.gettempdir())
    archive.remove_stale(scratch, f"{COPY_PREFIX}*", COPY_AGE)  # copies opened days ago
    folder = Path(tempfile.mkdtemp(prefix=COPY_PREFIX))
    try:
        return archive.export_copy(sha256, name, folder, step)
    except BaseException as exc:  # 取消, a full temp disk, a damaged archive: no copy left
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise os_failure(exc, f"无法取出归档文件“{name}”") from None
        raise


def discard_copy(path: Path) -> None:
    """Take out a copy :func:`viewer_copy` made that will not be opened after all."""
    folder = Path(path).parent
    if folder.name.startswith(COPY_PREFIX) and folder.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(folder, ignore_errors=True)
