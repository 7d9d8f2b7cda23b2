"""Issuing numbered documents (催报函, 通报): rendered and archived before the write.

The numbers free now go into the document, which is rendered and its files archived (each
flushed to disk) before the write transaction opens: neither holds the write lock every other
clerk's write waits on. The archive is content-addressed, so an issue that rolls back leaves
only files nothing refers to. The transaction takes the numbers; only when another clerk took
them meanwhile is the document rendered and archived again, inside it, with the ones it got.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from tracker.services.workspace import Workspace

N = TypeVar("N")  # the number(s) a document carries
R = TypeVar("R")  # the rendered, archived document
T = TypeVar("T")  # what recording it gives back


def issue_numbered(
    ws: Workspace,
    peeked: N,
    render: Callable[[N], R],
    take: Callable[[Session], N],
    record: Callable[[Session, R], T],
    *,
    again: Callable[[N], R] | None = None,
) -> T:
    """``render(peeked)`` (it archives), then in one transaction ``take`` the numbers and
    ``record`` the document; ``again`` (``render`` unless given) renders the numbers taken
    when they are not the ones peeked. All or nothing: an error anywhere records nothing."""
    rendered = render(peeked)
    with ws.transaction() as s:
        taken = take(s)
        if taken != peeked:  # another clerk issued in between: these numbers, again
            rendered = (again or render)(taken)
        return record(s, rendered)
