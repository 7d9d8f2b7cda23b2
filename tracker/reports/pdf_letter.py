"""The flowing part of a 催报函 (主送 to 附注) in GB/T 9704-2012 信函格式, built from the shared
page pieces in ``tracker.reports.gbt9704`` (see shared/design/letters.md for every measure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tracker.domain.letters import LetterContent
from tracker.reports.gbt9704.body import BodyLine, numbered, set_paragraph, wrapped
from tracker.reports.gbt9704.frame import BODY, CS, LEFT, PITCH, RIGHT
from tracker.reports.gbt9704.signature import signature_lines as signature
from tracker.reports.pdf_draw import Ink
from tracker.reports.pdf_text import break_lines

TLine = BodyLine  # the name the letter code grew up with
KEEP_WITH_SIGNATURE = 2  # body lines that always go with the 落款


def paragraph_lines(
    ink: Ink, text: str, indent: float = 2 * PITCH, tighten: bool = False
) -> list[BodyLine]:
    """A body paragraph, set once per document (letters of one batch share most of them)."""
    key = ("paragraph", text, indent, tighten)
    if key not in ink.memo:
        ink.memo[key] = set_paragraph(ink, text, indent, tighten=tighten)
    lines: list[BodyLine] = ink.memo[key]
    return lines


def flow_lines(ink: Ink, letter: LetterContent, compact: bool = False) -> list[BodyLine]:
    """主送 to 附注 as lines. ``compact`` (a letter a line or two too long for page 1): short
    last lines pulled up by tighter tracking, one blank line above a sealed 落款 instead of
    two (the seal's top still within a line of the body, as GB/T 9704 7.3.5.1 asks)."""
    lines = numbered(wrapped(ink, f"{letter.addressee}：", 0, clauses="、，"), 0)
    for n, p in enumerate(letter.paragraphs, 1):
        lines.extend(numbered(paragraph_lines(ink, p, tighten=compact), n))
    lines = _keep_last(lines, KEEP_WITH_SIGNATURE)
    if letter.attachments:
        lines.append(BodyLine(LEFT, "", keep=True))
        lines.extend(replace(ln, keep=True) for ln in _attachment_lines(ink, letter.attachments))
    return lines + signature_lines(ink, letter, compact)


def _attachment_lines(ink: Ink, names: Sequence[str]) -> list[BodyLine]:
    """附件：1. … with later items aligned under the first (a single one unnumbered)."""
    label = "附件："
    hang = 2 * PITCH + ink.width(label, "body", BODY, CS)
    items = [names[0]] if len(names) == 1 else [f"{n}. {name}" for n, name in enumerate(names, 1)]
    out: list[BodyLine] = []
    for n, item in enumerate(items):
        room = RIGHT - (LEFT + hang)
        for k, ln in enumerate(break_lines(item, room, ink.measure("body", BODY, CS))):
            if n == 0 and k == 0:
                out.append(BodyLine(LEFT + 2 * PITCH, label + ln.text))
            else:
                out.append(BodyLine(LEFT + hang, ln.text))
    return out


def _keep_last(lines: list[BodyLine], count: int) -> list[BodyLine]:
    """The signature never stands alone on a page: the last body lines go with it."""
    tail = [replace(ln, keep=True) for ln in lines[-count:]]
    return lines[:-count] + tail


def signature_lines(ink: Ink, letter: LetterContent, compact: bool = False) -> list[BodyLine]:
    """落款 and date (GB/T 9704 7.3.5), then the 附注 contact line, all kept together."""
    sig = [
        replace(ln, keep=True)
        for ln in signature(
            ink, letter.signer, letter.letter_date, letter.has_seal, seal_lines=1 if compact else 2
        )
    ]
    if letter.contact_line:
        contact = wrapped(ink, letter.contact_line, 2 * PITCH, clauses="，")
        sig.extend(replace(ln, keep=True) for ln in contact)
    sig[-1] = replace(sig[-1], keep=False)
    return sig
