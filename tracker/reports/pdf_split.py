"""Cutting one rendered PDF into its letters (pypdfium2), so each letter's own file has exactly
the pages that were printed, without rendering twice."""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

# PDFium is not thread-safe: every use in the process (splitting here, page previews in the
# window) holds this lock.
PDFIUM_LOCK = threading.RLock()


def split_pdf(data: bytes, page_counts: Sequence[int], blanks: Sequence[int] = ()) -> list[bytes]:
    """``data`` cut into consecutive parts of ``page_counts`` pages each; ``blanks[n]`` pages
    after part ``n`` (the blank backs of duplex printing) belong to no part."""
    import pypdfium2 as pdfium

    parts: list[bytes] = []
    with PDFIUM_LOCK:
        src = pdfium.PdfDocument(data)
        try:
            gaps = list(blanks) or [0] * len(page_counts)
            if sum(page_counts) + sum(gaps) != len(src):
                raise ValueError(f"{len(src)} pages, expected {sum(page_counts) + sum(gaps)}")
            start = 0
            for count, gap in zip(page_counts, gaps, strict=True):
                part = pdfium.PdfDocument.new()
                part.import_pages(src, list(range(start, start + count)))
                buf = io.BytesIO()
                part.save(buf)
                part.close()
                parts.append(buf.getvalue())
                start += count + gap
        finally:
            src.close()
    return parts
