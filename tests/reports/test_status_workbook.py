"""报送情况统计表 read back with openpyxl: values, types, dates, formats, fills, print setup."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.excel_ledger import AS_OF, INJECTIONS, build
from tracker.domain.status import STATUS_ORDER, Status
from tracker.reports.xlsx_style import DATE_FORMAT, MIN_PRINT_SCALE, PERCENT_FORMAT
from tracker.services.bundle import Services


@pytest.fixture
def ledger(services: Services) -> Services:
    return build(services)


@pytest.fixture
def book_path(ledger: Services, tmp_path: Path) -> Path:
    path = tmp_path / "导出 结果" / "报送情况统计表.xlsx"
    ledger.export.write_status(path, as_of=AS_OF)
    return path


def rows_by_unit(ws, requirement: str) -> dict[str, list]:
    header = [c.value for c in ws[3]]
    col = header.index("报送事项")
    return {r[1].value: r for r in ws.iter_rows(min_row=4) if r[col].value == requirement}


def test_three_sheets_with_document_properties(book_path: Path) -> None:
    wb = load_workbook(book_path)
    assert wb.sheetnames == ["汇总", "明细", "矩阵", "排名"]
    assert wb.properties.title == "报送情况统计表"
    assert wb.properties.keywords == "报送情况; 截至2023-12-01"
    assert wb.properties.subject == "全部通知"
    assert wb.properties.creator


def test_detail_has_one_typed_row_per_obligation(book_path: Path) -> None:
    ws = load_workbook(book_path)["明细"]
    # narrow headers are broken between words (逾期 / 天数)
    assert [c.value for c in ws[3]] == [
        "序号", "单位", "类别", "通知文号", "报送事项", "原定时限", "延期至", "状态",
        "电子版", "纸质版", "盖章", "佐证材料", "逾期\n天数", "催报\n次数", "最近催报", "备注",
    ]  # fmt: skip
    assert ws.max_row == 3 + 15
    late = rows_by_unit(ws, "阶段性总结")["河西区市场监管局"]
    values = [c.value for c in late]
    assert values[0] == 5 and isinstance(values[0], int)
    assert values[3] == "津市场监管标准〔2023〕14号"
    assert values[5] == datetime(2023, 6, 27)
    assert late[5].number_format == DATE_FORMAT
    assert values[7] == "逾期补报"
    assert values[8] == datetime(2023, 6, 25)  # 电子版
    assert values[9] == "无需"  # 纸质版 was not asked for
    assert values[10] == datetime(2023, 7, 3)  # 盖章: the day it was complete
    assert late[10].number_format == DATE_FORMAT
    assert values[12] == 6 and values[13] == 0


def test_detail_remarks_reminders_and_extensions(book_path: Path) -> None:
    ws = load_workbook(book_path)["明细"]
    by_unit = rows_by_unit(ws, "阶段性总结")
    chased = [c.value for c in by_unit["市教委"]]
    assert chased[7] == "逾期未报" and chased[12] == 157
    assert chased[13] == 2 and chased[14] == datetime(2023, 6, 30)
    assert [c.value for c in by_unit["南开区市场监管局"]][15] == "缺加盖公章"
    assert [c.value for c in by_unit["天津市物流标准化技术委员会"]][15] == "免报：本年度无研学任务"
    extended = [c.value for c in by_unit["=1+1"]]
    assert extended[6] == datetime(2023, 12, 20) and extended[7] == "未到期"
    assert extended[15] == "延期：负责人出差"


def test_summary_counts_and_rates(book_path: Path) -> None:
    ws = load_workbook(book_path)["汇总"]
    header = [c.value for c in ws[3]]
    assert header[4:] == [
        "应报",
        "按时",
        "逾期补报",
        "部分",
        "逾期未报",
        "未到期",
        "免报",
        "上报率",
    ]
    rows = {r[2].value: r for r in ws.iter_rows(min_row=4, max_row=6)}
    stage = [c.value for c in rows["阶段性总结"]]
    # 9 units owe it; 物流标委会 exempt → 应报 8; 和平 on time, 河西 late, 南开 partial,
    # 市教委 and three 协会 overdue, =1+1 extended (pending).
    assert stage[3] == datetime(2023, 6, 27)
    assert stage[4:11] == [8, 1, 1, 1, 4, 1, 1]
    assert stage[11] == pytest.approx(2 / 7)  # the extended (not yet due) one is not counted
    assert rows["阶段性总结"][11].number_format == PERCENT_FORMAT
    total = [c.value for c in ws[7]]
    # 14 owed; 10 already due (阶段性总结 7, 年度总结 3), 4 of them sent; 标准化工作总结 is not
    # due until 12-11: 河西's early copy is counted apart, not in the rate
    assert total[1] == "合计" and total[4] == 14 and total[11] == pytest.approx(4 / 10)
    future = [c.value for c in rows["标准化工作总结"]]
    assert future[4] == 3 and future[9] == 2 and future[11] == "—"  # no rate yet, not 0.0 %


def test_summary_breaks_down_by_category(book_path: Path) -> None:
    ws = load_workbook(book_path)["汇总"]
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "按单位类别统计")
    cats = {ws.cell(r, 2).value: r for r in range(start + 2, ws.max_row + 1)}
    assert list(cats)[:4] == ["区局", "委办局", "标委会", "协会"]
    district = [ws.cell(cats["区局"], c).value for c in range(5, 13)]
    assert district[:7] == [9, 3, 2, 1, 1, 2, 0]
    assert ws.cell(cats["合计"], 5).value == 14


def test_matrix_words_fills_and_legend(book_path: Path) -> None:
    ws = load_workbook(book_path)["矩阵"]
    # the title's lines (broken between words), then the deadline
    titles = ["".join(str(c.value or "").split("\n")[:-1]) for c in ws[4]]
    col = titles.index("阶段性总结") + 1
    units = {ws.cell(r, 2).value: r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value}
    expect = {
        "和平区市场监管局": ("按时", "D9EFDB", "1D6B2A"),
        "河西区市场监管局": ("补报", "FFF1B8", "6B5300"),
        "南开区市场监管局": ("部分", "FBD6A6", "8A4500"),
        "市教委": ("未报", "F4B6B6", "9C0006"),
        "天津市物流标准化技术委员会": ("免报", "E3E3E3", "505050"),
    }
    for unit, (word, fill, ink) in expect.items():
        c = ws.cell(units[unit], col)
        assert (c.value, c.fill.fgColor.rgb[-6:], c.font.color.rgb[-6:]) == (word, fill, ink)
        assert c.font.b == (word == "未报"), unit
    assert ws.cell(units["市教委"], titles.index("年度总结") + 1).value is None  # not owed
    assert ws.cell(units["上报率"], col).value == pytest.approx(2 / 7)  # of the 7 already due
    legend = [ws.cell(units["图例"] + i, 3).value for i in range(1, 7)]
    assert legend == [s.terms.meaning for s in STATUS_ORDER]


def test_detail_status_cells_wear_the_same_colours(book_path: Path) -> None:
    ws = load_workbook(book_path)["明细"]
    col = [c.value for c in ws[3]].index("状态")
    seen = {}
    for row in ws.iter_rows(min_row=4):
        c = row[col]
        seen[c.value] = (c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None, c.font.b)
    expect = {
        s.label: (s.terms.fill.lstrip("#").upper() if s.terms.fill else None, s.terms.bold)
        for s in Status
    }
    assert seen and all(seen[label] == expect[label] for label in seen)
    assert {"逾期未报", "已按时报送", "免报"} <= set(seen)


def test_frozen_panes_filters_and_print_setup(book_path: Path) -> None:
    wb = load_workbook(book_path)
    expect = {
        "汇总": ("A4", "A3:L6"),
        "明细": ("C4", "A3:P18"),
        "矩阵": ("D5", "A4:H13"),
        "排名": ("A4", "A3:M12"),
    }
    for ws in wb:
        assert (ws.freeze_panes, ws.auto_filter.ref) == expect[ws.title]
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9)
        if ws.title == "明细":  # too wide for one legible page: two parts at 82-90 %
            assert not ws.sheet_properties.pageSetUpPr.fitToPage
            assert MIN_PRINT_SCALE <= setup.scale <= 90
            assert [b.id for b in ws.col_breaks.brk] and ws.print_title_cols == "$A:$B"
        else:
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert ws.oddHeader.right.text == "截至2023年12月1日"
        assert "报送情况统计表" in ws.oddHeader.center.text
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert wb["明细"].print_title_rows == "$3:$3"
    assert (wb["矩阵"].print_title_rows, wb["矩阵"].print_title_cols) == ("$3:$4", "$A:$C")


def test_column_widths_fit_chinese_text(book_path: Path) -> None:
    ws = load_workbook(book_path)["明细"]
    widths = {ws.cell(3, c).value: ws.column_dimensions[ws.cell(3, c).column_letter].width
              for c in range(1, 17)}  # fmt: skip
    assert widths["原定时限"] >= 15  # 2023年12月31日 on one line
    assert widths["报送事项"] >= 2 * len("标准化工作总结")  # the longest title fits
    assert widths["类别"] < widths["单位"] <= 20  # longer names wrap (and the row is taller)
    assert widths["单位"] >= 2 * len("和平区市场监管局") + 1  # district names fit
    tall = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value.startswith("天津市物流"))
    assert ws.row_dimensions[tall].height >= 2 * 14


@pytest.mark.parametrize("sheet", ["明细", "矩阵"])
def test_formula_like_names_stay_text(book_path: Path, sheet: str) -> None:
    ws = load_workbook(book_path)[sheet]
    found = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value in INJECTIONS}
    assert found == dict.fromkeys(INJECTIONS, "s")


def test_one_notice_as_of_an_earlier_day(ledger: Services, tmp_path: Path) -> None:
    notice = ledger.notices.resolve("津市场监管标准〔2023〕14号")
    path = tmp_path / "14号.xlsx"
    result = ledger.export.write_status(path, [notice.id], as_of=date(2023, 6, 27))
    assert result.rows == 12
    wb = load_workbook(path)
    assert wb.properties.subject == notice.label
    ws = wb["明细"]
    statuses = {(r[1].value, r[4].value): r[7].value for r in ws.iter_rows(min_row=4)}
    assert statuses["河西区市场监管局", "阶段性总结"] == "未到期"  # the seal came on 7-3
    assert statuses["和平区市场监管局", "阶段性总结"] == "已按时报送"
    assert statuses["和平区市场监管局", "年度总结"] == "未到期"
    assert "截至：2023年6月27日" in wb["汇总"]["A2"].value


def test_an_export_stopped_halfway_leaves_no_trace(ledger: Services, tmp_path: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    target = tmp_path / "out" / "统计表.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"last week's export")
    temporaries = list(ALL_TEMP_FILES)

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Stop  # what the window's 取消 does inside the worker

    with pytest.raises(Stop):
        ledger.export.write_status(target, as_of=AS_OF, progress=cancel)
    assert target.read_bytes() == b"last week's export"
    assert [p.name for p in target.parent.iterdir()] == ["统计表.xlsx"]
    assert temporaries == ALL_TEMP_FILES  # openpyxl's own temporary sheets are gone too


def test_matrix_unit_names_wrap_and_detail_rows_are_ruled(book_path: Path) -> None:
    wb = load_workbook(book_path)
    matrix = wb["矩阵"]
    names = [r[1] for r in matrix.iter_rows(min_row=5) if isinstance(r[0].value, int)]
    assert names and all(c.alignment.wrap_text for c in names)  # long names wrap, not clipped
    detail = wb["明细"]
    for row in detail.iter_rows(min_row=4, max_row=detail.max_row):
        assert all(c.border.left.style == "thin" for c in row), row[0].row
