"""The 通报 as .docx, read back with python-docx: the PDF's content, page and styles."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.accountability.scenario import AS_OF, NOTICE_A
from tracker.domain.bulletin_request import BulletinRequest
from tracker.reports.docx_bulletin import bulletin_docx
from tracker.reports.docx_common import _ORDER
from tracker.services.bundle import Services


@pytest.fixture
def doc(office_scenario: Services):
    sv = office_scenario
    req = BulletinRequest(sv.notices.resolve(NOTICE_A).id, AS_OF, bulletin_date=date(2023, 12, 4))
    content = sv.bulletins.compose(req, "津市场监管标准〔2023〕20号")[0]
    return content, Document(io.BytesIO(bulletin_docx(content)))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def east_asian(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_page_and_margins_of_gbt9704(doc) -> None:
    _, d = doc
    s = d.sections[0]
    got = [round(x.mm, 1) for x in (s.page_width, s.page_height, s.top_margin, s.left_margin,
                                     s.right_margin, s.bottom_margin)]  # fmt: skip
    assert got == [210, 297, 37, 28, 26, 35]
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "580"  # 22 lines
    tracking = d.styles["Normal"].element.rPr.find(qn("w:spacing"))
    assert tracking.get(qn("w:val")) == "-5"  # 156 mm / 28 characters of 16 pt: -0.24 pt each


def test_properties_in_the_order_word_requires(doc) -> None:
    _, d = doc
    parts = [d.element, d.styles.element, *(s.footer._element for s in d.sections)]
    for part in parts:
        for parent in part.iter():
            name = parent.tag.rsplit("}", 1)[-1]
            order = _ORDER.get(name)
            if order is None:
                continue
            seen = [c.tag.rsplit("}", 1)[-1] for c in parent]
            ranks = [order.index(t) for t in seen if t in order]
            assert ranks == sorted(ranks), (name, seen)


def test_the_same_content_in_the_same_order(doc) -> None:
    content, d = doc
    got = [t for t in texts(d) if t.strip()]
    assert got[0] == "天津市市场监督管理委员会文件"
    assert got[1] == "津市场监管标准〔2023〕20号"
    assert got[2].replace("\n", "") == content.title
    assert got[3] == "各区市场监管局，市有关委办局："
    assert got[4 : 4 + len(content.paragraphs)] == list(content.paragraphs)
    rest = got[4 + len(content.paragraphs) :]
    assert rest[:3] == ["附件：上报情况排名表", "天津市市场监督管理委员会", "2023年12月4日"]
    assert rest[3:5] == ["附件", "上报情况排名表"]
    assert rest[-1] == "天津市市场监督管理委员会办公室\t2023年12月4日印发"


def test_masthead_red_title_font_and_separator(doc) -> None:
    _, d = doc
    masthead, number = d.paragraphs[0], d.paragraphs[1]
    run = masthead.runs[0]
    assert str(run.font.color.rgb) == "DE0000"
    assert east_asian(run) == "黑体"  # 方正小标宋 is not installed here; Windows has 黑体
    assert run.font.size.pt <= 48 and masthead.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert masthead.paragraph_format.space_before.mm == pytest.approx(35, abs=0.1)
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "DE0000" and number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    body = d.paragraphs[4]
    assert east_asian(body.runs[0]) == "仿宋" and body.runs[0].font.size.pt == 16
    assert body.paragraph_format.first_line_indent.pt == pytest.approx(
        2 * 156 / 25.4 * 72 / 28, abs=0.1
    )


def test_attachment_on_a_new_page_with_the_ranking_table(doc) -> None:
    content, d = doc
    label = next(p for p in d.paragraphs if p.text == "附件")
    assert label.paragraph_format.page_break_before
    assert east_asian(label.runs[0]) == "黑体"
    (table,) = d.tables
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["名次", "单位", "应报"] and header[-1] == "平均逾期天数"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    assert [c.text for c in table.rows[1].cells][:2] == ["1", "市教委"]
    assert [c.text for c in table.rows[-1].cells][1:3] == ["合计", "7"]
    assert len(table.rows) == 1 + len(content.table)


def test_record_on_the_last_even_page(doc) -> None:
    _, d = doc
    first, record = d.sections
    assert record.start_type == WD_SECTION.EVEN_PAGE
    assert record._sectPr.find(qn("w:vAlign")).get(qn("w:val")) == "bottom"
    assert record.footer.is_linked_to_previous  # numbered as the PDF numbers it
    last = d.paragraphs[-1]
    borders = last._p.pPr.find(qn("w:pBdr"))
    assert borders.find(qn("w:top")) is not None and borders.find(qn("w:bottom")) is not None
    assert d.settings.odd_and_even_pages_header_footer
    odd, even = first.footer.paragraphs[0], first.even_page_footer.paragraphs[0]
    assert "PAGE" in odd._p.xml and odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert "PAGE" in even._p.xml and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.text.startswith("— ") and odd.text.endswith(" —")  # the number is a PAGE field
