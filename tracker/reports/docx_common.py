"""Word (.docx) versions of the printed documents: GB/T 9704's page, fonts, grid and page
numbers, so an office can edit a 通报 or a 催报函 before it is signed. python-docx loads only
when a document is written.

Measures follow the PDFs (``pdf_letter``): type area 156 × 225 mm at 28/37 mm, body 3号 on a
grid of 22 lines of 28 characters (Word's document grid), page numbers ``— N —`` in 4号 宋体,
odd pages right and even pages left, one character in.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError
from tracker.reports.pdf_fonts import windows_fonts_dir

MM_PT = 72 / 25.4
TYPE_W_PT = 156 * MM_PT
LEAD_PT = 225 * MM_PT / 22  # one grid line
PITCH_PT = TYPE_W_PT / 28  # one character
BODY_PT = 16.0
TITLE_PT = 22.0
RED = "DE0000"  # the PDFs' 公文红

# Fonts named in the document, best first: the first whose file this machine has, else the
# last (Windows always has it). Word substitutes a font the reader lacks.
_FONT_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "title": (("方正小标宋简体", "FZXBSJW.TTF"), ("黑体", "simhei.ttf")),
    "body": (("仿宋_GB2312", "仿宋_GB2312.ttf"), ("仿宋_GB2312", "FS_GB2312.ttf"),
             ("仿宋", "simfang.ttf")),
    "hei": (("黑体", "simhei.ttf"),),
    "kai": (("楷体_GB2312", "楷体_GB2312.ttf"), ("楷体", "simkai.ttf")),
    "song": (("宋体", "simsun.ttc"),),
}  # fmt: skip
LATIN = "Times New Roman"


def font_names(fonts_dir: Path | None = None) -> dict[str, str]:
    folder = fonts_dir or windows_fonts_dir()
    names = {}
    for role, choices in _FONT_CHOICES.items():
        found = [n for n, f in choices if folder is not None and (folder / f).is_file()]
        names[role] = found[0] if found else choices[-1][0]
    return names


def title_lines(title: str, words: Sequence[str]) -> list[str]:
    """A title broken as the PDFs break it (between words, balanced), measured by the grid
    with 5 % to spare: Word must never wrap a line on its own with a wider font."""
    from tracker.reports.gbt9704.titles import title_lines as balanced

    return balanced(title, TYPE_W_PT, lambda t: text_width(t) * TITLE_PT * 1.05, words)


def text_width(text: str) -> float:
    """Width in characters of the grid: CJK full, Latin letters and digits half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


# Child order the schema fixes (Word refuses a document whose properties are out of order).
_ORDER: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
            "lang", "eastAsianLayout", "specVanish", "oMath"),
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"),
}  # fmt: skip


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def put(parent: Any, child: Any) -> Any:
    """Insert ``child`` into ``parent`` where the schema wants it, replacing one of its kind."""
    name = _local(child.tag)
    for old in parent.findall(child.tag):
        parent.remove(old)
    order = _ORDER.get(_local(parent.tag), ())
    later = set(order[order.index(name) + 1 :]) if name in order else set()
    for n, existing in enumerate(parent):
        if _local(existing.tag) in later:
            parent.insert(n, child)
            return child
    parent.append(child)
    return child


def element(tag: str, **attrs: str) -> Any:
    """``<w:tag w:key="value" …/>``."""
    from docx.oxml import OxmlElement

    el = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(_qn(f"w:{key}"), value)
    return el


@dataclass
class Writer:
    """A document being built, with the role fonts it names."""

    doc: Any
    fonts: dict[str, str]

    def run(self, para: Any, text: str, role: str = "body", size: float = BODY_PT,
            color: str | None = None, bold: bool = False) -> Any:  # fmt: skip
        from docx.shared import Pt, RGBColor

        run = para.add_run(text)
        set_run_font(run, self.fonts[role])
        run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        if bold:
            run.font.bold = True
        return run

    def para(
        self,
        text: str = "",
        role: str = "body",
        *,
        size: float = BODY_PT,
        align: str = "justify",
        indent_chars: float = 0.0,
        left_chars: float = 0.0,
        right_chars: float = 0.0,
        before: float = 0.0,
        color: str | None = None,
        line: float | None = LEAD_PT,
        grid: bool | None = None,
    ) -> Any:
        """A paragraph; ``grid``: snapped to the document's character grid (default: only
        body-sized text, so a title or a table cell keeps its own spacing)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Pt

        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(0)
        if line is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(line)
        if indent_chars:
            fmt.first_line_indent = Pt(indent_chars * PITCH_PT)
        if left_chars:
            fmt.left_indent = Pt(left_chars * PITCH_PT)
        if right_chars:
            fmt.right_indent = Pt(right_chars * PITCH_PT)
        if not (size == BODY_PT if grid is None else grid):
            no_grid(p)
        if text:
            self.run(p, text, role, size, color)
        return p

    def lines(self, texts: Sequence[str], role: str, size: float, **kw: Any) -> Any:
        """One paragraph holding ``texts`` as lines (a balanced title)."""
        p = self.para(role=role, size=size, **kw)
        for n, text in enumerate(texts):
            run = self.run(p, text, role, size)
            if n + 1 < len(texts):
                run.add_break()
        return p


def no_grid(para: Any) -> None:
    """Keep ``para`` off the character grid (its characters are not 3号)."""
    put(para._p.get_or_add_pPr(), element("snapToGrid", val="0"))


def new_table(w: Writer, headers: Sequence[str], widths_mm: Sequence[float], size: float) -> Any:
    """A ruled table of fixed column widths, its header row (黑体) repeated on every page, cell
    margins of 1 mm as the PDFs' tables have (Word's default is 1.9 mm a side)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table = w.doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    margins = element("tblCellMar")
    for side in ("left", "right"):
        margins.append(element(side, w=str(round(1.0 * 56.7)), type="dxa"))  # twips
    put(table._tbl.tblPr, margins)
    table.rows[0]._tr.get_or_add_trPr().append(element("tblHeader", val="true"))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        table_cell(w, cell, text, "hei", "center", size)
    fix_widths(table, widths_mm)
    return table


