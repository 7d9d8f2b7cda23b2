"""Does a PDF's first page show a red seal? Rendered small, red pixels below the masthead.

A 红头 masthead and its red rule sit in the top third of an official page, so only the lower
part counts; a seal at half scale leaves a few hundred strongly red pixels there.
"""

from __future__ import annotations

import math
from pathlib import Path

SCALE = 0.5
# Pixels rendered at most: an A4 page at half scale. A poster-sized (or hostile 200-inch) page
# is rendered smaller, never as a bitmap of hundreds of megabytes counted pixel by pixel.
MAX_PIXELS = 600 * 850 // 4
MIN_RED_PIXELS = 200
TOP_SKIPPED = 0.3


def _red(r: int, g: int, b: int) -> bool:
    return r > 150 and g < 110 and b < 110 and r - max(g, b) > 70


def red_pixels(rgb: bytes, width: int, height: int, stride: int, channels: int = 3) -> int:
    """Strongly red pixels of an RGB(A) bitmap below its top ``TOP_SKIPPED`` part."""
    count = 0
    for y in range(int(height * TOP_SKIPPED), height):
        row = rgb[y * stride : y * stride + width * channels]
        reds = row[0::channels]
        greens = row[1::channels]
        blues = row[2::channels]
        count += sum(1 for r, g, b in zip(reds, greens, blues, strict=True) if _red(r, g, b))
    return count


def render_scale(width: float, height: float) -> float:
    """Half scale, or less for a page larger than A4."""
    area = max(width * height, 1.0)
    return min(SCALE, math.sqrt(MAX_PIXELS / area))


def has_red_seal(path: Path) -> bool:
    """False for anything that cannot be rendered: a seal is only claimed when seen."""
    from tracker.reports.pdf_split import PDFIUM_LOCK

    with PDFIUM_LOCK:  # PDFium is not thread-safe: a letter preview may be rendering
        return _seen(path)


def _seen(path: Path) -> bool:
    from tracker.services.extract import open_pdf
    from tracker.services.pdf_guard import check_pdf

    try:
        if check_pdf(path):  # rendering builds the page's contents too
            return False
        pdf = open_pdf(path)
    except Exception:  # damaged, password: extraction reports it
        return False
    try:
        if len(pdf) == 0:
            return False
        page = pdf[0]
        bitmap = page.render(scale=render_scale(*page.get_size()), rev_byteorder=True,
                             may_draw_forms=False)  # fmt: skip
        rgb = bytes(bitmap.buffer)
        found = red_pixels(rgb, bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels)
        page.close()
        return found >= MIN_RED_PIXELS
    except Exception:
        return False
    finally:
        pdf.close()
