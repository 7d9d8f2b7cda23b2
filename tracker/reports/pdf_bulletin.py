"""上报情况通报 in GB/T 9704-2012's general form (公文的通用格式), on the shared page pieces of
``tracker.reports.gbt9704`` (see shared/design/letters.md for every measure).

Page 1: the red 发文机关标志 with its upper edge 35 mm below the type area's top, the 发文字号
centred two lines below it, a red separator as wide as the type area 4 mm under the number,
the title two lines below, 主送 one line under the title. The body flows on the 22 × 28 grid
to the 附件说明, 落款 and date; the 附件 (the ranking table) starts on a new page; the 版记
sits at the bottom of the last even page. Every page is numbered ``— N —`` except a blank page
before the 版记 page and, then, the 版记 page itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tracker.domain.bulletin import BulletinContent
from tracker.domain.dates import format_cn
from tracker.reports.bulletin_layout import (
    MASTHEAD_MAX,
    RECORD_SIZE,
    SEPARATOR_MM,
    TABLE_HEADERS,
    TABLE_MM,
    TABLE_SIZE,
    THICK_MM,
    THIN_MM,
)
from tracker.reports.gbt9704.body import BodyLine, numbered, set_paragraph, wrapped
from tracker.reports.gbt9704.frame import (
    BODY,
    BOTTOM,
    CS,
    LEAD,
    LEFT,
    PITCH,
    RIGHT,
    TITLE,
    TOP,
    TYPE_W,
    draw_sample_mark,
    next_grid_top,
    page_number,
)
from tracker.reports.gbt9704.pages import draw_line, paginate
from tracker.reports.gbt9704.signature import signature_lines
from tracker.reports.gbt9704.titles import title_lines
from tracker.reports.pdf_draw import BLACK, MM, RED, Ink
from tracker.reports.pdf_fonts import FontSet, default_fonts
from tracker.reports.pdf_output import pdf_bytes
from tracker.reports.pdf_table import Column, Frame, Row, TableWriter
from tracker.reports.pdf_text import break_lines

MASTHEAD_TOP = TOP + 35 * MM
CENTRE = LEFT + TYPE_W / 2  # 居中 is on the type area (28 mm left, 26 mm right)
KEEP_WITH_SIGNATURE = 2


@dataclass
class BulletinReport:
    pages: int = 0
    numbered: list[int] = field(default_factory=list)  # pages that carry a page number
    record_alone: bool = True  # the 版记 on a page of its own (not under the 附件's end)
    missing_chars: set[str] = field(default_factory=set)


def masthead_size(ink: Ink, text: str) -> float:
    size = MASTHEAD_MAX
    while size > 16 and ink.width(text, "title", size) > TYPE_W:
        size -= 0.5
    return size


def draw_head(ink: Ink, c: BulletinContent) -> float:
    """标志, 发文字号, separator and title on page 1; returns the grid line of 主送."""
    size = masthead_size(ink, c.masthead)
    ink.centred(CENTRE, MASTHEAD_TOP, c.masthead, "title", size, color=RED)
    ink.canvas.setFillColorRGB(*BLACK)  # a text object's colour outlives it
    number_top = MASTHEAD_TOP + size + 2 * LEAD  # 标志下空二行
    ink.centred(CENTRE, number_top, c.number, "body", BODY)
    rule_top = number_top + BODY + 4 * MM
    ink.hline(LEFT, RIGHT, rule_top, SEPARATOR_MM * MM, RED)  # as wide as the type area
    top = rule_top + 2 * LEAD  # 分隔线下空二行
    for text in title_lines(c.title, TYPE_W, ink.measure("title", TITLE), c.title_words):
        ink.centred(CENTRE, top, text, "title", TITLE)
        top += LEAD
    return next_grid_top(top + LEAD - TITLE + BODY)  # 主送 one line under the title


def flow_lines(ink: Ink, c: BulletinContent) -> list[BodyLine]:
    lines = numbered(wrapped(ink, f"{c.addressee}：", 0, clauses="、，"), 0)
    for n, text in enumerate(c.paragraphs, 1):
        lines.extend(numbered(set_paragraph(ink, text), n))
    tail = [replace(ln, keep=True) for ln in lines[-KEEP_WITH_SIGNATURE:]]
    lines = lines[:-KEEP_WITH_SIGNATURE] + tail
    lines.append(BodyLine(LEFT, "", keep=True))  # 附件说明 one line below the body
    lines.append(BodyLine(LEFT + 2 * PITCH, f"附件：{c.attachment}", keep=True))
    return lines + signature_lines(ink, c.signer, c.bulletin_date, c.has_seal)


class _Pages:
    """The page counter: numbers, the 样稿 mark, showPage."""

    def __init__(self, ink: Ink, c: BulletinContent, report: BulletinReport) -> None:
        self.ink, self.c, self.report = ink, c, report
        self.n = 0

    def start(self, numbered_page: bool = True) -> None:
        self.n += 1
        if self.c.sample:
            draw_sample_mark(self.ink)
        if numbered_page:
            page_number(self.ink, self.n)
            self.report.numbered.append(self.n)

    def finish(self) -> None:
        self.ink.canvas.showPage()
        self.report.pages = self.n


def draw_bulletin(ink: Ink, c: BulletinContent, report: BulletinReport) -> None:
    pages = _Pages(ink, c, report)
    first_top = draw_head_page(ink, c, pages)
    placed = paginate(flow_lines(ink, c), first_top)
    for n, page in enumerate(placed):
        if n:
            pages.finish()
            pages.start()
        for top, line in page:
            draw_line(ink, top, line)
    pages.finish()
    end = _draw_attachment(ink, c, pages)
    _draw_record(ink, c, pages, end)


def draw_head_page(ink: Ink, c: BulletinContent, pages: _Pages) -> float:
    pages.start()
    return draw_head(ink, c)


def _draw_attachment(ink: Ink, c: BulletinContent, pages: _Pages) -> float:
    """附件 on a new page: 附件 at the top left, its title on the third line, the table."""

    def new_page() -> Frame:
        pages.finish()
        pages.start()
        return Frame(LEFT, TOP, BOTTOM)

    pages.start()
    ink.text(LEFT, TOP, "附件", "hei", BODY, char_space=CS)
    ink.centred(CENTRE, TOP + 2 * LEAD, c.attachment, "title", TITLE)
    columns = [
        Column(title, mm * MM, "left" if title == "单位" else "center")
        for title, mm in zip(TABLE_HEADERS, TABLE_MM, strict=True)
    ]
    rows = [
        Row((r.rank, r.unit, r.due, r.on_time, r.late, r.missing, r.rate, r.on_time_rate,
             r.days_late))
        for r in c.table
    ]  # fmt: skip
    y = TableWriter(ink, columns, TABLE_SIZE).draw(rows, Frame(LEFT, TOP + 4 * LEAD, BOTTOM),
                                                   new_page)  # fmt: skip
    size = 10.5
    note = break_lines(c.table_note, TYPE_W, ink.measure("body", size))
    y += size
    if y + len(note) * size * 1.5 > BOTTOM:
        new_page()
        y = TOP
    for line in note:
        ink.text(LEFT, y, line.text, "body", size)
        y += size * 1.5
    return y


def _record_rows(c: BulletinContent) -> int:
    return 2 if c.copy_to else 1


def _draw_record(ink: Ink, c: BulletinContent, pages: _Pages, end: float) -> None:
    """版记 at the bottom of the last even page: the attachment's last page when it is even
    and has room, else the next even page (a blank unnumbered page before it if need be)."""
    height = _record_rows(c) * LEAD
    if pages.n % 2 == 0 and end + LEAD <= BOTTOM - height:
        _record(ink, c)
        pages.report.record_alone = False
        pages.finish()
        return
    pages.finish()
    blank = pages.n % 2 == 0  # the next page is odd: leave it blank, unnumbered
    if blank:
        pages.start(numbered_page=False)
        pages.finish()
    pages.start(numbered_page=not blank)
    _record(ink, c)
    pages.finish()


def _record(ink: Ink, c: BulletinContent) -> None:
    """抄送 and 印发机关/印发日期 in 4号, between rules: the outer thick, the inner thin; the last
    rule at the type area's bottom."""
    size, one = RECORD_SIZE, RECORD_SIZE
    thick, thin = THICK_MM * MM, THIN_MM * MM
    rows = _record_rows(c)
    top = BOTTOM - rows * LEAD
    ink.hline(LEFT, RIGHT, top - thick, thick, BLACK)
    if c.copy_to:
        ink.text(LEFT + one, top + (LEAD - size) / 2, f"抄送：{c.copy_to}", "body", size)
        top += LEAD
        ink.hline(LEFT, RIGHT, top - thin / 2, thin, BLACK)
    text_top = top + (LEAD - size) / 2
    ink.text(LEFT + one, text_top, c.printer, "body", size)
    ink.right(RIGHT - one, text_top, f"{format_cn(c.printed_on)}印发", "body", size)
    ink.hline(LEFT, RIGHT, BOTTOM, thick, BLACK)


def bulletin_pdf(
    content: BulletinContent, fonts: FontSet | None = None
) -> tuple[bytes, BulletinReport]:
    report = BulletinReport()
    fonts = fonts or default_fonts()

    def build(canvas: object) -> None:
        draw_bulletin(Ink(canvas, fonts), content, report)
        report.missing_chars |= fonts.missing

    return pdf_bytes(build, content.title, fonts.face("body").name), report
