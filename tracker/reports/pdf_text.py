"""Chinese line breaking for the PDFs: character grid, 禁则, Latin words kept whole.

A line never starts with closing punctuation (，。）》…) and never ends with opening punctuation
(（《“…); a run of Latin letters or digits (an e-mail address, 2023, 27182054) is not split
unless it alone is wider than the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

NO_START = set("，。、；：！？）》」』】〕〗”’…—·％%,.;:!?)]}>")
NO_END = set("（《「『【〔〖“‘([{<")
_LATIN = re.compile(r"[A-Za-z0-9@._\-/:+#&=~%']+")
_LATIN_CHAR = re.compile(r"[A-Za-z0-9@._\-/:+#&=~%']")
# 2023年, 14号: a number and its unit stay together.
_NUMBER_UNIT = set("年月日号时分秒届期批次个家项件")


def latin_pairs(text: str) -> list[bool]:
    """For each character, whether it and the next one belong to one Latin run (2023,
    scjgbzhc@tj.gov.cn): justification never spreads those apart."""
    flags = [bool(_LATIN_CHAR.match(ch)) for ch in text]
    return [a and b for a, b in zip(flags, [*flags[1:], False], strict=True)]


Measure = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    width: float  # natural width, before justification
    last: bool  # the paragraph's last line (not justified)


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: one CJK character, or one Latin run, with 禁则 glue applied."""
    pieces: list[str] = []
    pos = 0
    for m in _LATIN.finditer(text):
        if m.start() < pos:
            continue
        pieces.extend(text[pos : m.start()])
        end = m.end()
        if m.group()[-1].isdigit() and end < len(text) and text[end] in _NUMBER_UNIT:
            end += 1
        pieces.append(text[m.start() : end])
        pos = end
    pieces.extend(text[pos:])
    return _glue(pieces)


def _glue(pieces: list[str]) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if out and piece[0] in NO_START and not carry:
            out[-1] += piece
            continue
        piece = carry + piece
        carry = ""
        if piece[-1] in NO_END:
            carry = piece
            continue
        out.append(piece)
    if carry:
        out.append(carry)
    return out


def break_lines(text: str, width: float, measure: Measure, first_indent: float = 0.0) -> list[Line]:
    """Greedy fill of ``text`` into lines ``width`` wide (the first ``first_indent`` narrower)."""
    lines: list[Line] = []
    current, used = "", 0.0
    room = width - first_indent
    for tok in tokens(text):
        w = measure(tok)
        if current and used + w > room + 0.01:
            lines.append(Line(current, used, False))
            current, used, room = "", 0.0, width
        if w > room + 0.01:  # a piece wider than a whole line: split it by characters
            for ch in tok:
                cw = measure(ch)
                if current and used + cw > room + 0.01:
                    lines.append(Line(current, used, False))
                    current, used, room = "", 0.0, width
                current += ch
                used += cw
            continue
        current += tok
        used += w
    lines.append(Line(current, used, True))
    return lines
