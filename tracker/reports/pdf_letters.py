"""Rendering 催报函 (one or many, into one PDF): the letterhead, the flowing text, the name list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain.letters import LetterContent, NameListItem, NameListRow
from tracker.reports.gbt9704.frame import (
    BODY,
    BOTTOM,
    CS,
    LEAD,
    LEFT,
    RIGHT,
    TITLE,
    TOP,
    TYPE_W,
    double_line,
    draw_sample_mark,
    lines_above,
    next_grid_top,
    page_number,
)
from tracker.reports.gbt9704.pages import draw_line, paginate
from tracker.reports.gbt9704.titles import title_lines
from tracker.reports.pdf_columns import fit_columns
from tracker.reports.pdf_draw import A4_H, A4_W, MM, RED, Ink
from tracker.reports.pdf_fonts import FontSet, default_fonts
from tracker.reports.pdf_letter import flow_lines
from tracker.reports.pdf_output import Cancelled, pdf_bytes, write_pdf
from tracker.reports.pdf_table import Column, Frame, Row, TableWriter

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
SENDER_TOP = 30 * MM  # 发文机关标志: upper edge 30 mm from the top of the paper
SENDER_MAX = 30.0
BOTTOM_LINE_TOP = A4_H - 20 * MM - 1.55 * MM  # the lower double line ends 20 mm above the edge
# 信函格式: text on page 1 may run down to 7/8 of a character above the lower double line.
FIRST_PAGE_LIMIT = BOTTOM_LINE_TOP - BODY * 7 / 8


@dataclass
class RenderReport:
    pages: int = 0  # pages in the PDF, blank duplex pages included
    page_counts: list[int] = field(default_factory=list)  # per letter, without the blank ones
    blanks: list[int] = field(default_factory=list)  # blank pages after each letter (duplex)
    missing_chars: set[str] = field(default_factory=set)


def draw_letterhead(ink: Ink, letter: LetterContent) -> float:
    """Sender's name, red lines, number and title on page 1; returns the grid line of 主送."""
    size = SENDER_MAX
    while size > 12 and ink.width(letter.sender_name, "title", size) > TYPE_W:
        size -= 1
    ink.centred(A4_W / 2, SENDER_TOP, letter.sender_name, "title", size, color=RED)
    line_bottom = double_line(ink, SENDER_TOP + size + 4 * MM, thick_first=True)
    double_line(ink, BOTTOM_LINE_TOP, thick_first=False)
    number_top = line_bottom + BODY * 7 / 8
    ink.right(RIGHT, number_top, letter.number, "body", BODY)
    top = number_top + 2 * LEAD  # the title two lines below the number (相距二行)
    for text in _title_lines(ink, letter):
        ink.centred(A4_W / 2, top, text, "title", TITLE)
        top += LEAD
    return next_grid_top(top + LEAD - TITLE + BODY)  # 主送 one line under the title


def _title_lines(ink: Ink, letter: LetterContent) -> list[str]:
    key = ("title", letter.title, letter.title_words)
    if key not in ink.memo:
        measure = ink.measure("title", TITLE)
        ink.memo[key] = title_lines(letter.title, TYPE_W, measure, letter.title_words)
    lines: list[str] = ink.memo[key]
    return lines


def _new_page(ink: Ink, letter: LetterContent) -> None:
    if letter.sample:
        draw_sample_mark(ink)


def draw_letter(ink: Ink, letter: LetterContent) -> int:
    """Draw one letter from a fresh page; returns its page count (the canvas ends on a
    finished page)."""
    c = ink.canvas
    _new_page(ink, letter)
    first_top = draw_letterhead(ink, letter)
    room = lines_above(first_top, FIRST_PAGE_LIMIT)
    lines = flow_lines(ink, letter)
    if room < len(lines) <= room + 3:  # nearly one page: make it one if GB/T 9704 allows
        compact = flow_lines(ink, letter, compact=True)
        if len(compact) <= room:
            lines = compact
    pages = paginate(lines, first_top, room)
    for n, placed in enumerate(pages, 1):
        if n > 1:
            _new_page(ink, letter)
            page_number(ink, n)
        for top, line in placed:
            draw_line(ink, top, line)
        c.showPage()
    count = len(pages)
    if letter.name_list:
        count = _draw_name_list(ink, letter, count)
    return count


