"""Drawing text on a reportlab canvas by its top edge, in page coordinates from the top-left.

Text is drawn with ``drawText`` (never parsed as markup), in font runs chosen by ``FontSet``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tracker.reports.pdf_fonts import FontSet

MM = 72 / 25.4
A4_W, A4_H = 210 * MM, 297 * MM
RED = (0.87, 0.0, 0.0)  # 公文红: sender's name and the red lines
BLACK = (0.0, 0.0, 0.0)


@dataclass
class Ink:
    """A canvas plus fonts; y is measured downward from the top of the page, in points."""

    canvas: Any
    fonts: FontSet
    page_h: float = A4_H

    def width(self, text: str, role: str, size: float, char_space: float = 0.0) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        total: float = sum(stringWidth(t, f.name, size) for f, t in self.fonts.runs(text, role))
        return total + char_space * len(text)

    def measure(self, role: str, size: float, char_space: float = 0.0) -> Any:
        """A one-argument width function for line breaking."""
        return lambda text: self.width(text, role, size, char_space)

    def baseline(self, top: float, role: str, size: float) -> float:
        """PDF y of the baseline for text whose em box starts ``top`` points below the edge."""
        return self.page_h - top - self.fonts.face(role).ascent * size

    def text(
        self,
        x: float,
        top: float,
        text: str,
        role: str,
        size: float,
        char_space: float = 0.0,
        color: tuple[float, float, float] = BLACK,
    ) -> None:
        if not text:
            return
        c = self.canvas
        obj = c.beginText(x, self.baseline(top, role, size))
        obj.setFillColorRGB(*color)
        obj.setCharSpace(char_space)
        for face, run in self.fonts.runs(text, role):
            obj.setFont(face.name, size)
            obj.textOut(run)
        c.drawText(obj)

    def centred(
        self, centre: float, top: float, text: str, role: str, size: float, **kw: Any
    ) -> None:
        cs = kw.get("char_space", 0.0)
        w = self.width(text, role, size, cs) - cs
        self.text(centre - w / 2, top, text, role, size, **kw)

    def right(self, right: float, top: float, text: str, role: str, size: float, **kw: Any) -> None:
        cs = kw.get("char_space", 0.0)
        w = self.width(text, role, size, cs) - cs
        self.text(right - w, top, text, role, size, **kw)

    def hline(
        self, x0: float, x1: float, top: float, thickness: float, color: tuple[float, ...]
    ) -> None:
        """A rule whose upper edge is ``top`` points below the page edge."""
        c = self.canvas
        c.setFillColorRGB(*color)
        c.rect(x0, self.page_h - top - thickness, x1 - x0, thickness, stroke=0, fill=1)


def page_number_text(n: int) -> str:
    return f"— {n} —"


def draw_page_number(ink: Ink, n: int, left: float, right: float, type_bottom: float) -> None:
    """GB/T 9704: 4号 half-width Song digits between em dashes, the dash 7 mm below the type
    area; odd pages at the right, even at the left, each one character in."""
    size = 14.0
    label = page_number_text(n)
    # The em dash sits about 0.3 em above the baseline; put it 7 mm below the type area.
    top = type_bottom + 7 * MM - (ink.fonts.face("song").ascent - 0.3) * size
    if n % 2:
        ink.right(right - size, top, label, "song", size)
    else:
        ink.text(left + size, top, label, "song", size)
