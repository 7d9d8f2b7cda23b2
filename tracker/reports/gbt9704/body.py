"""Body text on the GB/T 9704 grid: paragraphs indented two characters, lines justified to the
type area, and no paragraph ending in a line of one character (``料：``, ``日）。``).

Like Word, a paragraph whose last line would hold a single character is set again with slightly
tighter tracking (pulling it up), or else slightly looser (pushing a second character down),
within ``TRACKING_TOLERANCE`` points a character — about ±4 % of the pitch, invisible on paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from tracker.reports.gbt9704.frame import BODY, CS, LEFT, PITCH, RIGHT, TYPE_W
from tracker.reports.pdf_text import NO_END, NO_START, Line, break_lines, latin_pairs

TRACKING_TOLERANCE = 0.6  # points a character, either way
_STEP = 0.1
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")
_PUNCT = NO_START | NO_END | set(" ")


class Measurer(Protocol):
    def width(self, text: str, role: str, size: float, char_space: float = 0.0) -> float: ...


@dataclass(frozen=True, slots=True)
class BodyLine:
    """One line of flowing text, placed by ``pages.paginate``."""

    x: float
    text: str
    role: str = "body"
    cs: float = CS
    keep: bool = False  # stays on the same page as the next line
    centre: float | None = None  # centred on this x instead of starting at ``x``
    para: int = -1  # lines of one paragraph share a number (widow/orphan control); -1: none
    # A justified line's spacing as Word sets it: (between characters, inside a Latin run such
    # as 2023 or an e-mail address); None: every gap ``cs``. ``cs`` stays the even spread
    # that ends the line at the same place, for a drawer that knows only one spacing.
    spacing: tuple[float, float] | None = None


def heading_role(text: str) -> str:
    """一、 headings in 黑体, （一） in 楷体, everything else 仿宋."""
    return "hei" if HEADING.match(text) else "kai" if SUBHEADING.match(text) else "body"


def set_paragraph(
    ink: Measurer,
    text: str,
    indent: float = 2 * PITCH,
    role: str | None = None,
    *,
    tighten: bool = False,
) -> list[BodyLine]:
    """``text`` as justified lines, first one indented ``indent``; tracking nudged so the last
    line never holds a lone character. With ``tighten`` (a document a line too long for its
    page) a short last line is pulled up too when the tolerance allows."""
    role = role or heading_role(text)
    lines, cs = _broken(ink, text, indent, role, CS)
    if tighten and len(lines) > 1:
        for cs_try in _tracking_tries()[: round(TRACKING_TOLERANCE / _STEP)]:
            tried, _ = _broken(ink, text, indent, role, cs_try)
            if len(tried) < len(lines) and not _lone_last(tried):
                return [_placed(ink, ln, n, indent, role, cs_try) for n, ln in enumerate(tried)]
    if _lone_last(lines):
        for cs_try in _tracking_tries():
            tried, _ = _broken(ink, text, indent, role, cs_try)
            if not _lone_last(tried):
                lines, cs = tried, cs_try
                break
    return [_placed(ink, ln, n, indent, role, cs) for n, ln in enumerate(lines)]


def _tracking_tries() -> list[float]:
    steps = round(TRACKING_TOLERANCE / _STEP)
    tighter = [CS - k * _STEP for k in range(1, steps + 1)]
    looser = [CS + k * _STEP for k in range(1, steps + 1)]
    return tighter + looser  # pulling up first: one line fewer is what Word does too


def _broken(
    ink: Measurer, text: str, indent: float, role: str, cs: float
) -> tuple[list[Line], float]:
    def measure(t: str) -> float:
        return ink.width(t, role, BODY, cs)

    return break_lines(text, TYPE_W, measure, first_indent=indent), cs


def _lone_last(lines: list[Line]) -> bool:
    """The last line holds at most one character besides punctuation."""
    if len(lines) < 2:
        return False
    return sum(ch not in _PUNCT for ch in lines[-1].text) <= 1


def _placed(ink: Measurer, line: Line, n: int, indent: float, role: str, cs: float) -> BodyLine:
    x = LEFT + (indent if n == 0 else 0)
    even = _justified(ink, line, role, cs, RIGHT - x)
    return BodyLine(x, line.text, role, even, spacing=_spacing(line.text, cs, even))


def _spacing(text: str, cs: float, even: float) -> tuple[float, float] | None:
    """The spread of a justified line moved out of its Latin runs (digits of 2023 stay
    together, as in Word): they keep ``cs``, the other gaps take the rest."""
    inner = sum(latin_pairs(text)[:-1])
    gaps = len(text) - 1
    if even <= cs or not inner or inner == gaps:
        return None
    outer = (even * gaps - cs * inner) / (gaps - inner)
    return outer, cs


def _justified(ink: Measurer, line: Line, role: str, cs: float, room: float) -> float:
    """Tracking that makes a full line end at the right edge (the last line keeps ``cs``)."""
    if line.last or len(line.text) < 2:
        return cs
    glyphs = ink.width(line.text, role, BODY, 0.0)
    spare = room - glyphs
    if spare < 0 or spare - cs * (len(line.text) - 1) > 4 * PITCH:
        return cs  # a line cut short by a long Latin word (an address): do not spread it out
    return spare / (len(line.text) - 1)


def numbered(lines: list[BodyLine], para: int) -> list[BodyLine]:
    """The lines as one paragraph for widow/orphan control."""
    return [replace(ln, para=para) for ln in lines]


def wrapped(
    ink: Measurer, text: str, indent: float, role: str = "body", clauses: str = ""
) -> list[BodyLine]:
    """Lines of a non-body element (主送, 附注): broken, not justified, no tracking nudge;
    with ``clauses`` (``，``) broken after one of them when that takes no more lines, so a
    label keeps its value (电子邮箱：scjgbzhc@tj.gov.cn, not 电子邮箱： / scjgbzhc@…)."""

    def measure(t: str) -> float:
        return ink.width(t, role, BODY, CS)

    texts = [ln.text for ln in break_lines(text, TYPE_W, measure, indent)]
    if len(texts) > 1 and clauses:
        whole = _by_clauses(text, clauses, indent, measure)
        if whole is not None and len(whole) <= len(texts):
            texts = whole
    return [BodyLine(LEFT + (indent if n == 0 else 0), t, role) for n, t in enumerate(texts)]


def _by_clauses(
    text: str, ends: str, indent: float, measure: Callable[[str], float]
) -> list[str] | None:
    """``text`` filled clause by clause (each ending after one of ``ends``); None when a
    clause alone is wider than a line."""
    clauses = re.findall(rf"[^{ends}]+[{ends}]?|[{ends}]", text)
    lines: list[str] = []
    current, room = "", TYPE_W - indent
    for clause in clauses:
        if current and measure(current + clause) > room + 0.01:
            lines.append(current)
            current, room = "", TYPE_W
        if measure(current + clause) > room + 0.01:
            return None
        current += clause
    lines.append(current)
    return lines
