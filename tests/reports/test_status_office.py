"""LibreOffice reads our workbook: every value as shown, injection strings as text, and a
printout on A4 landscape with the header and page numbers."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.excel_ledger import AS_OF, INJECTIONS, build
from tests.office import convert, sheets_as_csv
from tests.tools import tool
from tracker.domain.dates import format_cn
from tracker.services.bundle import Services


@pytest.fixture
def book_path(services: Services, tmp_path: Path) -> Path:
    path = tmp_path / "统计表.xlsx"
    build(services).export.write_status(path, as_of=AS_OF)
    return path


def shown(value: object, number_format: str) -> str:
    """What a spreadsheet should show for a cell we wrote."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_cn(value.date())
    if isinstance(value, int | float) and "%" in number_format:
        return f"{value * 100:.1f}%"
    if isinstance(value, int | float) and number_format == "0.0":
        return f"{value:.1f}"
    return str(value)


def printed_sheets(book: Path, tmp_path: Path, office_profile: Path) -> list[tuple[str, Any]]:
    """Each page LibreOffice prints of ``book``: (its text, its characters)."""
    import pdfplumber

    convert(book, "pdf", tmp_path / "pdf", office_profile)
    with pdfplumber.open(tmp_path / "pdf" / f"{book.stem}.pdf") as pdf:
        return [(p.extract_text() or "", p.chars) for p in pdf.pages]


def of_sheet(pages: list[tuple[str, Any]], sheet: str) -> list[tuple[str, Any]]:
    """The pages whose footer names ``sheet``."""
    return [(t, chars) for t, chars in pages if sheet in t.splitlines()[-1]]


def test_libreoffice_shows_what_we_wrote(
    book_path: Path, tmp_path: Path, office_profile: Path
) -> None:
    seen = sheets_as_csv(book_path, tmp_path / "csv", office_profile)
    assert set(seen) == {"汇总", "明细", "矩阵", "排名"}
    wb = load_workbook(book_path)
    for name in ("汇总", "明细", "排名"):
        ws = wb[name]
        for r, row in enumerate(ws.iter_rows(min_row=3), start=2):
            want = [shown(c.value, c.number_format) for c in row]
            got = seen[name][r][: len(want)]
            assert got == want, (name, r + 1)


def test_libreoffice_keeps_formula_like_text(
    book_path: Path, tmp_path: Path, office_profile: Path
) -> None:
    seen = sheets_as_csv(book_path, tmp_path / "csv", office_profile)
    units = {row[1] for row in seen["明细"][3:]}
    assert set(INJECTIONS) <= units  # "=1+1" is not 2, "@SUM(A1)" is not an error
    assert "2" not in units
    stage = next(
        row for row in seen["明细"] if row[1] == "河西区市场监管局" and row[4] == "阶段性总结"
    )
    assert stage[5] == "2023年6月27日" and stage[9] == "无需" and stage[12] == "6"


def test_prints_on_a4_landscape_with_page_numbers(
    book_path: Path, tmp_path: Path, office_profile: Path
) -> None:
    convert(book_path, "pdf", tmp_path / "pdf", office_profile)
    pdf = tmp_path / "pdf" / "统计表.pdf"
    pages = PdfReader(pdf).pages
    # 汇总, 矩阵 and 排名 one page each; 明细 in two parts (序号 and 单位 repeated on both)
    assert len(pages) == 5
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 landscape in points
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "第 1 页，共 5 页" in text and "第 5 页，共 5 页" in text
    assert text.count("截至2023年12月1日") == 5
    assert "报送情况统计表（汇总）" in text and "逾期未报" in text
    assert "报送情况统计表（排名）" in text and "平均逾期" in text  # 平均逾期 / 天数


def test_detail_prints_legibly_and_the_legend_stays_whole(
    book_path: Path, tmp_path: Path, office_profile: Path
) -> None:
    pages = printed_sheets(book_path, tmp_path, office_profile)
    detail = of_sheet(pages, "明细")
    assert len(detail) == 2
    for text, chars in detail:
        body = [c["size"] for c in chars if c["text"].strip()]
        assert min(body) >= 9.0, min(body)  # printed at 9 points or more, not squeezed
        assert "河西区市场监管局" in text  # the unit column on both parts
    first, second = (t for t, _ in detail)
    assert "状态" in first and "备注" in second and "备注" not in first
    matrix = [t for t, _ in of_sheet(pages, "矩阵")]
    legend = [t for t in matrix if "图例" in t]
    assert len(legend) == 1 and "空白：该单位无需报送此项" in legend[0]
    from openpyxl import load_workbook

    from tracker.reports.gbt9704.segment import word_cuts

    for c in load_workbook(book_path)["矩阵"][4][3:-2]:  # the requirement headers
        *lines, _deadline = str(c.value).split("\n")
        title, at = "".join(lines), 0
        for line in lines[:-1]:  # broken only between words (never 阶段性总 / 结)
            at += len(line)
            assert at in word_cuts(title), (title, lines)


def test_summary_prints_legibly_and_names_the_office(
    services: Services, tmp_path: Path, office_profile: Path
) -> None:
    """汇总 one page wide at 9 points or more, long doc numbers and titles wrapped instead of
    squeezing the page; every page's footer names the office that made it, not the program."""
    from tracker.domain.forms import Form
    from tracker.domain.records import NoticeSpec, RequirementSpec
    from tracker.services.demo import DEMO_OFFICE

    sv = build(services)
    sv.settings.save_office(DEMO_OFFICE)
    sv.notices.create(
        NoticeSpec(
            title="关于开展2023年天津市标准化试点示范项目中期评估及经验总结工作的通知",
            doc_number="津市场监管标准〔2023〕139号（补充通知）",
            issued_on=date(2023, 6, 1),
            requirements=(
                RequirementSpec(
                    "标准化试点示范项目中期评估自评报告及佐证材料汇编",
                    date(2023, 9, 30),
                    Form.ELECTRONIC,
                    ("区局",),
                ),
            ),
        )
    )
    path = tmp_path / "统计表.xlsx"
    sv.export.write_status(path, as_of=AS_OF)
    pages = printed_sheets(path, tmp_path, office_profile)
    summary = of_sheet(pages, "汇总")
    assert len(summary) == 1
    text, chars = summary[0]
    assert min(c["size"] for c in chars if c["text"].strip()) >= 9.0
    assert "139号" in text and "佐证材料汇编" in text  # wrapped, not cut off
    maker = f"制表：{DEMO_OFFICE.sender_name}"
    assert all(maker in t.splitlines()[-1] for t, _ in pages)
    assert not any("报送督办台账" in t for t, _ in pages)


def test_ranking_prints_legibly_with_a_long_unit_name(
    services: Services, tmp_path: Path, office_profile: Path
) -> None:
    """排名 one page wide at 9 points or more even when a unit's name is long: the name wraps
    in its cell instead of widening the column until the page is squeezed."""
    from tracker.domain.records import UnitSpec

    long_name = "天津经济技术开发区（南港工业区）市场监督管理局标准化与质量发展科"
    services.units.save(UnitSpec(long_name, "区局"))  # in the notices' audience
    sv = build(services)
    path = tmp_path / "统计表.xlsx"
    sv.export.write_status(path, as_of=AS_OF)
    ranking = of_sheet(printed_sheets(path, tmp_path, office_profile), "排名")
    assert len(ranking) == 1
    text, chars = ranking[0]
    assert min(c["size"] for c in chars if c["text"].strip()) >= 9.0
    assert "平均逾期" in text and "催报" in text  # every column on the page
    assert "南港工业区" in text and "质量发展科" in text  # wrapped, not cut off
