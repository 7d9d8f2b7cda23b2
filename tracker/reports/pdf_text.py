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


_YEAR = re.compile(r"\d{4}年$")
_MONTH = re.compile(r"\d{1,2}月")
_DAY = re.compile(r"\d{1,2}日")


def tokens(text: str, dates: bool = False) -> list[str]:
    """Unbreakable pieces: one CJK character, or one Latin run, with 禁则 glue applied;
    ``dates``: a date (2021年10月29日, 6月30日) is one piece too (a table cell)."""
    pieces = _pieces(text)
    return _glue(_whole_dates(pieces) if dates else pieces)


def _whole_dates(pieces: list[str]) -> list[str]:
    """Pieces of a date joined: ``2021年`` ``10月`` ``29日`` -> ``2021年10月29日``."""
    out: list[str] = []
    for piece in pieces:
        prev = out[-1] if out else ""
        joins = (_YEAR.search(prev) and _MONTH.fullmatch(piece)) or (
            prev.endswith("月") and _MONTH.search(prev) and _DAY.fullmatch(piece)
        )
        if joins:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    pos = 0
    for m in _LATIN.finditer(text):
        if m.start() < pos:
            continue
        pieces.extend(text[pos : m.start()])
        end = m.end()
        if m.group()[-1].isdigit() and end < len(text) and text[end] in _NUMBER_UNIT:
            end += 1
        run = text[m.start() : end]
        if run[0] == "/" and run[1:2].isdigit():  # 2次/6月30日: the slash ends a line, if any
            pieces.append("/")
            run = run[1:]
        pieces.append(run)
        pos = end
    pieces.extend(text[pos:])
    return pieces


def _glue(pieces: list[str]) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if out and (piece[0] in NO_START or piece == "/") and not carry:
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


def break_lines(
    text: str, width: float, measure: Measure, first_indent: float = 0.0, dates: bool = False
) -> list[Line]:
    """Greedy fill of ``text`` into lines ``width`` wide (the first ``first_indent`` narrower);
    ``dates``: dates kept whole (see ``tokens``)."""
    lines: list[Line] = []
    current, used = "", 0.0
    room = width - first_indent
    for tok in tokens(text, dates):
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
