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
        pieces.extend(text[pos : m.start()])
        pieces.append(m.group())
        pos = m.end()
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


_GOOD_AFTER = ("的", "和", "与", "及", "关于", "催报", "报送", "》", "年度", "工作")
_GOOD_BEFORE = ("《", "的函", "的通知")


def balanced_lines(text: str, width: float, measure: Measure, words: list[str]) -> list[str]:
    """Break a title into the fewest lines, as even as possible (a trapezoid, not a full line
    over a stub), only between ``words`` (a segmentation of ``text``), preferring to break after
    的/和/关于/》 and before 《/的函."""
    if measure(text) <= width:
        return [text]
    count = int(measure(text) // width) + 1
    while count <= len(words):
        result = _best_split(words, count, width, measure)
        if result is not None:
            return result
        count += 1
    return [text]


def _best_split(words: list[str], count: int, width: float, measure: Measure) -> list[str] | None:
    em = measure("中") or 1.0
    target = measure("".join(words)) / count
    memo: dict[tuple[int, int], tuple[float, list[str]] | None] = {}

    def best(start: int, left: int) -> tuple[float, list[str]] | None:
        key = (start, left)
        if key in memo:
            return memo[key]
        result: tuple[float, list[str]] | None = None
        for end in range(start + 1, len(words) + 1):
            if (left == 1) != (end == len(words)):
                continue
            line = "".join(words[start:end])
            w = measure(line)
            if w > width + 0.01:
                break
            cost = ((w - target) / em) ** 2 + (_break_penalty(words, end) if left > 1 else 0)
            rest = best(end, left - 1) if left > 1 else (0.0, [])
            if rest is not None and (result is None or cost + rest[0] < result[0]):
                result = (cost + rest[0], [line, *rest[1]])
        memo[key] = result
        return result

    found = best(0, count)
    return found[1] if found else None


def _break_penalty(words: list[str], end: int) -> float:
    before, after = "".join(words[:end]), "".join(words[end:])
    if before.endswith(_GOOD_AFTER) or after.startswith(_GOOD_BEFORE):
        return 0.0
    if _lone_cjk(words[end - 1]) or _lone_cjk(words[end]):
        return 6.0  # the segmenter did not know this word: a split here is likely mid-word
    return 1.5


def _lone_cjk(word: str) -> bool:
    return len(word) == 1 and _is_cjk(word)


def title_words(text: str) -> list[str]:
    """Segment a title into words so it never breaks inside one (uses pypinyin's phrases)."""
    from pypinyin.seg.mmseg import seg

    return _merge_words(tokens(text), list(seg.cut(text)))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _merge_words(pieces: list[str], words: list[str]) -> list[str]:
    """Join ``pieces`` (禁则 tokens) so that no word from ``words`` is cut."""
    cuts: set[int] = set()
    pos = 0
    for w in words:
        pos += len(w)
        cuts.add(pos)
    out: list[str] = []
    pos = 0
    buf = ""
    for piece in pieces:
        buf += piece
        pos += len(piece)
        if pos in cuts:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out
