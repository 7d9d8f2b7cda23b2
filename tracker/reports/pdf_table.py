"""A ruled table drawn row by row across pages, with its header row repeated on every page.

Cells wrap with the Chinese line breaker; group rows and total rows span the whole width.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from tracker.reports.gbt9704.segment import word_cuts
from tracker.reports.pdf_draw import BLACK, Ink
from tracker.reports.pdf_text import break_lines, tokens

_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float  # points
    align: str = "left"  # left, center or right


@dataclass(frozen=True, slots=True)
class Row:
    """A table row. A data row with ``parts`` is set as sub-rows: its ``cells`` fill the first
    columns the whole row high (序号, 单位), each part one sub-row of the columns after them
    (one item a unit owes: 报送事项, 缺少的材料, 原定时限), ruled apart."""

    cells: tuple[str, ...]
    kind: str = "data"  # data, group (one spanning cell) or total (one spanning cell)
    parts: tuple[tuple[str, ...], ...] = ()

    def column_texts(self, k: int) -> list[str]:
        """Every text of column ``k`` (one per part in a split row)."""
        if k < len(self.cells):
            return [self.cells[k]]
        return [p[k - len(self.cells)] for p in self.parts]


@dataclass(frozen=True)
class Frame:
    """Where the table may go on the current page: x of its left edge, and top/bottom in points
    from the top of the page."""

    left: float
    top: float
    bottom: float


NewPage = Callable[[], Frame]


def cell_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A cell's lines: its own line breaks kept, each part broken to ``width`` with dates
    whole, after a 、 where that costs no extra line (电子版、 / 加盖公章), and no line left
    holding one character (``局`` alone under 河西区市场监管): the part is broken a little
    narrower instead."""
    out: list[str] = []
    for part in text.split("\n"):
        lines = _broken(part, width, measure)
        narrower = width
        em = measure("中") or 1.0
        for _ in range(3):
            if len(lines) < 2 or _visible(lines[-1]) >= 2:
                break
            narrower -= em
            lines = _broken(part, narrower, measure)
        out.extend(lines)
    return out


def _broken(part: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines = _by_words(part, width, measure)
    if len(lines) > 1 and "、" in part:
        phrases = _by_phrases(part, width, measure)
        if phrases is not None and len(phrases) <= len(lines):
            return phrases
    return lines


def _by_words(part: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``part`` filled word by word (晋城市市场监督 / 管理局, never 监督管 / 理局); when a word
    alone is wider than the cell, the cell is broken between characters."""
    words = _words(part)
    if any(measure(w) > width + 0.01 for w in words):
        return [ln.text for ln in break_lines(part, width, measure, dates=True)]
    lines: list[str] = []
    current = ""
    for word in words:
        if current and measure(current + word) > width + 0.01:
            lines.append(current)
            current = ""
        current += word
    lines.append(current)
    return lines


def _words(part: str) -> list[str]:
    """The unbreakable pieces of a cell (dates whole, 禁则 glue) joined into jieba's words;
    a cell without two Chinese characters in a row (a date, a phone number) as it is."""
    pieces = tokens(part, dates=True)
    if not _HAN_PAIR.search(part):
        return pieces
    cuts = word_cuts(part)
    words: list[str] = []
    at = 0
    for piece in pieces:
        if words and at not in cuts:
            words[-1] += piece
        else:
            words.append(piece)
        at += len(piece)
    return words


def _by_phrases(part: str, width: float, measure: Callable[[str], float]) -> list[str] | None:
    """``part`` broken only after its 、 — None when one phrase alone is too wide."""
    lines: list[str] = []
    current = ""
    for phrase in re.findall(r"[^、]+、?|、", part):
        if measure(phrase) > width + 0.01:
            return None
        if current and measure(current + phrase) > width + 0.01:
            lines.append(current)
            current = ""
        current += phrase
    lines.append(current)
    return lines


def header_words(title: str) -> list[str]:
    """A header's pieces that stay whole: jieba's words, a ``/`` with the word before it, and
    no piece of one character (上报率, not 上报 / 率; 未报/ / 部分, not 未 / 报/部分)."""
    cuts = sorted(word_cuts(title) | {0, len(title)})
    words: list[str] = []
    for a, b in pairwise(cuts):
        piece = title[a:b]
        if words and (piece == "/" or (len(words[-1]) == 1 and words[-1] != "/")):
            words[-1] += piece
        else:
            words.append(piece)
    if len(words) > 1 and len(words[-1]) == 1:
        words[-2:] = [words[-2] + words[-1]]
    return words


def header_lines(title: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A header broken between its words (平均 / 逾期 / 天数, never 平均逾 / 期天数); a word
    wider than the column alone is broken by characters."""
    lines: list[str] = []
    for word in header_words(title):
        if lines and measure(lines[-1] + word) <= width + 0.01:
            lines[-1] += word
        elif measure(word) <= width + 0.01:
            lines.append(word)
        else:
            lines.extend(ln.text for ln in break_lines(word, width, measure))
    return lines or [""]


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
            if row.parts:
                height = self._split_height(row)
            else:
                cells = self._wrap(row)
                height = self._height(cells)
            need = height
            if row.kind == "group" and n + 1 < len(rows):  # a group heading keeps a row with it
                after = rows[n + 1]
                need += (
                    self._split_height(after) if after.parts else self._height(self._wrap(after))
                )
            if y + need > frame.bottom + 0.01:
                frame = new_page()
                y = self._header(frame)
            if row.parts:
                self._split_row(frame.left, y, row, height)
            else:
                self._row(frame.left, y, row, cells, height)
            y += height
        return y

    # -- rows in sub-rows ----------------------------------------------------------------
    def _cell(self, text: str, col: Column) -> list[str]:
        return cell_lines(text, col.width - 2 * self.pad, self.ink.measure("body", self.size))

    def _part_heights(self, row: Row) -> list[float]:
        cols = self.columns[len(row.cells) :]
        return [
            self._height([self._cell(t, c) for t, c in zip(part, cols, strict=True)])
            for part in row.parts
        ]

    def _split_height(self, row: Row) -> float:
        lead = self.columns[: len(row.cells)]
        spanning = self._height([self._cell(t, c) for t, c in zip(row.cells, lead, strict=True)])
        return max(spanning, sum(self._part_heights(row)))

    def _split_row(self, left: float, top: float, row: Row, height: float) -> None:
        """The leading cells the whole row high, the parts stacked beside them (the last one
        taking any height the leading cells need beyond theirs)."""
        x = left
        split = len(row.cells)
        for col, text in zip(self.columns[:split], row.cells, strict=True):
            self._box(x, top, col.width, height, shade=False)
            self._lines(x, top, col.width, self._cell(text, col), "body", col.align, height)
            x += col.width
        heights = self._part_heights(row)
        heights[-1] += height - sum(heights)
        y = top
        for part, h in zip(row.parts, heights, strict=True):
            px = x
            for col, text in zip(self.columns[split:], part, strict=True):
                self._box(px, y, col.width, h, shade=False)
                self._lines(px, y, col.width, self._cell(text, col), "body", col.align, h)
                px += col.width
            y += h

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
        measure = self.ink.measure("hei", self.size)
        cells = [header_lines(col.title, col.width - 2 * self.pad, measure) for col in self.columns]
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
