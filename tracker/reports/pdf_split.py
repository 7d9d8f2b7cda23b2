"""Cutting pages out of a rendered PDF (pypdfium2): a letter's own file from the batch it was
printed in, with exactly the pages that were printed, without rendering again."""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# PDFium gives each saved file a random /ID and the clock's /CreationDate; an ID derived from
# the content and the source's creation date instead keep a letter cut twice byte for byte the
# same (same lengths: the cross-reference table stays valid).
_TRAILER_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_CREATED = re.compile(rb"/CreationDate\s*\(D:(\d{14})")

# PDFium is not thread-safe: every use in the process (cutting here, page previews in the
# window) holds this lock.
PDFIUM_LOCK = threading.RLock()


def first_pages(page_counts: Sequence[int], blanks: Sequence[int] = ()) -> list[int]:
    """Where each part starts (0-based) when part ``n`` of ``page_counts[n]`` pages is
    followed by ``blanks[n]`` blank pages (the backs of duplex printing)."""
    gaps = list(blanks) or [0] * len(page_counts)
    starts, at = [], 0
    for count, gap in zip(page_counts, gaps, strict=True):
        starts.append(at)
        at += count + gap
    return starts


def extract_pages(source: bytes | Path, first: int, count: int) -> bytes:
    """Pages ``first`` .. ``first + count - 1`` of ``source`` as a PDF of their own."""
    return split_pdf(source, [count], [], start=first)[0]


def split_pdf(
    source: bytes | Path,
    page_counts: Sequence[int],
    blanks: Sequence[int] = (),
    *,
    start: int = 0,
) -> list[bytes]:
    """``source`` cut into consecutive parts of ``page_counts`` pages each from page
    ``start`` on; ``blanks[n]`` pages after part ``n`` belong to no part."""
    import pypdfium2 as pdfium

    parts: list[bytes] = []
    created = _creation_stamp(source)
    with PDFIUM_LOCK:
        src: Any = pdfium.PdfDocument(source)
        try:
            starts = [start + at for at in first_pages(page_counts, blanks)]
            end = (starts[-1] + page_counts[-1]) if starts else start
            if end > len(src):
                raise ValueError(f"{len(src)} pages, expected at least {end}")
            for first, count in zip(starts, page_counts, strict=True):
                part = pdfium.PdfDocument.new()
                part.import_pages(src, list(range(first, first + count)))
                buf = io.BytesIO()
                part.save(buf)
                part.close()
                parts.append(_content_id(_dated(buf.getvalue(), created)))
        finally:
            src.close()
    return parts


def _creation_stamp(source: bytes | Path) -> bytes:
    """The source's creation time (14 digits), or a fixed one when it names none."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    found = _CREATED.search(data)
    return found[1] if found else b"20000101000000"


def _dated(data: bytes, stamp: bytes) -> bytes:
    """The part's /CreationDate set to ``stamp`` (the source's), whenever it is cut."""
    found = _CREATED.search(data)
    if not found:
        return data
    return data[: found.start(1)] + stamp + data[found.end(1) :]


def _content_id(data: bytes) -> bytes:
    found = list(_TRAILER_ID.finditer(data))
    if not found:
        return data
    last = found[-1]
    zeroed = data[: last.start(1)] + b"0" * 32 + data[last.end(1) : last.start(2)]
    digest = hashlib.md5(zeroed + b"0" * 32 + data[last.end(2) :], usedforsecurity=False)
    fixed = digest.hexdigest().upper().encode()
    return (
        data[: last.start(1)]
        + fixed
        + data[last.end(1) : last.start(2)]
        + fixed
        + data[last.end(2) :]
    )
