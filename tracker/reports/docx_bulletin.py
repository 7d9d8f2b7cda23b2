"""上报情况通报 as a Word document: the same content and styles as its PDF (GB/T 9704's
general form), for an office that edits the text before it is signed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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
from tracker.reports.docx_common import (
    LEAD_PT,
    MM_PT,
    PITCH_PT,
    RED,
    TITLE_PT,
    TYPE_W_PT,
    Writer,
    border,
    docx_bytes,
    element,
    fix_widths,
    new_document,
    new_table,
    page_numbers,
    put,
    save_docx,
    signature,
    table_cell,
    text_width,
    title_lines,
)

TABLE_PT = TABLE_SIZE
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")


def masthead_size(text: str) -> float:
    """The largest size up to ``MASTHEAD_MAX`` at which the 标志 fits the type area."""
    return min(MASTHEAD_MAX, TYPE_W_PT / max(text_width(text), 1.0))


def bulletin_document(content: BulletinContent, fonts_dir: Path | None = None) -> Any:
    w = new_document(fonts_dir)
    first = w.doc.sections[0]
    page_numbers(w, first)
    if content.sample:
        w.run(first.header.paragraphs[0], "样稿", "hei", 16, color=RED)
    _head(w, content)
    _body(w, content)
    _signature(w, content)
    _attachment(w, content)
    _record(w, content)
    return w.doc


def _head(w: Writer, c: BulletinContent) -> None:
    size = masthead_size(c.masthead)
    # The 标志's upper edge 35 mm below the type area's top; its line is as tall as the type.
    w.para(c.masthead, "title", size=size, align="center", before=35 * MM_PT,
           color=RED, line=size * 1.15)  # fmt: skip
    number = w.para(c.number or " ", align="center", before=2 * LEAD_PT)
    border(
        number, "bottom", SEPARATOR_MM, RED, space_pt=11
    )  # 4 mm below the number, type-area wide
    w.lines(
        title_lines(c.title, c.title_words),
        "title",
        TITLE_PT,
        align="center",
        before=2 * LEAD_PT - 11,
    )
    w.para(f"{c.addressee}：", align="left", before=LEAD_PT)


def _body(w: Writer, c: BulletinContent) -> None:
    for text in c.paragraphs:
        role = "hei" if _HEADING.match(text) else "kai" if _SUBHEADING.match(text) else "body"
        w.para(text, role, indent_chars=2)
    w.para(f"附件：{c.attachment}", indent_chars=2, before=LEAD_PT)


def _signature(w: Writer, c: BulletinContent) -> None:
    signature(w, c.signer, c.bulletin_date, c.has_seal)


def _attachment(w: Writer, c: BulletinContent) -> None:
    label = w.para("附件", "hei", align="left")
    label.paragraph_format.page_break_before = True
    w.para(c.attachment, "title", size=TITLE_PT, align="center", before=LEAD_PT)
    w.para(line=LEAD_PT)
    _table(w, c)
    w.para(c.table_note, size=TABLE_PT, line=TABLE_PT * 1.5, before=6)


def _table(w: Writer, c: BulletinContent) -> None:
    table = new_table(w, TABLE_HEADERS, TABLE_MM, TABLE_PT)
    for row in c.table:
        values = (row.rank, row.unit, row.due, row.on_time, row.late, row.missing, row.rate,
                  row.on_time_rate, row.days_late)  # fmt: skip
        role = "hei" if row.unit == "合计" else "body"
        cells = table.add_row().cells
        for n, (cell, text) in enumerate(zip(cells, values, strict=True)):
            table_cell(w, cell, text, role, "left" if n == 1 else "center", TABLE_PT)
    fix_widths(table, TABLE_MM)


def _record(w: Writer, c: BulletinContent) -> None:
    """版记 at the bottom of the last even page (a section starting on an even page, its text
    aligned to the bottom), between rules: the outer ones thick, the inner ones thin. Its page
    keeps its number as in the PDF; a blank page Word adds before it is numbered too (Word
    cannot tell it is blank, the PDF leaves both unnumbered)."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    section = w.doc.add_section(WD_SECTION.EVEN_PAGE)
    put(section._sectPr, element("vAlign", val="bottom"))
    one = RECORD_SIZE  # one 4号 character
    lines = []
    if c.copy_to:
        lines.append(w.para(f"抄送：{c.copy_to}", size=one, align="left", left_chars=one / PITCH_PT,
                            right_chars=one / PITCH_PT))  # fmt: skip
    issued = w.para(size=one, align="left", left_chars=one / PITCH_PT)
    issued.paragraph_format.tab_stops.add_tab_stop(Pt(TYPE_W_PT - 2 * one), WD_TAB_ALIGNMENT.RIGHT)
    w.run(issued, f"{c.printer}\t{format_cn(c.printed_on)}印发", size=one)
    lines.append(issued)
    border(lines[0], "top", THICK_MM)
    for para in lines[1:]:
        border(para, "top", THIN_MM)
    border(lines[-1], "bottom", THICK_MM)


def bulletin_docx(content: BulletinContent, fonts_dir: Path | None = None) -> bytes:
    return docx_bytes(bulletin_document(content, fonts_dir))


def write_bulletin_docx(path: Path, content: BulletinContent) -> None:
    save_docx(bulletin_document(content), path)
