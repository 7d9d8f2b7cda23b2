"""Bad roster files: each answered by one clear Chinese message, and nothing changed.

Runs on SQLite and PostgreSQL (PostgreSQL enforces column sizes that SQLite ignores).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.safety import bad_files as bad
from tests.tools import tool
from tracker.domain.errors import TrackerError
from tracker.services.bundle import Services

pytestmark = pytest.mark.both_databases

R = bad.roster
HP = ("和平区市场监管局", "区局")


def _write(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


def _order_is_a_date(path: Path) -> Path:
    return bad.workbook(path, [(*bad.HEADER, "排序"), ("甲", "区局", *[""] * 5, "2023.6.27")])


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (_write(b""), "是空文件"),
    "text renamed .xlsx": (_write("单位名称,类别\n和平局,区局".encode()), "不是 .xlsx"),
    "pdf renamed .xlsx": (_write(b"%PDF-1.7\n%\xe2\xe3"), "不是 .xlsx"),
    "word document": (bad.word_document, "是 Word 文档"),
    "ods spreadsheet": (bad.ods, r"\.ods 表格"),
    "password-protected": (bad.encrypted, "设置了打开密码"),
    "cut off halfway": (bad.truncated, "已损坏|不是 .xlsx"),
    "50,000 rows": (bad.huge, "超过 10000 行"),
    "no 类别 column": (lambda p: bad.workbook(p, [("单位名称",), ("和平局",)]), "缺少必填列"),
    "header only": (lambda p: bad.workbook(p, [bad.HEADER]), "没有任何单位"),
    "merged across columns": (
        lambda p: bad.workbook(p, [bad.HEADER, ("和平区市场监管局", "区局")], "A2:B2"),
        "跨列合并",
    ),
    "formula without result": (lambda p: R(p, ('="和平"&"区局"', "区局")), "是公式"),
    "duplicate unit": (lambda p: R(p, HP, HP), "重复"),
    "duplicate after normalising": (
        lambda p: R(p, HP, ("和平区　市场监管局 ", "区局")),
        "重复",
    ),
    "alias claimed twice": (
        lambda p: R(p, (*HP, "", "和平局"), ("河西区局", "区局", "", "和平局")),
        "已属于",
    ),
    "unknown category": (lambda p: R(p, ("新区市场监管局", "新区局")), "未知类别"),
    "blank name": (lambda p: R(p, ("   ", "区局")), "不能为空"),
    "500-character name": (lambda p: R(p, ("长" * 500, "区局")), "过长"),
    "300-character alias": (lambda p: R(p, ("甲单位", "区局", "", "别" * 300)), "过长"),
    "bad email": (lambda p: R(p, ("甲单位", "区局", "", "", "", "", "jia.gov.cn")), "电子邮箱"),
    "order is a date": (_order_is_a_date, "不是整数"),
    "missing file": (lambda p: p.with_name("不存在.xlsx"), "找不到文件"),
}


def _state(sv: Services) -> tuple[object, ...]:
    return (tuple(sv.units.list_units()), tuple(sv.units.categories()), len(sv.audit.entries()))


@pytest.mark.parametrize("case", CASES)
def test_a_bad_roster_is_refused_clearly_and_changes_nothing(
    case: str, tianjin_units: Services, tmp_path: Path
) -> None:
    make, message = CASES[case]
    path = make(tmp_path / "单位 名录.xlsx")
    before = _state(tianjin_units)
    attempts = [tianjin_units.roster.preview, tianjin_units.roster.apply]
    if case == "unknown category":  # the preview shows it as a new category; apply refuses
        assert tianjin_units.roster.preview(path).new_categories == ("新区局",)
        attempts.pop(0)
    for attempt in attempts:
        with pytest.raises(TrackerError, match=message) as err:
            attempt(path)
        text = str(err.value)
        assert "Traceback" not in text and "Error" not in text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text)  # said in Chinese
    assert _state(tianjin_units) == before


def test_odd_but_valid_names_go_in_and_come_back_exactly(
    tianjin_units: Services, tmp_path: Path
) -> None:
    names = ["甲<>&\"'单位", "乙单位😀", "𠀀𠀁研究所", "䶮䶵标准化协会", "A&B Lab 检测中心"]
    path = R(tmp_path / "r.xlsx", *[(n, "区局", "", "", "王\x7f五") for n in names])
    tianjin_units.roster.apply(path)
    stored = {u.name: u for u in tianjin_units.units.list_units()}
    names[-1] = "A&B Lab检测中心"  # one blank kept between Latin words, none before CJK
    for name in names:
        assert name in stored
        assert stored[name].contact_person == "王五"  # a control character never reaches the DB
    out = tmp_path / "导出.xlsx"
    from tracker.reports.roster_xlsx import read_roster, write_roster

    write_roster(out, tianjin_units.units.list_units())
    assert {r.spec.name for r in read_roster(out).rows} >= set(names)


def test_vertical_merges_and_date_cells_are_read_sensibly(
    tianjin_units: Services, tmp_path: Path
) -> None:
    from datetime import datetime

    rows = [
        bad.HEADER,
        ("甲单位", "区局"),
        ("乙单位", None),
        ("丙单位", "委办局", "", "", "", datetime(2023, 6, 27)),
    ]
    path = bad.workbook(tmp_path / "m.xlsx", rows, "B2:B3")  # fmt: skip
    plan, _ = tianjin_units.roster.apply(path)
    assert any("合并单元格" in n for n in plan.notes)
    units = {u.name: u for u in tianjin_units.units.list_units()}
    assert units["乙单位"].category == "区局"
    assert units["丙单位"].phone == "2023-06-27"  # Excel turned it into a date; kept as text


def test_formulas_saved_by_a_spreadsheet_program_import_their_results(
    tianjin_units: Services, tmp_path: Path
) -> None:
    path = bad.recalculated_by_libreoffice(
        tmp_path / "f.xlsx", [('="红桥"&"区市场监管局"', "区局")]
    )
    if path is None:
        tool("soffice")  # skips (fails in CI) when LibreOffice is missing
        pytest.skip("LibreOffice did not convert the workbook")
    tianjin_units.roster.apply(path)
    assert tianjin_units.units.resolve("红桥区市场监管局").category == "区局"
