"""Roster import from real .xlsx files: good files, re-imports, and files rejected whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.records import UnitSpec
from tracker.reports.roster_xlsx import write_roster
from tracker.services.bundle import Services


def make_xlsx(
    path: Path, rows: list[list[object]], *, merges: tuple[str, ...] = (), title: str = "Sheet1"
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


GOOD = [
    ["类别", "单位名称", "别名", "电话", "排序"],  # any column order
    ["区局", " 和平区\u3000市场监管局 ", "和平局、和平区局", "27000001", 1],
    [None, None, None, None, None],  # blank row: skipped
    ["区局", "河西区市场监管局", "河西局", "27000002", 2],
    ["委办局", "市教委", "", "", 3],
]


def test_good_file_imports_and_normalises(services: Services, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "名录.xlsx", GOOD)
    plan = services.roster.preview(path)
    assert (plan.count("新增"), plan.count("更新")) == (3, 0)
    services.roster.apply(path)
    unit = services.units.resolve("和平区局")
    assert unit.name == "和平区市场监管局"
    assert unit.aliases == ("和平局", "和平区局")
    assert unit.phone == "27000001"


def test_reimport_updates_by_name_and_never_duplicates(services: Services, tmp_path: Path) -> None:
    services.roster.apply(make_xlsx(tmp_path / "a.xlsx", GOOD))
    changed = [list(r) for r in GOOD]
    changed[1][3] = "27009999"
    plan, _ = services.roster.apply(make_xlsx(tmp_path / "b.xlsx", changed))
    assert (plan.count("新增"), plan.count("更新"), plan.count("不变")) == (0, 1, 2)
    assert plan.changes[0].details == ("电话：27000001 → 27009999",)
    assert len(services.units.list_units()) == 3


def test_columns_absent_from_the_file_are_left_alone(services: Services, tmp_path: Path) -> None:
    services.roster.apply(make_xlsx(tmp_path / "a.xlsx", GOOD))
    services.roster.apply(
        make_xlsx(tmp_path / "b.xlsx", [["单位名称", "类别"], ["和平区市场监管局", "区局"]])
    )
    assert services.units.resolve("和平局").phone == "27000001"


def test_bad_file_is_rejected_whole_naming_sheet_row_and_column(
    services: Services, tmp_path: Path
) -> None:
    rows = [
        ["单位名称", "类别", "排序", "邮箱"],
        ["和平区市场监管局", "区局", 1, ""],
        ["", "区局", 2, ""],
        ["河西区市场监管局", "区局", "第三", ""],
        ["和平区市场监管局", "区局", 4, ""],
        ["南开区市场监管局", "区局", 5, "not-an-email"],
    ]
    path = make_xlsx(tmp_path / "bad.xlsx", rows, title="名录")
    with pytest.raises(ValidationError) as err:
        services.roster.apply(path)
    text = str(err.value)
    assert "工作表“名录”第3行“单位名称”列：不能为空" in text
    assert "第4行“排序”列：“第三”不是整数" in text
    assert "第5行“单位名称”列：“和平区市场监管局”与第2行重复" in text
    assert "第6行“邮箱”列" in text
    assert services.units.list_units() == []


def test_missing_required_columns(services: Services, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "x.xlsx", [["单位", "电话"], ["和平", "1"]])
    with pytest.raises(ValidationError, match="缺少必填列：单位名称、类别"):
        services.roster.preview(path)


def test_vertically_merged_category_fills_down(services: Services, tmp_path: Path) -> None:
    rows = [
        ["区县名录"],
        ["单位名称", "类别"],
        ["和平区市场监管局", "区局"],
        ["河西区市场监管局", None],
        ["南开区市场监管局", None],
    ]
    path = make_xlsx(tmp_path / "m.xlsx", rows, merges=("A1:B1", "B3:B5"))
    plan, _ = services.roster.apply(path)
    assert plan.count("新增") == 3
    assert {u.category for u in services.units.list_units()} == {"区局"}
    assert any("合并单元格" in n for n in plan.notes)


def test_horizontally_merged_data_cells_are_refused(services: Services, tmp_path: Path) -> None:
    rows = [["单位名称", "类别"], ["和平区市场监管局", None]]
    path = make_xlsx(tmp_path / "h.xlsx", rows, merges=("A2:B2",))
    with pytest.raises(ValidationError, match="跨列合并"):
        services.roster.preview(path)


def test_unknown_categories_need_consent(services: Services, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "c.xlsx", [["单位名称", "类别"], ["市文旅研究院", "研究院"]])
    with pytest.raises(ValidationError, match="未知类别：研究院"):
        services.roster.apply(path)
    assert services.units.list_units() == []
    services.roster.apply(path, allow_new_categories=True)
    assert "研究院" in services.units.categories()


def test_alias_already_owned_by_another_unit(services: Services, tmp_path: Path) -> None:
    services.units.save(UnitSpec("和平区市场监管局", "区局", aliases=("和平局",)))
    path = make_xlsx(
        tmp_path / "a.xlsx", [["单位名称", "类别", "别名"], ["河西区市场监管局", "区局", "和平局"]]
    )
    with pytest.raises(ValidationError, match="“和平局”已属于“和平区市场监管局”"):
        services.roster.apply(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "空文件"), (b"name,category\n", "不是 .xlsx"), (b"\xd0\xcf\x11\xe0rest", "旧版 .xls")],
)
def test_files_that_are_not_xlsx(
    services: Services, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(TrackerError, match=message):
        services.roster.preview(path)


def test_template_and_export_round_trip(tianjin_units: Services, tmp_path: Path) -> None:
    template = tmp_path / "模板.xlsx"
    write_roster(template, [], tianjin_units.units.categories())
    header = [c.value for c in load_workbook(template).worksheets[0][1]]
    assert header[:2] == ["单位名称", "类别"]
    exported = tmp_path / "名录.xlsx"
    write_roster(exported, tianjin_units.units.list_units())
    plan = tianjin_units.roster.preview(exported)
    assert plan.count("不变") == 5 and plan.count("更新") == 0


def test_formula_like_names_are_written_as_text(services: Services, tmp_path: Path) -> None:
    services.units.save(UnitSpec("=1+1", "其他"))
    path = tmp_path / "f.xlsx"
    write_roster(path, services.units.list_units())
    cell = load_workbook(path).worksheets[0]["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s"
