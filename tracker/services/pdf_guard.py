"""Before PDFium reads a received PDF's text: refuse page contents that inflate past reason.

PDFium builds every drawing operator of a page as an object in memory, ~85 bytes for each
byte of inflated content: a 50 KB PDF whose one content stream inflates to 35 MB of ``(a) Tj``
took 6 s and 3 GB, a 100 KB one all the memory there is. The compressed streams are inflated
here first, bounded, without keeping them; pictures and embedded fonts (large by nature, and
never turned into objects) are left alone.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

STREAM_LIMIT = 4 << 20  # one content stream, inflated: a dense text page is ~100 KB
TOTAL_LIMIT = 64 << 20  # all of them together (300 text pages are ~30 MB)

# "stream" opening a stream (not the end of "endstream"), then the dictionary before it.
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_NOT_CONTENT = re.compile(rb"/Subtype\s*/(Image|Type1C|CIDFontType0C|OpenType)\b|/Length[123]\b")


def content_too_large(data: bytes) -> str | None:
    """Why the PDF's contents are refused (in Chinese), or None when they are within reason."""
    total = 0
    for found in _STREAM.finditer(data):
        head = data[max(0, found.start() - 4096) : found.start()]
        head = head[head.rfind(b"obj") + 1 :]  # this object's dictionary only
        if b"/FlateDecode" not in head or _NOT_CONTENT.search(head):
            continue
        end = data.find(b"endstream", found.end())
        inflater = zlib.decompressobj()
        try:
            size = len(inflater.decompress(data[found.end() : end if end > 0 else None],
                                           STREAM_LIMIT + 1))  # fmt: skip
        except zlib.error:  # damaged: PDFium judges it
            continue
        if size > STREAM_LIMIT:
            return f"有一页的内容解压后超过 {STREAM_LIMIT >> 20} MB（疑为压缩炸弹）"
        total += size
        if total > TOTAL_LIMIT:
            return f"页面内容解压后共超过 {TOTAL_LIMIT >> 20} MB"
    return None


def check_pdf(path: Path) -> str | None:
    return content_too_large(Path(path).read_bytes())
