"""催报函 as a Word document (GB/T 9704 信函格式), the same content and styles as the PDF:
the red sender's name 30 mm from the top with the red double lines (thick over thin under it,
thin over thick 20 mm above the bottom edge on page 1), the number flush right, the balanced
title, body, 附件说明, 落款 and 附注; the name list on a new page; page 1 carries no number.
Several letters make one document, each a section of its own, numbered from 1."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tracker.domain.letters import LetterContent
from tracker.reports.docx_common import (
    LEAD_PT,
    RED,
    TITLE_PT,
    TYPE_W_PT,
    Writer,
    docx_bytes,
    element,
    fix_widths,
    new_document,
    new_table,
    no_grid,
    page_numbers,
    put,
    save_docx,
    signature,
    table_cell,
    text_width,
    title_lines,
)
from tracker.reports.gbt9704.body import heading_role

SENDER_MAX = 30.0
NAME_LIST_MM = (12, 48, 32, 36, 28)
NAME_LIST_HEADERS = ("序号", "单位", "报送事项", "缺少的材料", "原定时限")
NAME_LIST_SIZE = 12.0


def _title(letter: LetterContent) -> list[str]:
    return title_lines(letter.title, letter.title_words)


def letters_document(letters: Sequence[LetterContent], fonts_dir: Path | None = None) -> Any:
    from docx.enum.section import WD_SECTION

    w = new_document(fonts_dir)
    for n, letter in enumerate(letters):
        section = w.doc.sections[0] if n == 0 else w.doc.add_section(WD_SECTION.NEW_PAGE)
        _frame(w, section, letter)
        _letter(w, letter)
    return w.doc


def _frame(w: Writer, section: Any, letter: LetterContent) -> None:
    """Page 1's letterhead and lower double line in its own header and footer (no number);
    later pages numbered from 2."""
    from docx.shared import Mm

    section.different_first_page_header_footer = True
    section.header_distance = Mm(30)  # the 标志's upper edge 30 mm from the top of the paper
    section.footer_distance = Mm(20)  # the lower double line 20 mm above the bottom edge
    put(section._sectPr, element("pgNumType", start="1"))
    page_numbers(w, section)
    header = section.first_page_header
    header.is_linked_to_previous = False
    head = header.paragraphs[0]
    size = min(SENDER_MAX, TYPE_W_PT / max(text_width(letter.sender_name), 1.0))
    _centred(w, head, letter.sender_name, size)
    _rule(head, "bottom", "thickThinSmallGap", space=11)  # 4 mm under the name
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    foot = footer.paragraphs[0]
    _rule(foot, "top", "thinThickSmallGap", space=0)
    no_grid(foot)
    for part in (header, footer):
        part.paragraphs[0].paragraph_format.left_indent = Mm(-7)  # 170 mm lines, centred
        part.paragraphs[0].paragraph_format.right_indent = Mm(-7)
    if letter.sample:
        w.run(header.add_paragraph(), "样稿", "hei", 16, color=RED)


def _centred(w: Writer, para: Any, text: str, size: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    no_grid(para)
    w.run(para, text, "title", size, color=RED)


def _rule(para: Any, edge: str, style: str, space: int) -> None:
    """A red double line (信函格式), as wide as the paragraph."""
    bdr = put(para._p.get_or_add_pPr(), element("pBdr"))
    bdr.append(element(edge, val=style, sz="18", space=str(space), color=RED))


def _letter(w: Writer, letter: LetterContent) -> None:
    w.para(letter.number or " ", align="right")
    w.lines(_title(letter), "title", TITLE_PT, align="center", before=LEAD_PT)
    w.para(f"{letter.addressee}：", align="left", before=LEAD_PT)
    for text in letter.paragraphs:
        w.para(text, heading_role(text), indent_chars=2)
    if letter.attachments:
        names = letter.attachments
        items = [names[0]] if len(names) == 1 else [f"{n}. {x}" for n, x in enumerate(names, 1)]
        hang = 2 + text_width("附件：")
        for n, item in enumerate(items):
            w.para(("附件：" if n == 0 else "") + item, left_chars=2 if n == 0 else hang,
                   before=LEAD_PT if n == 0 else 0.0)  # fmt: skip
    signature(w, letter.signer, letter.letter_date, letter.has_seal)
    if letter.contact_line:
        w.para(letter.contact_line, indent_chars=2)
    if letter.name_list:
        _name_list(w, letter)


def _name_list(w: Writer, letter: LetterContent) -> None:
    label = w.para("附件", "hei", align="left")
    label.paragraph_format.page_break_before = True
    w.para(letter.name_list_title, "title", size=TITLE_PT, align="center", before=LEAD_PT)
    w.para(line=LEAD_PT)
    table = new_table(w, NAME_LIST_HEADERS, NAME_LIST_MM, NAME_LIST_SIZE)
    for n, row in enumerate(letter.name_list, 1):
        values = (str(n), row.unit, row.items, row.missing, row.deadline)
        for k, (cell, text) in enumerate(zip(table.add_row().cells, values, strict=True)):
            align = "center" if k in (0, 4) else "left"
            table_cell(w, cell, text, "body", align, NAME_LIST_SIZE)
    fix_widths(table, NAME_LIST_MM)


def letters_docx(letters: Sequence[LetterContent], fonts_dir: Path | None = None) -> bytes:
    return docx_bytes(letters_document(letters, fonts_dir))


def write_letters_docx(path: Path, letters: Sequence[LetterContent]) -> None:
    save_docx(letters_document(letters), path)
