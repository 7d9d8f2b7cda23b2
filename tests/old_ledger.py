"""A clerk's old Excel ledger as it really looks: merged titles, a two-row header, group
headings, blank lines, a 合计 row, and ✓/√/已报/dates (real and typed) mixed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.excel_ledger import UNITS
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL
SHEET = "2023年研学行动"


def roster_and_notice(sv: Services) -> Services:
    for spec in UNITS:
        sv.units.save(spec)
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于开展2023年标准化研学行动的通知",
            doc_number="津市场监管标准〔2023〕14号",
            issued_on=date(2023, 6, 5),
            requirements=(
                RequirementSpec(
                    "阶段性总结", date(2023, 6, 27), E | S, ("区局", "委办局", "标委会")
                ),
                RequirementSpec("年度总结", date(2023, 11, 10), E | P, ("区局",)),
            ),
        )
    )
    return sv


ROWS: list[list[object]] = [
    ["2023年标准化研学行动报送台账"],
    ["（截至2023年12月1日，✓表示已收到）"],
    [],
    ["序号", "单位名称", "阶段性总结", None, "年度总结", None, "备注"],
    [None, None, "电子版", "盖章", "电子版", "纸质版", None],
    ["一、区局"],
    [1, "和平局", datetime(2023, 6, 20), "6.20", "✓", "√", None],
    [2, "河西区", "6月25日", "已报7.3", None, None, "电话催报"],
    [],
    [3, "南开区市场监管局", "6.26", None, "2023-11-15", "已报", None],
    ["二、委办局及标委会"],
    [4, "市教委", None, None, None, None, "未报送"],
    [5, "物流标委会", "免报", "免报", None, None, None],
    ["合计", None, 3, 3, 2, 2, None],
    ["注：✓、√ 表示已收到，未写日期的按时限计"],
]
MERGES = (
    "A1:G1",
    "A2:G2",
    "A4:A5",
    "B4:B5",
    "C4:D4",
    "E4:F4",
    "G4:G5",
    "A6:G6",
    "A11:G11",
    "A15:G15",
)


def write(path: Path, rows: list[list[object]] = ROWS, merges: tuple[str, ...] = MERGES) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.create_sheet("说明").append(["这张表不是台账"])
    wb.save(path)
    return path
