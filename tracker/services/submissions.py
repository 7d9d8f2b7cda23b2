"""The one way a submission row is built — registering, importing the old ledger, undoing a
deletion — and the audit snapshot it is rebuilt from, whole (author and time included)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from tracker.store.models import Submission, SubmissionFile
from tracker.store.time import now

FileEntry = tuple[str, str, int]  # (sha256, original name, size)


def new_submission(
    *,
    received_on: date,
    channel: str,
    forms: int,
    note: str,
    created_by: str,
    created_at: datetime | None = None,
    files: Iterable[FileEntry] = (),
    submission_id: int | None = None,
) -> Submission:
    """A submission to append to its obligation; ``created_at`` defaults to now."""
    return Submission(
        id=submission_id,
        received_on=received_on,
        channel=channel,
        forms=forms,
        note=note,
        created_at=created_at or now(),
        created_by=created_by,
        files=[SubmissionFile(sha256=h, original_name=n, size=z) for h, n, z in files],
    )


def submission_snapshot(sub: Submission) -> dict[str, object]:
    """Everything needed to rebuild ``sub`` as it was (the audit log's before/after)."""
    return {
        "submission_id": sub.id,
        "obligation_id": sub.obligation_id,
        "received_on": sub.received_on,
        "channel": sub.channel,
        "forms": sub.forms,
        "note": sub.note,
        "created_at": sub.created_at,
        "created_by": sub.created_by,
        "files": [[f.sha256, f.original_name, f.size] for f in sub.files],
    }


def submission_from_snapshot(data: Mapping[str, Any], *, reuse_id: bool) -> Submission:
    """The submission ``submission_snapshot`` described, under its old id when ``reuse_id``.

    Entries written before the snapshot kept its author and time restore with neither known
    ("" and now), as they always did.
    """
    created_at = data.get("created_at")
    return new_submission(
        received_on=date.fromisoformat(data["received_on"]),
        channel=data["channel"],
        forms=data["forms"],
        note=data["note"],
        created_by=data.get("created_by", ""),
        created_at=datetime.fromisoformat(created_at) if created_at else None,
        files=[(h, n, z) for h, n, z in data["files"]],
        submission_id=data["submission_id"] if reuse_id else None,
    )
