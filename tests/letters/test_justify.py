"""Justified body lines as Word sets them: the spread goes between characters, never inside a
number or an e-mail address (2 0 2 3 spaced out reads as a typo) — measured in the PDF by
pdfium's glyph origins (pdfminer drops the spacing after the last glyph of each string)."""

from __future__ import annotations

import ctypes
from dataclasses import replace
from itertools import groupby, pairwise
from pathlib import Path

from tests.letters.test_letter_pdf import letter
from tracker.reports.gbt9704.frame import RIGHT
from tracker.reports.pdf_letters import write_letters

CITING = (
    "我局于2023年9月26日印发《晋城市市场监督管理局关于印发〈2023年世界标准日系列活动方案〉"
    "的通知》（晋市市监〔2023〕102号），要求于2023年9月20日前报送自查报告、于2023年10月8日"
    "前报送系列活动报名表。电子版发送至scjgbzhc@tj.gov.cn，纸质版寄送或送至晋城市城区凤台东街"
    "2199号。截至2023年11月15日，你单位尚未报送以下材料。"
)


def glyph_lines(path: Path) -> list[list[tuple[str, float]]]:
    """Page 1's characters as (text, origin x) per line, the line break's origin last."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    page = pdfium.PdfDocument(path)[0]
    text = page.get_textpage()
    found = []
    for i in range(text.count_chars()):
        x, y = ctypes.c_double(), ctypes.c_double()
        raw.FPDFText_GetCharOrigin(text.raw, i, x, y)
        found.append((text.get_text_range(i, 1), x.value, round(y.value, 1)))
    return [[(c, x) for c, x, _ in g] for _, g in groupby(found, key=lambda f: f[2])]


def test_justified_lines_keep_numbers_and_addresses_together(tmp_path: Path) -> None:
    out = tmp_path / "函.pdf"
    write_letters(out, [replace(letter(addressee="泽州县市场监督管理局"), paragraphs=(CITING,))])
    justified = [ln for ln in glyph_lines(out) if len(ln) > 20 and abs(ln[-1][1] - RIGHT) < 0.1]
    assert len(justified) >= 3
    spread = 0.0
    for line in justified:
        for (a, xa), (b, xb) in pairwise(line[:-1]):
            if a.isdigit() and b.isdigit():  # 8 pt digits at the grid's tracking (-0.2 pt)
                assert xb - xa < 8.05, ("".join(c for c, _ in line), a, b, xb - xa)
            elif not a.isascii() and not b.isascii():
                spread = max(spread, xb - xa - 16.0)
    assert spread > 0.5  # the lines were spread, between the Chinese characters
