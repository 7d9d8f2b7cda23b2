"""A ruled table drawn row by row across pages, with its header row repeated on every page.

Cells wrap with the Chinese line breaker; group rows and total rows span the whole width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tracker.reports.pdf_draw import BLACK, Ink
from tracker.reports.pdf_text import break_lines


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float  # points
    align: str = "left"  # left, center or right


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    kind: str = "data"  # data, group (one spanning cell) or total (one spanning cell)


@dataclass(frozen=True)
class Frame:
    """Where the table may go on the current page: x of its left edge, and top/bottom in points
    from the top of the page."""

    left: float
    top: float
    bottom: float


NewPage = Callable[[], Frame]


def cell_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A cell's lines: its own line breaks kept, each part broken to ``width``, and no line
    left holding one character (``局`` alone under 河西区市场监管): the part is broken a little
    narrower instead."""
    out: list[str] = []
    for part in text.split("\n"):
        lines = [ln.text for ln in break_lines(part, width, measure)]
        narrower = width
        em = measure("中") or 1.0
        for _ in range(3):
            if len(lines) < 2 or _visible(lines[-1]) >= 2:
                break
            narrower -= em
            lines = [ln.text for ln in break_lines(part, narrower, measure)]
        out.extend(lines)
    return out


def _visible(line: str) -> int:
    return sum(ch not in "，。、；：）》”" for ch in line)


class TableWriter:
    def __init__(
        self, ink: Ink, columns: Sequence[Column], size: float, leading: float | None = None
    ) -> None:
        self.ink = ink
        self.columns = list(columns)
        self.size = size
        self.leading = leading or size * 1.35
        self.pad = size * 0.35
        self.width = sum(c.width for c in self.columns)

    def draw(self, rows: Sequence[Row], frame: Frame, new_page: NewPage) -> float:
        """Draw ``rows`` starting in ``frame``; returns the y below the table."""
        y = self._header(frame)
        for n, row in enumerate(rows):
            cells = self._wrap(row)
            height = self._height(cells)
            need = height
            if row.kind == "group" and n + 1 < len(rows):  # a group heading keeps a row with it
                need += self._height(self._wrap(rows[n + 1]))
            if y + need > frame.bottom + 0.01:
                frame = new_page()
                y = self._header(frame)
            self._row(frame.left, y, row, cells, height)
            y += height
        return y

    # -- pieces ----------------------------------------------------------------------
    def _wrap(self, row: Row) -> list[list[str]]:
        if row.kind != "data":
            role = "hei" if row.kind == "group" else "body"
            measure = self.ink.measure(role, self.size)
            return [
                [ln.text for ln in break_lines(row.cells[0], self.width - 2 * self.pad, measure)]
            ]
        measure = self.ink.measure("body", self.size)
        return [
            cell_lines(text, col.width - 2 * self.pad, measure)
            for col, text in zip(self.columns, row.cells, strict=True)
        ]

    def _height(self, cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * self.leading + 2 * self.pad

    def _header(self, frame: Frame) -> float:
        header = Row(tuple(c.title for c in self.columns))
        cells = []
        for col in self.columns:
            measure = self.ink.measure("hei", self.size)
            cells.append(
                [ln.text for ln in break_lines(col.title, col.width - 2 * self.pad, measure)]
            )
        height = self._height(cells)
        self._row(frame.left, frame.top, header, cells, height, role="hei", header=True)
        return frame.top + height

    def _row(
        self,
        left: float,
        top: float,
        row: Row,
        cells: list[list[str]],
        height: float,
        role: str = "body",
        header: bool = False,
    ) -> None:
        ink = self.ink
        if row.kind != "data":
            role = "hei" if row.kind == "group" else "body"
            self._box(left, top, self.width, height, shade=row.kind == "group")
            self._lines(left, top, self.width, cells[0], role, "left", height)
            return
        x = left
        for col, lines in zip(self.columns, cells, strict=True):
            self._box(x, top, col.width, height, shade=header)
            align = "center" if header else col.align
            self._lines(x, top, col.width, lines, role, align, height)
            x += col.width
        del ink

    def _lines(
        self,
        x: float,
        top: float,
        width: float,
        lines: list[str],
        role: str,
        align: str,
        height: float,
    ) -> None:
        ink = self.ink
        block = len(lines) * self.leading
        y = top + (height - block) / 2 + (self.leading - self.size) / 2
        for text in lines:
            if align == "center":
                ink.centred(x + width / 2, y, text, role, self.size)
            elif align == "right":
                ink.right(x + width - self.pad, y, text, role, self.size)
            else:
                ink.text(x + self.pad, y, text, role, self.size)
            y += self.leading

    def _box(self, x: float, top: float, w: float, h: float, shade: bool) -> None:
        c = self.ink.canvas
        y = self.ink.page_h - top - h
        c.setLineWidth(0.5)
        c.setStrokeColorRGB(*BLACK)
        if shade:
            c.setFillColorRGB(0.92, 0.92, 0.92)
            c.rect(x, y, w, h, stroke=1, fill=1)
            c.setFillColorRGB(*BLACK)
        else:
            c.rect(x, y, w, h, stroke=1, fill=0)
