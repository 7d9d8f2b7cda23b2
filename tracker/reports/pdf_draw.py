"""Drawing text on a reportlab canvas by its top edge, in page coordinates from the top-left.

Text is drawn with ``drawText`` (never parsed as markup), in font runs chosen by ``FontSet``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tracker.reports.pdf_fonts import Face, FontSet
from tracker.reports.pdf_text import latin_pairs

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
    # Widths of 1 pt text by (text, role): line breaking asks for the same pieces over and over.
    _widths: dict[tuple[str, str], float] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)  # e.g. a title's lines, per document
    _runs: dict[tuple[str, str], list[tuple[Face, str]]] = field(default_factory=dict)
    _code: dict[tuple[Any, ...], str] = field(default_factory=dict)  # a line's PDF operators

    def width(self, text: str, role: str, size: float, char_space: float = 0.0) -> float:
        key = (text, role)
        unit = self._widths.get(key)
        if unit is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            runs = self.fonts.runs(text, role)
            unit = sum(stringWidth(t, f.name, 1.0) for f, t in runs)
            self._widths[key] = unit
        return unit * size + char_space * len(text)

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
        latin_space: float | None = None,
    ) -> None:
        """``text`` from ``x``; ``latin_space``: the spacing inside Latin runs when it differs
        from ``char_space`` (a justified line)."""
        if not text:
            return
        c = self.canvas
        y = self.baseline(top, role, size)
        line_key = (text, role, size, char_space, color, latin_space)
        code = self._code.get(line_key)
        if code is not None:  # the same line again (letters of a batch): only the place differs
            from reportlab.lib.rl_accel import fp_str

            c._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {code}")
            return
        obj = c.beginText(x, y)
        if color != BLACK:
            obj.setFillColorRGB(*color)
        if char_space:
            obj.setCharSpace(char_space)
        key = (text, role)
        runs = self._runs.get(key)
        if runs is None:
            runs = self._runs[key] = self.fonts.runs(text, role)
        if latin_space is None:
            for face, run in runs:
                obj.setFont(face.name, size)
                obj.textOut(run)
        else:
            _spaced_runs(obj, runs, size, latin_pairs(text), char_space, latin_space)
        drawn = str(obj.getCode())
        c._code.append(drawn)
        # Reused only within this document: the subset codes and font resources it names were
        # registered by the first drawing.
        self._code[line_key] = drawn.split(" Tm ", 1)[1]

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
        self,
        x0: float,
        x1: float,
        top: float,
        thickness: float,
        color: tuple[float, ...],
        *more: float,
    ) -> None:
        """Rules ``x0``..``x1`` whose upper edge is ``top`` points below the page edge and
        ``thickness`` thick; ``more`` adds further (top, thickness) pairs in the same colour."""
        c = self.canvas
        c.setFillColorRGB(*color)
        rules = (top, thickness, *more)
        for t, h in zip(rules[::2], rules[1::2], strict=True):
            c.rect(x0, self.page_h - t - h, x1 - x0, h, stroke=0, fill=1)
        c.setFillColorRGB(*BLACK)  # text drawn later relies on the default black


def _spaced_runs(
    obj: Any,
    runs: list[tuple[Face, str]],
    size: float,
    inner: list[bool],
    space: float,
    latin_space: float,
) -> None:
    """Font runs drawn piece by piece, each character followed by ``latin_space`` when the
    next one continues its Latin run, else by ``space``."""
    at = 0
    current: float | None = None
    for face, run in runs:
        obj.setFont(face.name, size)
        start = 0
        for k in range(len(run)):
            want = latin_space if inner[at + k] else space
            if want != current:
                if k > start:
                    obj.textOut(run[start:k])
                obj.setCharSpace(want)
                current, start = want, k
        obj.textOut(run[start:])
        at += len(run)


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
