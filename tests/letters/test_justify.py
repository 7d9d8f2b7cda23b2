"""Justified body lines as Word sets them: the spread goes between characters, never inside a
number or an e-mail address (2 0 2 3 spaced out reads as a typo) — measured in the PDF by
pdfium's glyph origins (pdfminer drops the spacing after the last glyph of each string)."""

from __future__ import annotations

import ctypes
from dataclasses import replace
from datetime import date
from itertools import groupby, pairwise
from pathlib import Path

from tests.letters.test_letter_pdf import letter
from tracker.domain.bulletin import BulletinContent
from tracker.reports.gbt9704.frame import RIGHT
from tracker.reports.pdf_bulletin import bulletin_pdf
from tracker.reports.pdf_letters import write_letters

CITING = (
    "我局于2023年9月26日印发《晋城市市场监督管理局关于印发〈2023年世界标准日系列活动方案〉"
    "的通知》（晋市市监〔2023〕102号），要求于2023年9月20日前报送自查报告、于2023年10月8日"
    "前报送系列活动报名表。电子版发送至scjgbzhc@tj.gov.cn，纸质版寄送或送至晋城市城区凤台东街"
    "2199号。截至2023年11月15日，你单位尚未报送以下材料。"
)


def glyph_lines(path: Path, page_no: int = 0) -> list[list[tuple[str, float]]]:
    """A page's characters as (text, origin x) per line, the line break's origin last."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    page = pdfium.PdfDocument(path)[page_no]
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
    assert_spread_between_characters(glyph_lines(out))


ADDRESSEES = "各区市场监管局，市有关委办局，各专业标准化技术委员会，各有关技术机构"


def test_the_bulletin_body_keeps_numbers_together_too(tmp_path: Path) -> None:
    """The 通报 sets its body with the letters' pieces: the same justified lines."""
    counts = (
        "截至2026年12月1日，应报送64项，已报送48项（其中按时报送31项、逾期补报17项），"
        "上报率75.0%，按时报送率48.4%。"
    )  # the demo's line 2 was set 7 5 . 0 %
    content = BulletinContent(
        masthead="天津市市场监督管理委员会文件", number="津市场监管标准〔2026〕3号",
        title="关于2023年标准化研学行动有关材料报送情况的通报", addressee=ADDRESSEES,
        paragraphs=(counts, CITING), signer="天津市市场监督管理委员会",
        bulletin_date=date(2026, 12, 1), has_seal=True, table=(), table_note="",
        printer="天津市市场监督管理委员会办公室",
    )  # fmt: skip
    out = tmp_path / "通报.pdf"
    out.write_bytes(bulletin_pdf(content)[0])
    lines = glyph_lines(out)
    assert_spread_between_characters(lines)
    texts = ["".join(c for c, _ in ln).strip() for ln in lines]
    at = texts.index("各区市场监管局，市有关委办局，各专业标准化技术委员会，")
    assert texts[at + 1] == "各有关技术机构："  # 主送 broken between names (it was 各 / 有关)


def assert_spread_between_characters(lines: list[list[tuple[str, float]]]) -> None:
    justified = [ln for ln in lines if len(ln) > 20 and abs(ln[-1][1] - RIGHT) < 0.1]
    assert len(justified) >= 3
    spread = 0.0
    for line in justified:
        for (a, xa), (b, xb) in pairwise(line[:-1]):
            if a.isdigit() and b.isdigit():  # 8 pt digits at the grid's tracking (-0.2 pt)
                assert xb - xa < 8.05, ("".join(c for c, _ in line), a, b, xb - xa)
            elif not a.isascii() and not b.isascii():
                spread = max(spread, xb - xa - 16.0)
    assert spread > 0.5  # the lines were spread, between the Chinese characters


def test_a_contact_line_too_long_for_one_line_breaks_after_a_comma(tmp_path: Path) -> None:
    """The 附注 keeps each label with its value: 电子邮箱： / scjgbzhc@… read as cut off."""
    out = tmp_path / "函.pdf"
    write_letters(out, [letter()])
    texts = ["".join(c for c, _ in ln).strip() for ln in glyph_lines(out)]
    first = next(k for k, t in enumerate(texts) if t.startswith("（联系人"))
    assert texts[first] == "（联系人：苏文博，联系电话：27182054，"
    assert texts[first + 1] == "电子邮箱：scjgbzhc@tj.gov.cn）"
