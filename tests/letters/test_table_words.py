"""Table cells and headers broken between words, measured from real PDFs: the 通报's ranking
table printed 100. / 0% and 平均逾 / 期天数; the lists printed 监督管 / 理局."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber

from tracker.domain.bulletin import BulletinContent, RankTableRow
from tracker.reports.pdf_bulletin import bulletin_pdf
from tracker.reports.pdf_draw import Ink
from tracker.reports.pdf_fonts import default_fonts
from tracker.reports.pdf_table import header_lines


def page_words(path: Path, page: int) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [w["text"] for w in pdf.pages[page].extract_words(keep_blank_chars=False)]


def test_the_ranking_table_keeps_rates_and_header_words_whole(tmp_path: Path) -> None:
    rows = tuple(
        RankTableRow(str(n), unit, "2", "2", "0", "0", "100.0%", "100.0%", "1253.0")
        for n, unit in enumerate(["和平区市场监管局", "天津市产品质量监督检测技术研究院"], 1)
    )
    content = BulletinContent(
        masthead="天津市市场监督管理委员会文件", number="津市场监管标准〔2026〕3号",
        title="关于2023年标准化研学行动有关材料报送情况的通报", addressee="各区市场监管局",
        paragraphs=("现将报送情况通报如下。",), signer="天津市市场监督管理委员会",
        bulletin_date=date(2026, 12, 1), has_seal=True, table=rows, table_note="说明。",
        printer="天津市市场监督管理委员会办公室",
    )  # fmt: skip
    out = tmp_path / "通报.pdf"
    out.write_bytes(bulletin_pdf(content)[0])
    found = page_words(out, 1)  # the 附件 on page 2
    assert found.count("100.0%") == 4, found
    assert "0%" not in found and "100." not in found
    assert {"平均", "逾期", "天数", "补报", "上报率", "按时率"} <= set(found), found
    assert not {"平均逾", "期天数", "率", "逾", "报/部分"} & set(found)


def test_a_header_breaks_between_words_and_never_leaves_one_character() -> None:
    measure = Ink(None, default_fonts()).measure("hei", 12.0)
    em = measure("中")
    assert header_lines("平均逾期天数", 3 * em, measure) == ["平均", "逾期", "天数"]
    assert header_lines("平均逾期天数", 4 * em, measure) == ["平均逾期", "天数"]
    assert header_lines("上报率", 4 * em, measure) == ["上报率"]
    assert header_lines("未报/部分", 3 * em, measure) == ["未报/", "部分"]
    assert header_lines("已催报次数/最近催报", 6 * em, measure) == ["已催报次数/", "最近催报"]
