"""落款 and 成文日期 (GB/T 9704 7.3.5), the same in a 催报函 and a 通报.

With a seal the date is four characters in from the right and the name centred over it, two
blank lines above leaving room for the seal (the app never draws one); without, the name two
characters in and the date on the next line two characters further right.
"""

from __future__ import annotations

from datetime import date

from tracker.domain.dates import format_cn
from tracker.reports.gbt9704.body import BodyLine, Measurer
from tracker.reports.gbt9704.frame import BODY, CS, LEFT, PITCH, RIGHT


def signature_lines(
    ink: Measurer, signer: str, day: date, has_seal: bool, seal_lines: int = 2
) -> list[BodyLine]:
    """The blank lines (``seal_lines`` of them above a sealed signature), name and date, kept
    together (the date line ends the chain)."""
    text = format_cn(day)
    date_w = ink.width(text, "body", BODY, CS) - CS
    if has_seal:
        date_x = RIGHT - 4 * PITCH - date_w
        centre = date_x + date_w / 2
        return [
            *(BodyLine(LEFT, "", keep=True) for _ in range(seal_lines)),
            BodyLine(LEFT, signer, keep=True, centre=centre),
            BodyLine(date_x, text),
        ]
    name_w = ink.width(signer, "body", BODY, CS) - CS
    name_x = RIGHT - 2 * PITCH - name_w
    return [
        BodyLine(LEFT, "", keep=True),
        BodyLine(name_x, signer, keep=True),
        BodyLine(min(name_x + 2 * PITCH, RIGHT - date_w), text),
    ]
