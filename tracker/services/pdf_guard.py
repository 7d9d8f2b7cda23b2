"""Before PDFium reads a received PDF's text: refuse page contents that inflate past reason.

PDFium builds every drawing operator of a page as an object in memory, ~85 bytes for each
byte of inflated content: a 50 KB PDF whose one content stream inflates to 35 MB of ``(a) Tj``
took 6 s and 3 GB, a 100 KB one all the memory there is. The compressed streams are inflated
here first, bounded, without keeping them; pictures and embedded fonts (large by nature, and
never turned into objects) are left alone.
"""

from __future__ import annotations

import base64
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
        if _NOT_CONTENT.search(head):
            continue
        end = data.find(b"endstream", found.end())
        size = _inflated_size(head, data[found.end() : end if end > 0 else None])
        if size is None:
            continue
        if size > STREAM_LIMIT:
            return f"有一页的内容解压后超过 {STREAM_LIMIT >> 20} MB（疑为压缩炸弹）"
        total += size
        if total > TOTAL_LIMIT:
            return f"页面内容解压后共超过 {TOTAL_LIMIT >> 20} MB"
    return None


_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTER_NAME = re.compile(rb"/([A-Za-z0-9]+)")


def _inflated_size(head: bytes, raw: bytes) -> int | None:
    """The stream's size once inflated (at most ``STREAM_LIMIT + 1``), through the ASCII
    filters that may wrap the deflated data (``[/ASCIIHexDecode /FlateDecode]`` hid a bomb);
    None when it is not deflated or cannot be decoded here (PDFium judges it)."""
    found = _FILTER.search(head)
    names = _FILTER_NAME.findall(found[1]) if found else []
    try:
        for name in names:
            if name in (b"ASCIIHexDecode", b"AHx"):
                digits = re.sub(rb"[^0-9A-Fa-f]", b"", raw.split(b">", 1)[0])
                raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
            elif name in (b"ASCII85Decode", b"A85"):
                raw = base64.a85decode(raw.split(b"~>", 1)[0], ignorechars=b" \t\n\r\x0c\x00")
            elif name in (b"FlateDecode", b"Fl"):
                return len(zlib.decompressobj().decompress(raw, STREAM_LIMIT + 1))
            else:
                return None
    except (ValueError, zlib.error):  # damaged: PDFium judges it
        return None
    return None


def check_pdf(path: Path) -> str | None:
    return content_too_large(Path(path).read_bytes())
