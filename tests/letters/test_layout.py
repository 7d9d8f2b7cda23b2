"""GB/T 9704 pieces measured: titles broken between words and balanced, no one-character last
lines, widow/orphan control, one page for a one-item letter, the 样稿 mark, one 名单 row per
unit — read back from real PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.letters.pdfcheck import pages_text, words
from tracker.domain.letter_request import LetterRequest
from tracker.reports.gbt9704.body import BodyLine, set_paragraph
from tracker.reports.gbt9704.frame import CS, LEAD, LEFT, TOP, TYPE_W
from tracker.reports.gbt9704.pages import paginate
from tracker.reports.gbt9704.segment import word_cuts
from tracker.reports.gbt9704.titles import title_lines
from tracker.reports.pdf_draw import Ink
from tracker.reports.pdf_fonts import default_fonts
from tracker.reports.pdf_letters import write_letters
from tracker.services.bundle import Services

AS_OF = date(2023, 6, 28)
SEED_TITLES = [
    # (title, words the caller adds, the lines expected)
    ("关于催报2023年标准化研学行动阶段性总结的函", ("2023年标准化研学行动", "阶段性总结"),
     ["关于催报2023年标准化研学行动", "阶段性总结的函"]),
    ("关于催报2021年世界标准日系列活动亮点及总结的函",
     ("2021年世界标准日系列活动", "活动亮点及总结"),
     ["关于催报2021年世界标准日", "系列活动亮点及总结的函"]),
    ("晋城市市场监督管理局关于印发《2021年世界标准日系列活动方案》的通知", (),
     ["晋城市市场监督管理局关于印发", "《2021年世界标准日系列活动方案》的通知"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def ink() -> Ink:
    return Ink(None, default_fonts())


@pytest.mark.parametrize(("title", "keep", "expected"), SEED_TITLES)
def test_seed_titles_break_between_words(ink: Ink, title: str, keep: tuple, expected: list) -> None:
    lines = title_lines(title, TYPE_W, ink.measure("title", 22.0), keep)
    assert lines == expected
    cuts = word_cuts(title)
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in cuts, f"broken inside a word at {line!r}"


def test_a_two_line_title_is_not_a_stub_over_a_block(ink: Ink) -> None:
    title = "关于催报世界标准日活动总结、阶段性总结和年度总结等材料的函"
    upper, lower = title_lines(title, TYPE_W, ink.measure("title", 22.0))
    measure = ink.measure("title", 22.0)
    assert measure(upper) >= measure(lower) - 22.0 * 3
    assert not upper.endswith(("的", "和", "、和"))


def test_no_paragraph_ends_with_one_character(ink: Ink) -> None:
    # 56 characters with a two-character indent: 26 + 28 on two lines leave 料：alone
    text = "截至2023年6月28日，你单位尚未报送阶段性总结的电子版和纸质版，请尽快补报上述全部材料："
    lines = set_paragraph(ink, text)
    last = lines[-1].text
    assert sum(ch not in "，。：；）" for ch in last) >= 2 or len(lines) == 1
    assert all(abs(ln.cs - CS) <= 0.6 + 1e-9 or not ln.text for ln in lines[-1:])
    assert "".join(ln.text for ln in lines) == text


def test_widow_and_orphan_lines_never_stand_alone() -> None:
    para = [BodyLine(LEFT, f"p{n}", para=n // 3) for n in range(30)]  # 10 three-line paragraphs
    pages = paginate(para, TOP)
    for placed in pages[:-1]:
        firsts = [ln for _, ln in placed]
        by_para = {ln.para for ln in firsts}
        for p in by_para:
            on_page = sum(1 for ln in firsts if ln.para == p)
            assert on_page >= 2, f"paragraph {p} has one line on a page"
    assert sum(len(p) for p in pages) == 30
    assert all(top <= TOP + 21 * LEAD + 0.01 for p in pages for top, _ in p)


def test_one_item_letter_fits_one_page(overdue_ledger: Services, tmp_path: Path) -> None:
    sv = overdue_ledger
    one = LetterRequest(as_of=AS_OF, letter_date=AS_OF, unit_ids=(sv.units.resolve("河西局").id,))
    result = sv.letters.issue(one)
    assert [x.pages for x in result.letters] == [1]
    path = tmp_path / "letter.pdf"
    path.write_bytes(sv.letters.letter_pdf(result.letters[0]))
    ws = words(path)
    assert {w.page for w in ws} == {1}
    lowest = max(w.top_mm for w in ws if w.size == 16.0)
    assert lowest < 277 - 20 - 1.5  # above the lower red double line
    contact = next(w for w in ws if w.text.startswith("（联系人"))
    assert contact.text.endswith("）")  # one line: the address is already in the body
    body = "".join(pages_text(path)).replace("\n", "")
    assert "我委于2023年5月20日印发" in body
    assert "1. " not in body  # a single item is not numbered


def test_preview_is_a_sample_with_the_number_left_blank(
    overdue_ledger: Services, tmp_path: Path
) -> None:
    drafts = overdue_ledger.letters.drafts(LetterRequest(as_of=AS_OF, letter_date=AS_OF))
    out = tmp_path / "样稿.pdf"
    write_letters(out, [d.content for d in drafts])
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            big = "".join(c["text"] for c in page.chars if c["size"] > 100)
            assert big == "样稿", "样稿 mark missing on a page"
    texts = pages_text(out)
    assert all("〔2023〕" in t for t in texts[:1])
    numbers = [w.text for w in words(out) if w.text.startswith("津市场监管标准函〔2023〕")]
    assert numbers and all(n.endswith("〕\u3000号") or n.endswith("〕 号") for n in numbers)
    issued = overdue_ledger.letters.issue(LetterRequest(as_of=AS_OF, letter_date=AS_OF))
    reprint = tmp_path / "reprint.pdf"
    reprint.write_bytes(overdue_ledger.letters.letter_pdf(issued.letters[0]))
    with pdfplumber.open(reprint) as pdf:
        assert not any(c["size"] > 100 for c in pdf.pages[0].chars)


def test_category_letter_lists_each_unit_once(overdue_ledger: Services, tmp_path: Path) -> None:
    req = LetterRequest(as_of=AS_OF, letter_date=AS_OF, mode="category", categories=("区局",))
    drafts = overdue_ledger.letters.drafts(req)
    content = drafts[0].content
    units = [r.unit for r in content.name_list]
    assert len(units) == len(set(units))
    assert f"仍有{len(units)}家单位" in "".join(content.paragraphs)
    out = tmp_path / "c.pdf"
    write_letters(out, [content])
    import re

    listed = "\n".join(pages_text(out)[1:])
    rows = re.findall(r"^\s*(\d+)\s+(\S+市场监管局)", listed, re.M)
    assert rows == [(str(n), u) for n, u in enumerate(units, 1)]


def test_a_long_name_and_an_extension_still_fit_one_page(
    overdue_ledger: Services, tmp_path: Path
) -> None:
    """A line or two too long for page 1: tighter tracking on short last lines and one blank
    line above the sealed 落款 (its seal's top still within a line of the body)."""
    from dataclasses import replace

    from tracker.reports.gbt9704.frame import lines_above
    from tracker.reports.pdf_letter import flow_lines
    from tracker.reports.pdf_letters import FIRST_PAGE_LIMIT, draw_letterhead

    sv = overdue_ledger
    unit = sv.units.resolve("河西局")
    oid = sv.ledger.find_obligation("河西局", "阶段性总结")
    sv.ledger.extend([oid], date(2023, 6, 25), "故障", on=date(2023, 6, 20))
    req = LetterRequest(as_of=AS_OF, letter_date=AS_OF, unit_ids=(unit.id,))
    name = "天津经济技术开发区（南港工业区）市场监督管理局标准化工作办公室"
    content = replace(sv.letters.drafts(req)[0].content, addressee=name)
    import io

    from reportlab.pdfgen.canvas import Canvas

    ink = Ink(Canvas(io.BytesIO()), default_fonts())
    room = lines_above(draw_letterhead(ink, content), FIRST_PAGE_LIMIT)
    assert len(flow_lines(ink, content)) > room  # as set normally it would not fit
    out = tmp_path / "one.pdf"
    assert write_letters(out, [content]).page_counts == [1]
    assert "已延期至2023年6月25日" in "".join(pages_text(out)).replace("\n", "")
