"""Placing flowing lines on pages: grid lines, widow/orphan control, keep-with-next chains.

A page never ends with the first line of a paragraph alone (orphan) nor starts with its last
line alone (widow); a run of ``keep`` lines (the last body lines with the signature, the
attachment note) moves to the next page whole. When no allowed break fits a page — a chain
longer than a page — the page is simply filled. ``draw_line`` sets a placed line on the page
(letters and the 通报 alike: a justified line keeps the digits of 2023 together).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.reports.gbt9704.body import BodyLine
from tracker.reports.gbt9704.frame import BODY, LEAD, TOP, lines_left
from tracker.reports.pdf_draw import Ink

Placed = list[tuple[float, BodyLine]]


def break_allowed(lines: Sequence[BodyLine], i: int) -> bool:
    """May a new page start at line ``i``?"""
    if i <= 0 or i >= len(lines):
        return i <= 0
    if lines[i - 1].keep:
        return False
    para = lines[i].para
    if para < 0 or lines[i - 1].para != para:
        return True
    size = sum(1 for ln in lines if ln.para == para)
    first = next(k for k, ln in enumerate(lines) if ln.para == para)
    pos = i - first  # lines of the paragraph before the break
    return pos >= 2 and size - pos >= 2


def paginate(
    lines: Sequence[BodyLine], first_top: float, first_room: int | None = None
) -> list[Placed]:
    """``lines`` on grid lines from ``first_top`` on page 1 (``first_room`` lines there, by
    default down to the type area's bottom) and from ``TOP`` on later pages."""
    allowed = [break_allowed(lines, i) for i in range(len(lines) + 1)]
    pages: list[Placed] = []
    start, top = 0, first_top
    while start < len(lines):
        room = max(1, lines_left(top) if first_room is None or pages else first_room)
        end = min(len(lines), start + room)
        if end < len(lines):
            cut = next((k for k in range(end, start, -1) if allowed[k]), end)
            end = cut
        pages.append([(top + n * LEAD, ln) for n, ln in enumerate(lines[start:end])])
        start, top = end, TOP
    return pages or [[]]


def draw_line(ink: Ink, top: float, line: BodyLine) -> None:
    """One placed line: centred, justified with its Latin runs kept together, or plain."""
    if line.centre is not None:
        ink.centred(line.centre, top, line.text, line.role, BODY, char_space=line.cs)
    elif line.spacing is not None:
        space, latin = line.spacing
        ink.text(line.x, top, line.text, line.role, BODY, char_space=space, latin_space=latin)
    else:
        ink.text(line.x, top, line.text, line.role, BODY, char_space=line.cs)
