"""催报函 in GB/T 9704-2012 信函格式 (see shared/design/letters.md for every measure).

Type area 156 × 225 mm at 28 mm from the left and 37 mm from the top; body 3号 (16 pt) on a
grid of 22 lines of 28 characters. Page 1 carries the red sender's name and double lines and no
page number; later pages carry ``— N —``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tracker.domain.dates import format_cn
from tracker.domain.letters import LetterContent
from tracker.reports.pdf_draw import MM, Ink
from tracker.reports.pdf_text import break_lines

LEFT, TOP = 28 * MM, 37 * MM
TYPE_W, TYPE_H = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + TYPE_W, TOP + TYPE_H
BODY = 16.0  # 3号
TITLE = 22.0  # 2号
LEAD = TYPE_H / 22  # one grid line
PITCH = TYPE_W / 28  # one character on the grid
CS = PITCH - BODY  # the slightly tight tracking that fits 28 characters
SENDER_TOP = 30 * MM
SENDER_MAX = 30.0
LINE_W = 170 * MM
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass(frozen=True, slots=True)
class TLine:
    """One line of the flowing part (from 主送 down)."""

    x: float
    text: str
    role: str = "body"
    cs: float = CS
    keep: bool = False  # keep on the same page as the next line
    centre: float | None = None  # centred on this x instead of starting at ``x``


def paragraph_lines(ink: Ink, text: str, indent: float = 2 * PITCH) -> list[TLine]:
    """A body paragraph: first line indented two characters, lines justified to the grid.
    Letters of one batch share most paragraphs: each is set once per document."""
    key = ("paragraph", text, indent)
    if key not in ink.memo:
        ink.memo[key] = _set_paragraph(ink, text, indent)
    lines: list[TLine] = ink.memo[key]
    return lines


def _set_paragraph(ink: Ink, text: str, indent: float) -> list[TLine]:
    role = "hei" if _HEADING.match(text) else "kai" if _SUBHEADING.match(text) else "body"
    lines = break_lines(text, TYPE_W, ink.measure(role, BODY, CS), first_indent=indent)
    out = []
    for n, line in enumerate(lines):
        x = LEFT + (indent if n == 0 else 0)
        out.append(
            TLine(x, line.text, role, _justified(line.text, line.width, RIGHT - x, line.last))
        )
    return out


def _justified(text: str, natural: float, room: float, last: bool) -> float:
    visible = natural - CS
    if last or len(text) < 2 or visible >= room or room - visible > 2 * PITCH:
        return CS
    return CS + (room - visible) / (len(text) - 1)


def flow_lines(ink: Ink, letter: LetterContent) -> list[TLine]:
    lines = _wrapped(ink, f"{letter.addressee}：", 0)
    for p in letter.paragraphs:
        lines.extend(paragraph_lines(ink, p))
    lines = _keep_last(lines, 2)
    if letter.attachments:
        lines.append(TLine(LEFT, "", keep=True))
        lines.extend(replace(ln, keep=True) for ln in _attachment_lines(ink, letter.attachments))
    return lines + signature_lines(ink, letter)


def _wrapped(ink: Ink, text: str, indent: float) -> list[TLine]:
    return [
        TLine(LEFT + (indent if n == 0 else 0), ln.text)
        for n, ln in enumerate(break_lines(text, TYPE_W, ink.measure("body", BODY, CS), indent))
    ]


def _attachment_lines(ink: Ink, names: Sequence[str]) -> list[TLine]:
    label = "附件："
    hang = 2 * PITCH + ink.width(label, "body", BODY, CS)
    items = [names[0]] if len(names) == 1 else [f"{n}. {name}" for n, name in enumerate(names, 1)]
    out: list[TLine] = []
    for n, item in enumerate(items):
        room = RIGHT - (LEFT + hang)
        wrapped = break_lines(item, room, ink.measure("body", BODY, CS))
        for k, ln in enumerate(wrapped):
            if n == 0 and k == 0:
                out.append(TLine(LEFT + 2 * PITCH, label + ln.text))
            else:
                out.append(TLine(LEFT + hang, ln.text))
    return out


def _keep_last(lines: list[TLine], count: int) -> list[TLine]:
    """The signature never stands alone on a page: the last body lines go with it."""
    tail = [replace(ln, keep=True) for ln in lines[-count:]]
    return lines[:-count] + tail


def signature_lines(ink: Ink, letter: LetterContent) -> list[TLine]:
    date = format_cn(letter.letter_date)
    date_w = ink.width(date, "body", BODY, CS) - CS
    if letter.has_seal:
        # Date four characters in from the right; the name centred over it; two blank lines
        # above leave room for the seal, which presses on both.
        date_x = RIGHT - 4 * PITCH - date_w
        centre = date_x + date_w / 2
        sig = [
            TLine(LEFT, "", keep=True),
            TLine(LEFT, "", keep=True),
            TLine(LEFT, letter.signer, keep=True, centre=centre),
            TLine(date_x, date, keep=bool(letter.contact_line)),
        ]
    else:
        name_w = ink.width(letter.signer, "body", BODY, CS) - CS
        name_x = RIGHT - 2 * PITCH - name_w
        sig = [
            TLine(LEFT, "", keep=True),
            TLine(name_x, letter.signer, keep=True),
            TLine(min(name_x + 2 * PITCH, RIGHT - date_w), date, keep=bool(letter.contact_line)),
        ]
    if letter.contact_line:
        contact = _wrapped(ink, letter.contact_line, 2 * PITCH)
        sig.extend(_keep_last(contact, len(contact)))
        sig[-1] = replace(sig[-1], keep=False)
    return sig


def paginate(lines: list[TLine], first_top: float) -> list[list[tuple[float, TLine]]]:
    """Place lines on the grid; a run of ``keep`` lines moves to the next page whole."""
    pages: list[list[tuple[float, TLine]]] = [[]]
    top = first_top
    i = 0
    while i < len(lines):
        chain = _chain(lines, i)
        fits = top + chain * LEAD <= BOTTOM + 0.01
        if not fits and pages[-1] and chain <= 22:
            pages.append([])
            top = TOP
        pages[-1].append((top, lines[i]))
        top += LEAD
        if top + LEAD > BOTTOM + 0.01 and i + 1 < len(lines):
            pages.append([])
            top = TOP
        i += 1
    return pages


def _chain(lines: list[TLine], i: int) -> int:
    n = 1
    while lines[i + n - 1].keep and i + n < len(lines):
        n += 1
    return n
