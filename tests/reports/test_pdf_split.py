"""A letter cut from its archived batch is the same bytes every time it is cut (reprint, 每封
另存): PDFium's own /ID and /CreationDate would differ from one second to the next."""

from __future__ import annotations

import io
import re

from reportlab.pdfgen.canvas import Canvas

from tracker.reports.pdf_split import extract_pages, split_pdf


def _batch(pages: int) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=True)  # created 2000-01-01 00:00:00, whatever the clock says
    for n in range(pages):
        canvas.drawString(100, 700, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_a_part_keeps_the_batchs_creation_date_and_a_content_id() -> None:
    batch = _batch(3)
    part = extract_pages(batch, 1, 2)
    assert re.search(rb"/CreationDate\s*\(D:20000101000000", part)
    assert extract_pages(batch, 1, 2) == part
    first, second = split_pdf(batch, [1, 2])
    assert second == part and first != part
