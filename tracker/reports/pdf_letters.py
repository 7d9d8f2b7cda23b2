"""Rendering 催报函 (one or many, into one PDF): the letterhead, the flowing text, the name list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain.letters import LetterContent
from tracker.reports.pdf_draw import A4_W, MM, RED, Ink, draw_page_number
from tracker.reports.pdf_fonts import FontSet, default_fonts
from tracker.reports.pdf_letter import (
    BODY,
    BOTTOM,
    CS,
    LEAD,
    LEFT,
    LINE_W,
    RIGHT,
    SENDER_MAX,
    SENDER_TOP,
    TITLE,
    TOP,
    TYPE_W,
    TLine,
    flow_lines,
    paginate,
)
from tracker.reports.pdf_output import Cancelled, pdf_bytes, write_pdf
from tracker.reports.pdf_table import Column, Frame, Row, TableWriter
from tracker.reports.pdf_text import balanced_lines, title_words

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass
class RenderReport:
    pages: int = 0
    page_counts: list[int] = field(default_factory=list)  # per letter
    missing_chars: set[str] = field(default_factory=set)


def _double_line(ink: Ink, top: float, thick_first: bool) -> float:
    """A red double line 170 mm long, centred; returns its lower edge."""
    x0 = (A4_W - LINE_W) / 2
    thick, gap, thin = 0.8 * MM, 0.5 * MM, 0.25 * MM
    first, second = (thick, thin) if thick_first else (thin, thick)
    ink.hline(x0, x0 + LINE_W, top, first, RED, top + first + gap, second)
    return top + first + gap + second


def draw_letterhead(ink: Ink, letter: LetterContent) -> float:
    """Sender's name, red lines, number and title on page 1; returns the top of 主送."""
    size = SENDER_MAX
    while size > 12 and ink.width(letter.sender_name, "title", size) > TYPE_W:
        size -= 1
    ink.centred(A4_W / 2, SENDER_TOP, letter.sender_name, "title", size, color=RED)
    line_bottom = _double_line(ink, SENDER_TOP + size + 4 * MM, thick_first=True)
    _double_line(ink, ink.page_h - 20 * MM - 1.55 * MM, thick_first=False)
    number_top = line_bottom + BODY * 7 / 8
    ink.right(RIGHT, number_top, letter.number, "body", BODY)
    top = number_top + 3 * LEAD  # two blank lines between the number and the title
    for text in _title_lines(ink, letter.title):
        ink.centred(A4_W / 2, top, text, "title", TITLE)
        top += LEAD
    return top + LEAD  # one blank line under the title


def _title_lines(ink: Ink, title: str) -> list[str]:
    key = ("title", title)
    if key not in ink.memo:
        measure = ink.measure("title", TITLE)
        ink.memo[key] = balanced_lines(title, TYPE_W, measure, title_words(title))
    lines: list[str] = ink.memo[key]
    return lines


def _draw_line(ink: Ink, top: float, line: TLine) -> None:
    if line.centre is not None:
        ink.centred(line.centre, top, line.text, line.role, BODY, char_space=line.cs)
    else:
        ink.text(line.x, top, line.text, line.role, BODY, char_space=line.cs)


def draw_letter(ink: Ink, letter: LetterContent) -> int:
    """Draw one letter from a fresh page; returns its page count (the canvas ends on a
    finished page)."""
    c = ink.canvas
    first_top = draw_letterhead(ink, letter)
    pages = paginate(flow_lines(ink, letter), first_top)
    for n, placed in enumerate(pages, 1):
        if n > 1:
            draw_page_number(ink, n, LEFT, RIGHT, BOTTOM)
        for top, line in placed:
            _draw_line(ink, top, line)
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
        draw_page_number(ink, page[0], LEFT, RIGHT, BOTTOM)
        return Frame(LEFT, TOP, BOTTOM)

    draw_page_number(ink, page[0], LEFT, RIGHT, BOTTOM)
    ink.text(LEFT, TOP, "附件", "hei", BODY, char_space=CS)
    ink.centred(A4_W / 2, TOP + 2 * LEAD, letter.name_list_title, "title", TITLE)
    columns = [
        Column("序号", 12 * MM, "center"),
        Column("单位", 52 * MM),
        Column("报送事项", 32 * MM),
        Column("缺少的材料", 27 * MM),
        Column("原定时限", 33 * MM, "center"),
    ]
    rows = [
        Row((str(n), r.unit, r.items, r.missing, r.deadline))
        for n, r in enumerate(letter.name_list, 1)
    ]
    TableWriter(ink, columns, 12.0).draw(rows, Frame(LEFT, TOP + 4 * LEAD, BOTTOM), new_page)
    ink.canvas.showPage()
    return page[0]


def _build(
    letters: Sequence[LetterContent],
    fonts: FontSet,
    report: RenderReport,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> Callable[[Any], None]:
    def build(c: Any) -> None:
        ink = Ink(c, fonts)
        for n, letter in enumerate(letters, 1):
            if cancelled is not None and cancelled():
                raise Cancelled()
            pages = draw_letter(ink, letter)
            report.page_counts.append(pages)
            report.pages += pages
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
) -> RenderReport:
    """All ``letters`` into one PDF at ``path`` (each starts on a new page, pages numbered
    per letter)."""
    report = RenderReport()
    title = letters[0].title if len(letters) == 1 else f"催报函（{len(letters)}件）"
    fonts = fonts or default_fonts()
    build = _build(letters, fonts, report, progress, cancelled)
    write_pdf(path, build, title, fonts.face("body").name)
    return report


def letters_pdf(
    letters: Sequence[LetterContent],
    fonts: FontSet | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> tuple[bytes, RenderReport]:
    """The PDF in memory (previews; issuing, which then cuts it into each letter's file)."""
    report = RenderReport()
    title = letters[0].title if len(letters) == 1 else f"催报函（{len(letters)}件）"
    fonts = fonts or default_fonts()
    build = _build(letters, fonts, report, progress, cancelled)
    return pdf_bytes(build, title, fonts.face("body").name), report
