"""The GB/T 9704 page: A4, the 156 × 225 mm type area 28 mm from the left and 37 mm from the
top, its grid of 22 lines of 28 characters, page numbers, red rules and the 样稿 mark.

Everything is in points, ``top`` measured downward from the page's upper edge (``Ink``'s
convention). Text of the flowing part sits on grid lines: line ``n`` (0-based) has its top at
``TOP + n * LEAD``.
"""

from __future__ import annotations

import math

from tracker.reports.pdf_draw import A4_H, A4_W, MM, RED, Ink, draw_page_number

LEFT, TOP = 28 * MM, 37 * MM
TYPE_W, TYPE_H = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + TYPE_W, TOP + TYPE_H
BODY = 16.0  # 3号
TITLE = 22.0  # 2号
LINES = 22
CHARS = 28
LEAD = TYPE_H / LINES  # one grid line (about 29 pt)
PITCH = TYPE_W / CHARS  # one character on the grid (about 15.8 pt)
CS = PITCH - BODY  # the slightly tight tracking that fits 28 characters
SEPARATOR_W = TYPE_W  # the 通报's red separator: as wide as the type area
LETTER_LINE_W = 170 * MM  # the 信函格式 double lines


def grid_top(line: int) -> float:
    """Top of grid line ``line`` (0 = the type area's first line)."""
    return TOP + line * LEAD


def next_grid_top(top: float) -> float:
    """The first grid line at or below ``top`` (text after a letterhead snaps to the grid)."""
    line = math.ceil((top - TOP) / LEAD - 1e-6)
    return grid_top(max(0, line))


def lines_left(top: float) -> int:
    """How many grid lines fit from ``top`` to the bottom of the type area."""
    return max(0, int((BOTTOM - top) / LEAD + 1e-6))


def lines_above(top: float, limit: float, size: float = BODY) -> int:
    """Grid lines from ``top`` whose characters (``size`` high) end above ``limit``."""
    return max(0, int((limit - size - top) / LEAD + 1e-6) + 1)


def double_line(ink: Ink, top: float, thick_first: bool, width: float = LETTER_LINE_W) -> float:
    """A red double line ``width`` long, centred (信函格式: thick over thin at the top, thin
    over thick at the bottom); returns its lower edge."""
    x0 = (A4_W - width) / 2
    thick, gap, thin = 0.8 * MM, 0.5 * MM, 0.25 * MM
    first, second = (thick, thin) if thick_first else (thin, thick)
    ink.hline(x0, x0 + width, top, first, RED, top + first + gap, second)
    return top + first + gap + second


def red_rule(ink: Ink, top: float, width: float = SEPARATOR_W, thickness: float = 0.5 * MM) -> None:
    """A single red line, centred (the general form's separator under the 发文字号)."""
    x0 = (A4_W - width) / 2
    ink.hline(x0, x0 + width, top, thickness, RED)


def page_number(ink: Ink, n: int) -> None:
    """``— n —`` 7 mm below the type area, odd pages right, even pages left."""
    draw_page_number(ink, n, LEFT, RIGHT, BOTTOM)


SAMPLE_MARK = "样稿"


def draw_sample_mark(ink: Ink) -> None:
    """样稿 across the page in light grey: a draft nobody mistakes for the issued letter."""
    c = ink.canvas
    face = ink.fonts.face("title")
    size = 150.0
    c.saveState()
    c.setFillColorRGB(0.80, 0.80, 0.80)
    c.translate(A4_W / 2, A4_H / 2)
    c.rotate(35)
    c.setFont(face.name, size)
    c.drawCentredString(0, -size * 0.35, SAMPLE_MARK)
    c.restoreState()
    c.setFillColorRGB(0, 0, 0)
