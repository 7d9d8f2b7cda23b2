"""Archiving a submission's files before its write: hashed and copied outside the transaction
(a 佐证材料 video takes a while), taken out again when the registration does not happen."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

from tracker.services.files import StoredFile
from tracker.services.workspace import Workspace
from tracker.store.models import SubmissionFile

ByteProgress = Callable[[int, int], None]  # (bytes done, bytes in all); raising stops the copy


def archive_files(
    ws: Workspace, files: Sequence[Path], progress: ByteProgress | None = None
) -> list[StoredFile]:
    """Copy ``files`` into the archive, reporting bytes; an exception (e.g. from ``progress``
    on 取消) leaves nothing of this call behind."""
    paths = [Path(f) for f in files]
    total = sum(p.stat().st_size for p in paths if p.is_file())
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    stored: list[StoredFile] = []
    with discard_on_error(ws, stored):
        for path in paths:
            stored.append(ws.files.store(path, step))
    return stored


@contextmanager
def discard_on_error(ws: Workspace, stored: Sequence[StoredFile]) -> Iterator[None]:
    """On any exception inside, take out the files in ``stored`` that were new."""
    try:
        yield
    except BaseException:
        discard(ws, stored)
        raise


def discard(ws: Workspace, stored: Sequence[StoredFile]) -> None:
    """Take out the new files among ``stored`` unless a record uses them (another clerk may
    have registered the same file at the same moment)."""
    fresh = [f for f in stored if f.fresh]
    if not fresh:
        return
    with ws.reading() as s:
        wanted = {f.sha256 for f in fresh}
        used = set(
            s.scalars(select(SubmissionFile.sha256).where(SubmissionFile.sha256.in_(wanted)))
        )
    for f in fresh:
        if f.sha256 not in used:
            ws.files.remove(f)
