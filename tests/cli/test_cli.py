"""The CLI end to end in a temporary workspace, as a clerk or a script would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import main

NOTICE = """
[notice]
doc_number = "晋市市监〔2021〕169号"
title = "关于印发《2021年世界标准日系列活动方案》的通知"
issuer = "晋城市市场监督管理局"
issued = 2021-09-26
contacts = [{ name = "吴一凡", phone = "2055997", email = "jcbzhk@163.com" }]

[[requirements]]
title = "系列活动报名表"
deadline = 2021-10-10
forms = ["电子版", "纸质版", "加盖公章"]
categories = ["县局"]
units = ["市局机关"]
"""


@pytest.fixture
def run(workspace_dir: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def _roster(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["单位名称", "类别", "别名"])
    for name, alias in [
        ("晋城市市场监督管理局城区分局", "城区局"),
        ("泽州县市场监督管理局", "泽州局"),
        ("高平市市场监督管理局", "高平局"),
    ]:
        ws.append([name, "县局", alias])
    ws.append(["晋城市市场监督管理局机关", "委办局", "市局机关"])
    wb.save(path)
    return path


def test_a_clerks_day_from_the_command_line(run, tmp_path: Path) -> None:
    run("init")
    assert "新增4个" in run("units", "import", str(_roster(tmp_path / "名录.xlsx")))
    notice = tmp_path / "notice.toml"
    notice.write_text(NOTICE, encoding="utf-8")
    said = run("notice", "add", str(notice))
    assert "：1项报送事项，4个单位需报送（共4条报送义务）" in said
    assert "星期日" in run("notice", "list")
    run("register", "城区局", "报名表", "--date", "2021-10-08", "--forms", "电子版")
    out = run(
        "register",
        "城区局",
        "报名表",
        "--date",
        "2021年10月12日",
        "--forms",
        "纸质版,加盖公章",
        "--channel",
        "纸质",
    )
    assert "逾期补报" in out
    run("exempt", "高平局", "系列活动报名表", "--reason", "本次不参加", "--on", "2021-10-09")
    run("extend", "泽州局", "系列活动报名表", "--to", "2021-10-15", "--reason", "领导审签",
        "--on", "2021年10月9日")  # fmt: skip
    run("remind", "市局机关", "系列活动报名表", "--method", "电话", "--date", "2021-10-11")
    rows = json.loads(run("status", "--as-of", "2021-10-11", "--format", "json"))
    by_unit = {r["unit"]: r for r in rows}
    assert by_unit["晋城市市场监督管理局城区分局"]["status"] == "partial"
    assert by_unit["晋城市市场监督管理局城区分局"]["missing_forms"] == ["paper", "seal"]
    assert by_unit["高平市市场监督管理局"]["status"] == "exempt"
    assert by_unit["泽州县市场监督管理局"]["status"] == "pending"
    assert by_unit["泽州县市场监督管理局"]["effective_deadline"] == "2021-10-15"
    assert by_unit["晋城市市场监督管理局机关"]["reminders"] == 1
    assert by_unit["晋城市市场监督管理局机关"]["days_overdue"] == 1
    overdue = run("overdue", "--as-of", "2021-10-11")
    assert "晋城市市场监督管理局机关" in overdue and "高平" not in overdue
    csv_out = run("status", "--as-of", "2021-10-20", "--status", "逾期补报", "--format", "csv")
    assert csv_out.splitlines()[0].startswith("单位,类别")
    assert len(csv_out.splitlines()) == 2
    log = run("log")
    assert "免报" in log and "延期" in log


def test_done_when_demo_then_overdue_for_the_stage_summary(run) -> None:
    run("demo")
    out = run("status", "--as-of", "2023-06-28", "--requirement", "阶段性总结")
    assert "逾期未报" in out and "部分报送" in out
    rows = json.loads(
        run(
            "status",
            "--as-of",
            "2023-06-28",
            "--requirement",
            "阶段性总结",
            "--status",
            "overdue",
            "--format",
            "json",
        )
    )
    assert rows and all(r["status"] == "overdue" and r["days_overdue"] == 1 for r in rows)
    assert "示例台账" in run("demo", ok=False)  # rebuilding over a demo is refused clearly


def test_errors_are_one_chinese_line(run) -> None:
    run("init")
    err = run("register", "不存在的单位", "总结", "--forms", "电子版", ok=False)
    assert err.startswith("错误：") and "Traceback" not in err
    err = run("status", "--as-of", "2023-02-30", ok=False)
    assert "日期“2023-02-30”不存在" in err


def test_units_template_and_export(run, tmp_path: Path) -> None:
    run("init")
    run("units", "template", str(tmp_path / "t.xlsx"))
    run("units", "import", str(_roster(tmp_path / "r.xlsx")))
    run("units", "export", str(tmp_path / "e.xlsx"))
    out = run("units", "import", "--dry-run", str(tmp_path / "e.xlsx"))
    assert "不变4个" in out


def test_notice_add_counts_units_not_units_times_requirements(run, tmp_path: Path) -> None:
    run("init")
    run("units", "import", str(_roster(tmp_path / "名录.xlsx")))
    notice = tmp_path / "notice.toml"
    second = NOTICE.split("[[requirements]]")[1].replace("系列活动报名表", "活动总结")
    notice.write_text(NOTICE + "[[requirements]]" + second, encoding="utf-8")
    said = run("notice", "add", str(notice))
    assert "：2项报送事项，4个单位需报送（共8条报送义务）" in said


def test_units_import_dry_run_with_a_new_category_asks_for_the_flag(
    run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    run("init")
    wb = Workbook()
    wb.active.append(["单位名称", "类别"])
    wb.active.append(["天津市计量监督检测科学研究院", "检测机构"])
    roster = tmp_path / "名录.xlsx"
    wb.save(roster)
    err = run("units", "import", "--dry-run", str(roster), ok=False)
    assert "未知类别：检测机构" in err and "--new-categories" in err
    err = run("units", "import", str(roster), ok=False)
    assert "未知类别：检测机构" in err and "--new-categories" in err
    out = run("units", "import", "--dry-run", "--new-categories", str(roster))
    assert "新类别：检测机构" in out
    assert "检测机构" not in run("units", "list")
    run("units", "import", "--new-categories", str(roster))
    assert "检测机构" in run("units", "list")


def test_holidays_lists_the_years_arrangement(run) -> None:
    run("init")
    out = run("holidays", "2026")
    assert "2026年2月15日—2月23日  9     放假      春节" in out
    assert "2026年2月14日          1     调休上班  春节" in out
    assert "2026年10月1日—10月7日  7     放假      国庆节" in out
    assert out.rstrip().endswith("共放假33天，调休上班6天")


def test_backup_into_a_folder_named_with_a_trailing_slash(run, tmp_path: Path) -> None:
    run("init")
    out = run("backup", f"{tmp_path / '备份'}/")
    (made,) = (tmp_path / "备份").iterdir()
    assert made.name.startswith("报送督办台账备份-") and made.suffix == ".zip"
    assert str(made) in out
    run("backup", str(tmp_path / "备份" / "第二份"))
    assert (tmp_path / "备份" / "第二份.zip").is_file()


def test_holidays_for_a_year_without_official_data(run, tmp_path: Path) -> None:
    run("init")
    assert "节假日数据缺失" in run("holidays", "2099")
    source = tmp_path / "2099.txt"
    source.write_text("2099-01-01 休 元旦\n2099-01-03 班 调休\n", encoding="utf-8")
    out = run("holidays", "2099", "--import", str(source))
    assert "休息1天，调休上班1天" in out and "数据缺失" not in out


def test_module_entry_point_prints_no_traceback(workspace_dir: Path) -> None:
    env = {**os.environ, "TRACKER_WORKSPACE": str(workspace_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "exempt", "某单位", "总结", "--reason", "x"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("错误：") and "Traceback" not in proc.stderr


def test_revoking_from_the_command_line(run, tmp_path: Path) -> None:
    run("init")
    run("units", "import", str(_roster(tmp_path / "名录.xlsx")))
    notice = tmp_path / "notice.toml"
    notice.write_text(NOTICE, encoding="utf-8")
    run("notice", "add", str(notice))
    doc = tmp_path / "报名表.pdf"
    doc.write_bytes(b"%PDF-1.4 signed")
    run("register", "城区局", "报名表", "--date", "2021-10-08", "--forms", "电子版,纸质版",
        "--note", "原件", "--file", str(doc))  # fmt: skip
    [sub] = json.loads(run("submissions", "城区局", "报名表", "--format", "json"))
    assert set(sub) == {"id", "received_on", "channel", "forms", "files", "note"}
    assert (sub["received_on"], sub["forms"], sub["note"]) == (
        "2021-10-08",
        ["electronic", "paper"],
        "原件",
    )
    assert sub["files"][0]["name"] == "报名表.pdf"
    assert Path(sub["files"][0]["path"]).read_bytes() == b"%PDF-1.4 signed"
    assert "2021年10月8日" in run("submissions", "城区局", "报名表")
    assert "撤销的理由" in run("unregister", str(sub["id"]), "--reason", " ", ok=False)
    assert "删除登记" in run("unregister", str(sub["id"]), "--reason", "登记错了")
    assert json.loads(run("submissions", "城区局", "报名表", "--format", "json")) == []
    run("exempt", "高平局", "报名表", "--reason", "本次不参加", "--on", "2021-10-09")
    run("extend", "泽州局", "报名表", "--to", "2021-10-15", "--reason", "领导审签")
    assert "撤销免报" in run("unexempt", "高平局", "报名表", "--reason", "实际参加")
    assert "撤销延期" in run("unextend", "泽州局", "报名表", "--reason", "未获批准")
    assert "没有延期" in run("unextend", "泽州局", "报名表", "--reason", "再来一次", ok=False)
    rows = {r["unit"]: r for r in json.loads(run("status", "--format", "json"))}
    assert rows["高平市市场监督管理局"]["status"] == "overdue"
    assert rows["泽州县市场监督管理局"]["extended_to"] is None
    log = run("log")
    assert "撤销免报（理由：实际参加）" in log and "删除登记" in log
