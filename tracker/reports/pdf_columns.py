"""Column widths that fit a table's content: fixed columns (序号, dates, phone numbers) as wide
as their longest cell, the text columns (单位, 报送事项, 缺少的材料) sharing the rest so that the
table takes the fewest lines — a unit's name on one line where the page allows, never a word
cut short."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from tracker.reports.pdf_table import Column, Row, cell_lines, header_words
from tracker.reports.pdf_text import tokens

Measure = Callable[[str], float]
# Widening steps tried for a column, in half-characters: a name needs several at once before
# it loses a line, so single steps alone would never see the gain.
_STEPS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48)


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[Row],
    total: float,
    measure: Measure,
    header_measure: Measure,
    pad: float,
    flexible: Sequence[int],
) -> list[Column]:
    """``columns`` with widths summing to ``total``: each as wide as its longest line (cells
    may hold several lines, split on newlines); when everything does not fit, the
    ``flexible`` ones (indices) share what the others leave so the table is as short as it
    can be, none narrower than its longest word."""
    data = [r for r in rows if r.kind == "data"]
    natural, least = [], []
    for k, col in enumerate(columns):
        texts = [line for r in data for t in r.column_texts(k) for line in t.split("\n")]
        longest = max((measure(t) for t in texts), default=0.0)
        word = max((measure(tok) for t in texts for tok in tokens(t, dates=True)), default=0.0)
        head = max((header_measure(tok) for tok in _header_words(col.title)), default=0.0)
        natural.append(max(longest, head) + 2 * pad)
        least.append(max(word, head) + 2 * pad)
    flex = [k for k in flexible if k < len(columns)]
    room = total - sum(w for k, w in enumerate(natural) if k not in flex)
    wanted = sum(natural[k] for k in flex)
    if wanted <= room or not flex:
        spare = max(0.0, room - wanted)
        widths = [w + (spare * w / wanted if k in flex and wanted else 0.0)
                  for k, w in enumerate(natural)]  # fmt: skip
    elif sum(least[k] for k in flex) >= room:
        widths = _capped(natural, least, room, flex)
    else:
        widths = _Shortest(data, natural, least, flex, measure, pad).widths(room)
    return [replace(c, width=w) for c, w in zip(columns, widths, strict=True)]


def _header_words(title: str) -> list[str]:
    """Header words kept whole: jieba's (剩余 / 工作日, 逾期 / 天数: a column of digits need not
    be as wide as its header), never a piece of one character."""
    return header_words(title)


def _capped(natural: list[float], least: list[float], room: float, flex: list[int]) -> list[float]:
    """Not even the longest words fit: the widest flexible columns give way first (a common
    cap), none below its longest word."""
    lo, hi = 0.0, max(natural[k] for k in flex)
    for _ in range(40):
        level = (lo + hi) / 2
        used = sum(max(least[k], min(natural[k], level)) for k in flex)
        lo, hi = (level, hi) if used < room else (lo, level)
    return [max(least[k], min(w, lo)) if k in flex else w for k, w in enumerate(natural)]


class _Shortest:
    """Flexible widths that make the table the fewest lines: from each column's longest word,
    the room left goes step by step to the column (and widening) that saves the most lines a
    point; what no column can use is shared out in proportion."""

    def __init__(
        self,
        rows: Sequence[Row],
        natural: list[float],
        least: list[float],
        flex: list[int],
        measure: Measure,
        pad: float,
    ) -> None:
        self.plain = [r for r in rows if not r.parts]
        self.split = [r for r in rows if r.parts]
        self.natural, self.least, self.flex = natural, least, flex
        self.measure, self.pad = measure, pad
        self.step = max(measure("中") / 2, 1.0)
        self._cells: dict[tuple[str, float], int] = {}
        self._columns: dict[tuple[int, float], tuple[int, ...]] = {}

    def widths(self, room: float) -> list[float]:
        widths = [self.least[k] if k in self.flex else w for k, w in enumerate(self.natural)]
        left = room - sum(widths[k] for k in self.flex)
        now = self.lines(widths)
        while left >= self.step:
            best: tuple[tuple[float, float, float], int, tuple[int, int]] | None = None
            for k in self.flex:
                for n in _STEPS:
                    add = min(n * self.step, left, self.natural[k] - widths[k])
                    if add <= 0.01:
                        break
                    trial = list(widths)
                    trial[k] += add
                    lines = self.lines(trial)
                    # rows saved first; else cells saved (a row then needs one column less)
                    gain = ((now[0] - lines[0]) / add, (now[1] - lines[1]) / add, -add)
                    if gain[0] >= 0 and gain[:2] > (0, 0) and (best is None or gain > best[0]):
                        best = (gain, k, lines)
                    if add < n * self.step:
                        break  # reached the room or the column's natural width
            if best is None:
                break
            (_, _, minus), k, now = best
            widths[k] -= minus
            left += minus
        share = sum(widths[k] for k in self.flex)
        widths = [w + (left * w / share if k in self.flex else 0.0) for k, w in enumerate(widths)]
        return self._polished(widths)

    def _polished(self, widths: list[float]) -> list[float]:
        """Width moved from one flexible column to another while that saves lines (a name
        that needs more than the room left once the others had theirs)."""
        now = self.lines(widths)
        for _ in range(40):
            best: tuple[tuple[int, int], list[float]] | None = None
            for a in self.flex:
                for b in self.flex:
                    if a == b:
                        continue
                    for n in _STEPS:
                        move = min(n * self.step, widths[a] - self.least[a])
                        if move <= 0.01:
                            break
                        trial = list(widths)
                        trial[a] -= move
                        trial[b] += move
                        lines = self.lines(trial)
                        if lines < now and (best is None or lines < best[0]):
                            best = (lines, trial)
                        if move < n * self.step:
                            break
            if best is None:
                return widths
            now, widths = best
        return widths

    def lines(self, widths: list[float]) -> tuple[int, int]:
        """The table's lines (rows as tall as their tallest cell) and its cells' lines."""
        columns = [self._column(k, w) for k, w in enumerate(widths)]
        rows = sum(map(max, zip(*columns, strict=True))) if self.plain else 0
        cells = sum(map(sum, columns))
        for r in self.split:
            row, inner = self._split_lines(r, widths)
            rows, cells = rows + row, cells + inner
        return rows, cells

    def _lines(self, text: str, width: float) -> int:
        key = (text, round(width, 2))
        n = self._cells.get(key)
        if n is None:
            inner = width - 2 * self.pad
            n = self._cells[key] = len(cell_lines(text, inner, self.measure))
        return n

    def _column(self, k: int, width: float) -> tuple[int, ...]:
        key = (k, round(width, 2))
        found = self._columns.get(key)
        if found is None:
            found = self._columns[key] = tuple(self._lines(r.cells[k], width) for r in self.plain)
        return found

    def _split_lines(self, row: Row, widths: list[float]) -> tuple[int, int]:
        lead = len(row.cells)
        spanning = [self._lines(t, widths[k]) for k, t in enumerate(row.cells)]
        parts = [[self._lines(t, widths[lead + j]) for j, t in enumerate(p)] for p in row.parts]
        height = max(max(spanning), sum(max(p) for p in parts))
        return height, sum(spanning) + sum(map(sum, parts))
