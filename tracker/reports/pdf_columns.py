"""Column widths that fit a table's content: fixed columns (序号, dates, phone numbers) as wide
as their longest cell, the text columns (单位, 报送事项, 缺少的材料) sharing the rest so each
row takes one line, or two when the page is too narrow — never a word cut short."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from tracker.reports.pdf_table import Column, Row
from tracker.reports.pdf_text import tokens

Measure = Callable[[str], float]


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
    may hold several lines, split on newlines), the ``flexible`` ones (indices) shrunk in
    order when everything does not fit."""
    data = [r for r in rows if r.kind == "data"]
    natural, least, typical = [], [], []
    for k, col in enumerate(columns):
        texts = [line for r in data for line in r.cells[k].split("\n")]
        sizes = sorted(measure(t) for t in texts)
        longest = sizes[-1] if sizes else 0.0
        typical.append((sizes[len(sizes) // 2] if sizes else 0.0) + 2 * pad)
        word = max((measure(tok) for t in texts for tok in tokens(t)), default=0.0)
        head = max((header_measure(tok) for tok in _header_words(col.title)), default=0.0)
        natural.append(max(longest, head) + 2 * pad)
        least.append(max(word, head) + 2 * pad)
    typical = [max(t, w) for t, w in zip(typical, least, strict=True)]
    widths = _share(natural, least, typical, total, flexible)
    return [replace(c, width=w) for c, w in zip(columns, widths, strict=True)]


def _header_words(title: str) -> list[str]:
    """Header words kept whole (已催报次数/最近催报 may break at the slash only)."""
    return [w for w in title.replace("/", "/\n").split("\n") if w]


def _share(
    natural: list[float],
    least: list[float],
    typical: list[float],
    total: float,
    flexible: Sequence[int],
) -> list[float]:
    fixed = sum(w for k, w in enumerate(natural) if k not in flexible)
    wanted = sum(w for k, w in enumerate(natural) if k in flexible)
    room = total - fixed
    if wanted <= room or not flexible:
        spare = max(0.0, room - wanted)
        return [w + (spare * w / wanted if k in flexible and wanted else 0.0)
                for k, w in enumerate(natural)]  # fmt: skip
    # Too wide: the widest columns give way first (a common cap), none below its typical
    # cell (the median: most rows keep one line there), then down to the longest word.
    for floors in (typical, least):
        lo, hi = 0.0, max(natural[k] for k in flexible)
        for _ in range(40):
            level = (lo + hi) / 2
            used = sum(max(floors[k], min(natural[k], level)) for k in flexible)
            lo, hi = (level, hi) if used < room else (lo, level)
        widths = [max(floors[k], min(w, lo)) if k in flexible else w for k, w in enumerate(natural)]
        if sum(widths) <= total + 0.5:
            return widths
    return widths
