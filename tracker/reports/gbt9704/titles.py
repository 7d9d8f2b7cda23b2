"""Titles broken into balanced lines, only between words (GB/T 9704 7.3.3: 词意完整，排列对称，
长短适宜，梯形或菱形).

The fewest lines that fit; among those, the break whose lines are closest to equal, preferring
the upper line at least as long as the lower (倒梯形) and breaks that leave no function word
(的、和、与、及) hanging at a line end or start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from tracker.reports.gbt9704.segment import word_cuts
from tracker.reports.pdf_text import NO_END, NO_START

Measure = Callable[[str], float]
_FUNCTION_WORDS = set("的和与及暨")
_BAD_END = ("关于",)
_BOOK_TITLE = re.compile(r"《[^》]*》")


def title_lines(text: str, width: float, measure: Measure, keep: Iterable[str] = ()) -> list[str]:
    """``text`` as centred title lines no wider than ``width``; never broken inside a word of
    jieba's or of ``keep`` (the notice's and requirements' titles) while any word-level break
    fits."""
    if not text or measure(text) <= width + 0.01:
        return [text] if text else []
    keep = (*_apart(text, tuple(keep)), *_BOOK_TITLE.findall(text))
    for cuts in (word_cuts(text, keep), word_cuts(text), _char_cuts(text)):
        lines = _balanced(text, sorted(cuts), width, measure)
        if lines is not None:
            return lines
    return [text]


def _apart(text: str, keep: tuple[str, ...]) -> list[str]:
    """The words that stand apart in ``text``: two that overlap without one holding the other
    (a campaign and an item sharing 活动) protect nothing; jieba decides there."""
    spans = {w: (text.find(w), text.find(w) + len(w)) for w in keep if w in text}

    def crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]

    return [w for w, sp in spans.items() if not any(crosses(sp, o) for o in spans.values())]


def _char_cuts(text: str) -> frozenset[int]:
    """Last resort (a word longer than a line): any break 禁则 allow."""
    return frozenset(
        k for k in range(1, len(text)) if text[k] not in NO_START and text[k - 1] not in NO_END
    )


def _balanced(text: str, cuts: Sequence[int], width: float, measure: Measure) -> list[str] | None:
    cuts = [k for k in cuts if text[k] not in NO_START and text[k - 1] not in NO_END]
    total = measure(text)
    for count in range(max(2, int(total // width) + 1), len(cuts) + 2):
        best = _best(text, cuts, count, width, measure)
        if best is not None:
            return best
    return None


def _best(
    text: str, cuts: Sequence[int], count: int, width: float, measure: Measure
) -> list[str] | None:
    """Exhaustive over break positions (titles are short): the lowest cost set of ``count - 1``
    cuts whose lines all fit."""
    em = measure("中") or 1.0
    target = measure(text) / count
    points = [0, *cuts, len(text)]
    memo: dict[tuple[int, int], tuple[float, list[str]] | None] = {}

    def best(i: int, left: int) -> tuple[float, list[str]] | None:
        key = (i, left)
        if key in memo:
            return memo[key]
        found: tuple[float, list[str]] | None = None
        ends = [len(points) - 1] if left == 1 else range(i + 1, len(points) - 1)
        for j in ends:
            line = text[points[i] : points[j]]
            w = measure(line)
            if w > width + 0.01:
                break
            rest = best(j, left - 1) if left > 1 else (0.0, [])
            if rest is None:
                continue
            cost = ((w - target) / em) ** 2 + _edge_cost(line) + rest[0]
            if rest[1]:
                cost += _shape_cost(w, measure(rest[1][0]), em, count)
            if found is None or cost < found[0]:
                found = (cost, [line, *rest[1]])
        memo[key] = found
        return found

    result = best(0, count)
    return result[1] if result else None


def _edge_cost(line: str) -> float:
    cost = 0.0
    if line[-1] in _FUNCTION_WORDS or line.endswith(_BAD_END):
        cost += 4.0
    if line[0] in _FUNCTION_WORDS:
        cost += 4.0
    return cost


def _shape_cost(upper: float, lower: float, em: float, count: int) -> float:
    """An upper line shorter than the next reads as a stub over a block (two lines); in three
    or more a diamond is fine, so only a two-line title pays for it."""
    if count == 2 and upper < lower - 0.5 * em:
        return 3.0 + (lower - upper) / em
    return 0.0
