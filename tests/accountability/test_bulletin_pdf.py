"""The 通报's layout measured from its PDF (GB/T 9704 general form): the red 标志 35 mm below
the type area's top, the centred number, the red separator, the title, 主送 and body on the
grid, the 附件 on its own page, page numbers, the 版记 at the bottom of the last even page,
every font embedded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from tests.accountability.scenario import AS_OF, NOTICE_A
from tests.letters.pdfcheck import fonts, page_sizes_mm, words
from tracker.domain.bulletin import BulletinContent
from tracker.domain.bulletin_request import BulletinRequest
from tracker.reports.gbt9704.frame import LEAD
from tracker.reports.pdf_bulletin import bulletin_pdf
from tracker.reports.pdf_draw import MM
from tracker.services.bundle import Services

LEAD_MM = LEAD / MM


@pytest.fixture
def content(office_scenario: Services) -> BulletinContent:
    sv = office_scenario
    req = BulletinRequest(sv.notices.resolve(NOTICE_A).id, AS_OF, bulletin_date=date(2023, 12, 4))
    return sv.bulletins.compose(req, "津市场监管标准〔2023〕20号")[0]


def render(content: BulletinContent, tmp_path: Path, name: str = "通报.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(bulletin_pdf(content)[0])
    return path


def red_rects(path: Path, page: int = 0) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        rects = pdf.pages[page].rects
        return [r for r in rects if r["non_stroking_color"] and r["non_stroking_color"][0] > 0.8
                and r["non_stroking_color"][1] < 0.1]  # fmt: skip


def masthead_width(path: Path) -> float:
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["size"] > 25 and c["size"] < 50]
        return max(c["x1"] for c in chars) - min(c["x0"] for c in chars)


def chars_colour(path: Path, text: str) -> tuple:
    with pdfplumber.open(path) as pdf:
        ch = next(c for c in pdf.pages[0].chars if c["text"] == text[0])
        return tuple(ch["non_stroking_color"])


def test_page_one_head_in_the_general_form(content: BulletinContent, tmp_path: Path) -> None:
    path = render(content, tmp_path)
    assert all(size == pytest.approx((210, 297), abs=0.5) for size in page_sizes_mm(path))
    p1 = [w for w in words(path) if w.page == 1]
    masthead = next(w for w in p1 if w.text == "天津市市场监督管理委员会文件")
    assert masthead.top_mm == pytest.approx(37 + 35, abs=1.0)  # 35 mm below the type area
    assert chars_colour(path, "天")[0] > 0.8  # red
    right = masthead.x_mm + masthead_width(path) / MM
    assert (masthead.x_mm + right) / 2 == pytest.approx(28 + 156 / 2, abs=0.5)  # on the type area
    number = next(w for w in p1 if w.text == "津市场监管标准〔2023〕20号")
    assert number.top_mm - (masthead.top_mm + masthead.size / MM) == pytest.approx(
        2 * LEAD_MM, abs=1.5
    )  # two lines below the 标志
    (rule,) = red_rects(path)
    assert rule["x0"] / MM == pytest.approx(28, abs=0.3)
    assert (rule["x1"] - rule["x0"]) / MM == pytest.approx(156, abs=0.3)  # type-area wide
    assert rule["top"] / MM - (number.top_mm + 16 / MM) == pytest.approx(4, abs=0.8)
    title = next(w for w in p1 if w.text.startswith("关于"))
    assert title.size == 22.0 and title.top_mm - rule["top"] / MM == pytest.approx(
        2 * LEAD_MM, abs=1.5
    )
    addressee = next(w for w in p1 if w.text.endswith("：") and "市场监管局" in w.text)
    assert addressee.x_mm == pytest.approx(28, abs=0.3)
    body = next(w for w in p1 if w.text.startswith("我委于"))
    assert body.x_mm == pytest.approx(28 + 2 * 156 / 28, abs=0.5)  # indented two characters
    assert (body.top_mm - 37) / LEAD_MM == pytest.approx(
        round((body.top_mm - 37) / LEAD_MM), abs=0.05
    )


def test_attachment_on_its_own_page_and_page_numbers(
    content: BulletinContent, tmp_path: Path
) -> None:
    path = render(content, tmp_path)
    found = words(path)
    last_body_page = next(w.page for w in found if w.text.startswith("附件："))
    label = next(w for w in found if w.text == "附件")
    assert label.page == last_body_page + 1  # the 附件 starts a new page
    assert (label.x_mm, label.top_mm) == (pytest.approx(28, abs=0.3), pytest.approx(37, abs=1))
    table_title = next(w for w in found if w.text == "上报情况排名表" and w.page == label.page)
    assert table_title.top_mm == pytest.approx(37 + 2 * LEAD_MM, abs=1.0)  # the third line
    assert any(w.text.startswith("名次") and w.page == label.page for w in found)
    for page in range(1, label.page + 1):
        number = next(w for w in found if w.page == page and w.text == f"— {page} —")
        assert number.top_mm > 37 + 225
        side = number.x_mm > 105
        assert side == bool(page % 2), f"page {page}: odd right, even left"
    assert all(f["emb"] == "yes" for f in fonts(path))


def test_record_at_the_bottom_of_the_last_even_page(
    content: BulletinContent, tmp_path: Path
) -> None:
    path = render(replace(content, copy_to="市标准化研究院"), tmp_path)
    found = words(path)
    pages = max(w.page for w in found)
    assert pages % 2 == 0
    printed = next(w for w in found if w.text.startswith("天津市市场监督管理委员会办公室"))
    assert printed.page == pages and "2023年12月4日印发" in printed.text
    assert printed.size == 14.0 and printed.x_mm == pytest.approx(28 + 14 / MM, abs=0.3)
    copy = next(w for w in found if w.text.startswith("抄送："))
    assert copy.page == pages and copy.top_mm < printed.top_mm
    with pdfplumber.open(path) as pdf:
        rules = sorted((r for r in pdf.pages[-1].rects if (r["x1"] - r["x0"]) / MM > 150),
                       key=lambda r: r["top"])  # fmt: skip
    heights = [round((r["bottom"] - r["top"]) / MM, 2) for r in rules]
    assert heights == [0.35, 0.25, 0.35]  # first and last thick, the middle thin
    assert rules[-1]["bottom"] / MM == pytest.approx(37 + 225 + 0.35, abs=0.3)


def test_the_record_page_is_even_and_numbered_as_the_standard_says(
    content: BulletinContent, tmp_path: Path
) -> None:
    """Tables of 1 to 59 units: the 附件 ending on an odd page (the 版记 page follows, numbered),
    on an even page with room (the 版记 below it), or on a full even page (a blank page, then
    the 版记 page; neither numbered). Every case must occur, each as the standard says."""
    seen: dict[str, int] = {}
    for units in range(1, 60):
        rows = content.table[:1] * units + content.table[-1:]
        data, report = bulletin_pdf(replace(content, table=rows))
        assert report.pages % 2 == 0
        last = report.pages
        if last - 1 not in report.numbered:
            kind = "blank before"
            assert report.numbered == list(range(1, last - 1))
        else:
            assert report.numbered == list(range(1, last + 1))
            kind = "own page" if report.record_alone else "shares page"
        if kind in seen:
            continue
        seen[kind] = units
        path = tmp_path / f"{units}.pdf"
        path.write_bytes(data)
        found = words(path)
        on_last = [w.text for w in found if w.page == last]
        assert any(t.startswith("天津市市场监督管理委员会办公室") for t in on_last)
        shown = [p for p in range(1, last + 1) if any(w.text == f"— {p} —" for w in found)]
        assert shown == report.numbered
        attachment = any(t.startswith(("1 市教委", "说明", "平均逾期")) for t in on_last)
        assert attachment == (kind == "shares page")
        if kind == "blank before":
            assert not [w for w in found if w.page == last - 1]  # the blank page
    assert set(seen) == {"own page", "shares page", "blank before"}, seen


def test_a_sample_is_marked_and_the_number_left_blank(
    office_scenario: Services, tmp_path: Path
) -> None:
    sv = office_scenario
    req = BulletinRequest(sv.notices.resolve(NOTICE_A).id, AS_OF)
    path = tmp_path / "样稿.pdf"
    path.write_bytes(sv.bulletins.preview_pdf(req))
    with pdfplumber.open(path) as pdf:
        marked = [{c["text"] for c in page.chars if c["size"] > 100} for page in pdf.pages]
    assert marked == [{"样", "稿"}] * len(marked)  # on every page
    number = next(w for w in words(path) if w.text.startswith("津市场监管标准"))
    assert number.text.replace(" ", "").replace("\u3000", "") == "津市场监管标准〔2023〕号"