def _draw_name_list(ink: Ink, letter: LetterContent, done: int) -> int:
    """附件: the units that owe, as a table starting on a new page."""
    page = [done + 1]

    def new_page() -> Frame:
        ink.canvas.showPage()
        page[0] += 1
        _new_page(ink, letter)
        page_number(ink, page[0])
        return Frame(LEFT, TOP, BOTTOM)

    _new_page(ink, letter)
    page_number(ink, page[0])
    ink.text(LEFT, TOP, "附件", "hei", BODY, char_space=CS)
    ink.centred(A4_W / 2, TOP + 2 * LEAD, letter.name_list_title, "title", TITLE)
    columns = [
        Column("序号", 12 * MM, "center"),
        Column("单位", 48 * MM),
        Column("报送事项", 32 * MM),
        Column("缺少的材料", 36 * MM),
        Column("原定时限", 28 * MM, "center"),
    ]
    rows = [_name_list_row(n, r) for n, r in enumerate(letter.name_list, 1)]
    size = 12.0
    fitted = fit_columns(
        columns, rows, TYPE_W, ink.measure("body", size), ink.measure("hei", size),
        size * 0.35, (3, 2, 1),
    )  # fmt: skip
    TableWriter(ink, fitted, size).draw(rows, Frame(LEFT, TOP + 4 * LEAD, BOTTOM), new_page)
    ink.canvas.showPage()
    return page[0]


def _name_list_row(n: int, row: NameListRow) -> Row:
    """One unit: its number and name, and each item it owes on a sub-row of its own (the
    notice's deadline, the unit's extension under it)."""
    owed = row.owed or (NameListItem(row.items, row.missing, row.deadline),)
    parts = tuple(
        (i.title, i.missing, i.deadline + (f"\n延期至{i.extended_to}" if i.extended_to else ""))
        for i in owed
    )
    if len(parts) == 1:
        return Row((str(n), row.unit, *parts[0]))
    return Row((str(n), row.unit), parts=parts)


def _build(
    letters: Sequence[LetterContent],
    fonts: FontSet,
    report: RenderReport,
    progress: Progress | None,
    cancelled: IsCancelled | None,
    duplex: bool,
) -> Callable[[Any], None]:
    def build(c: Any) -> None:
        ink = Ink(c, fonts)
        for n, letter in enumerate(letters, 1):
            if cancelled is not None and cancelled():
                raise Cancelled()
            pages = draw_letter(ink, letter)
            blank = pages % 2 if duplex and n < len(letters) else 0
            if blank:  # printed on both sides: the next letter starts on a fresh sheet
                c.showPage()
            report.page_counts.append(pages)
            report.blanks.append(blank)
            report.pages += pages + blank
            if progress is not None:
                progress(n, len(letters))
        report.missing_chars |= fonts.missing

    return build


def write_letters(
    path: Path,
    letters: Sequence[LetterContent],
    *,
    fonts: FontSet | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    duplex: bool = False,
) -> RenderReport:
    """All ``letters`` into one PDF at ``path`` (each starts on a new page, pages numbered
    per letter)."""
    report = RenderReport()
    title = letters[0].title if len(letters) == 1 else f"催报函（{len(letters)}件）"
    fonts = fonts or default_fonts()
    build = _build(letters, fonts, report, progress, cancelled, duplex)
    write_pdf(path, build, title, fonts.face("body").name)
    return report


def letters_pdf(
    letters: Sequence[LetterContent],
    fonts: FontSet | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    duplex: bool = False,
) -> tuple[bytes, RenderReport]:
    """The PDF in memory (previews; issuing, which then cuts it into each letter's file)."""
    report = RenderReport()
    title = letters[0].title if len(letters) == 1 else f"催报函（{len(letters)}件）"
    fonts = fonts or default_fonts()
    build = _build(letters, fonts, report, progress, cancelled, duplex)
    return pdf_bytes(build, title, fonts.face("body").name), report