def fix_widths(table: Any, widths_mm: Sequence[float]) -> None:
    from docx.shared import Mm

    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def table_cell(w: Writer, cell: Any, text: str, role: str, align: str, size: float) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    fmt.space_before = fmt.space_after = Pt(2)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Pt(0)
    no_grid(p)
    w.run(p, text, role, size)


def signature(w: Writer, signer: str, day: date, has_seal: bool) -> None:
    """落款 and 成文日期 as the PDFs set them (GB/T 9704 7.3.5): with a seal the date four
    characters in and the name centred over it, two lines above for the seal; without, the
    name two characters in and the date two characters further right."""
    from tracker.domain.dates import format_cn

    text = format_cn(day)
    name_w, date_w = text_width(signer), text_width(text)
    if has_seal:
        w.para(signer, align="right", right_chars=4 + (date_w - name_w) / 2, before=2 * LEAD_PT)
        w.para(text, align="right", right_chars=4)
    else:
        name_x = 28 - 2 - name_w
        w.para(signer, align="left", left_chars=name_x, before=LEAD_PT)
        w.para(text, align="left", left_chars=min(name_x + 2, 28 - date_w))


def set_run_font(run: Any, east_asian: str, latin: str = LATIN) -> None:
    from docx.oxml.ns import qn

    run.font.name = latin
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def new_document(fonts_dir: Path | None = None) -> Writer:
    """A4 with GB/T 9704's margins and grid, the Normal style in 3号 仿宋, odd/even footers."""
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(24)  # the page number's dash 7 mm below the type area
    _doc_grid(section)
    fonts = font_names(fonts_dir)
    _default_size(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = LATIN
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(_qn("w:eastAsia"), fonts["body"])
    _tracking(rpr, PITCH_PT - BODY_PT)
    ppr = normal.element.get_or_add_pPr()
    for tag in ("autoSpaceDE", "autoSpaceDN"):  # no extra gap around Latin text and digits
        put(ppr, element(tag, val="0"))
    doc.settings.odd_and_even_pages_header_footer = True
    return Writer(doc, fonts)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _tracking(rpr: Any, points: float) -> None:
    """Character spacing (w:spacing, in twentieths of a point)."""
    # Rounded down: 28 characters must fit the line, not 28 and a sliver.
    put(rpr, element("spacing", val=str(math.floor(points * 20))))


def _default_size(doc: Any) -> None:
    """The document's default size is 3号: Word measures the grid's pitch from it."""
    defaults = doc.styles.element.find(_qn("w:docDefaults"))
    rpr = defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    for tag in ("sz", "szCs"):
        put(rpr, element(tag, val=str(int(BODY_PT * 2))))


def _doc_grid(section: Any) -> None:
    """Word's line grid: 22 lines in the type area. The 28 characters a line come from the
    Normal style's tracking (a character grid is drawn differently by Word and WPS/LibreOffice:
    tracking reads the same everywhere)."""
    put(section._sectPr, element("docGrid", type="lines", linePitch=str(round(LEAD_PT * 20))))


def page_numbers(w: Writer, section: Any) -> None:
    """``— N —`` in 4号 宋体: odd pages at the right, even pages at the left, one character in."""
    _number_footer(w, section.footer, "right")
    _number_footer(w, section.even_page_footer, "left")


def _number_footer(w: Writer, footer: Any, side: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.paragraph_format.alignment = (
        WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    )
    indent = Pt(14)  # one 4号 character
    if side == "right":
        p.paragraph_format.right_indent = indent
    else:
        p.paragraph_format.left_indent = indent
    w.run(p, "— ", "song", 14)
    field = element("fldSimple", instr="PAGE")
    inner = w.run(p, "1", "song", 14)._element
    p._p.remove(inner)
    field.append(inner)
    p._p.append(field)
    w.run(p, " —", "song", 14)


def border(para: Any, edge: str, width_mm: float, color: str = "000000",
           space_pt: int = 0) -> None:  # fmt: skip
    """A rule above or below ``para`` (``edge``: top or bottom), as wide as the paragraph."""
    ppr = para._p.get_or_add_pPr()
    bdr = ppr.find(_qn("w:pBdr"))
    if bdr is None:
        bdr = put(ppr, element("pBdr"))
    size = str(max(2, round(width_mm * MM_PT * 8)))  # eighths of a point
    rule = element(edge, val="single", sz=size, space=str(space_pt), color=color)
    if edge == "top":  # top, left, bottom, right: the schema's order
        bdr.insert(0, rule)
    else:
        bdr.append(rule)


def save_docx(doc: Any, path: Path) -> None:
    """To a temporary file beside the target, then replaced: never half-written."""
    import tempfile

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".docx", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise TrackerError(f"无法写入“{path}”：{exc.strerror or exc}") from exc
    try:
        doc.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except PermissionError:
        raise TrackerError(
            f"无法写入“{path.name}”：文件可能正在 Word 或 WPS 中打开，请关闭后重试"
        ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def docx_bytes(doc: Any) -> bytes:
    import io

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
