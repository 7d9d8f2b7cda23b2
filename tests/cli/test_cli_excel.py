"""`tracker export` and `tracker ledger import` end to end, as a clerk or a script would."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests import excel_ledger, old_ledger
from tracker.cli import main
from tracker.services.bundle import Services

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(workspace_dir: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else out + err

    return _run


def readme_map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(# MAP\.toml.*?)```", text, re.S)
    assert block, "README documents MAP.toml with an example"
    return block.group(1)


def test_export_one_notice_as_of_a_day(services: Services, run, tmp_path: Path) -> None:
    excel_ledger.build(services)
    out = tmp_path / "统计表.xlsx"
    said = run("export", str(out), "--notice", "14号", "--as-of", "2023年6月28日")
    assert "截至2023年6月28日" in said and "12条" in said
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "明细", "矩阵", "排名"]
    assert wb["明细"].max_row == 3 + 12


def test_export_takes_several_notices_after_one_flag(
    services: Services, run, tmp_path: Path
) -> None:
    excel_ledger.build(services)
    notices = [n.doc_number for n in services.notices.list_notices()]
    assert len(notices) >= 2
    out = tmp_path / "统计表.xlsx"
    run("export", str(out), "--notice", *notices[:2], "--as-of", "2023-12-01")
    summary = load_workbook(out)["汇总"]
    text = " ".join(str(c.value) for row in summary.iter_rows() for c in row if c.value)
    assert all(n in text for n in notices[:2])


def test_export_refuses_a_name_that_is_not_xlsx(services: Services, run, tmp_path: Path) -> None:
    excel_ledger.build(services)
    assert ".xlsx 结尾" in run("export", str(tmp_path / "统计表.csv"), ok=False)


def test_a_file_open_in_excel_is_reported_and_left_whole(
    services: Services, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    excel_ledger.build(services)
    target = tmp_path / "统计表.xlsx"
    target.write_bytes(b"the clerk's open file")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", locked)
    said = run("export", str(target), ok=False)
    assert "正在 Excel 或 WPS 中打开，请关闭后重试" in said
    assert target.read_bytes() == b"the clerk's open file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["统计表.xlsx"]


def test_old_ledger_import_with_the_readme_map(services: Services, run, tmp_path: Path) -> None:
    old_ledger.roster_and_notice(services)
    ledger = old_ledger.write(tmp_path / "原台账.xlsx")
    mapping = tmp_path / "MAP.toml"
    mapping.write_text(readme_map(), encoding="utf-8")
    said = run("ledger", "import", str(ledger), "--map", str(mapping), "--dry-run")
    assert (
        "E7 和平区市场监管局·年度总结（津市场监管标准〔2023〕14号）：登记 电子版 2023年11月10日"
        in said
    )
    assert "（未写日期，按时限登记）" in said
    assert "预览（未导入）：登记9条、免报1条、已登记过跳过1条" in said
    assert "登记" not in run("log")
    said = run("ledger", "import", str(ledger), "--map", str(mapping))
    assert "已导入原台账“原台账.xlsx”（2023年研学行动）：登记9条" in said
    assert "逾期补报" in run("status", "--requirement", "阶段性总结", "--as-of", "2023-12-01")


def test_old_ledger_import_refuses_a_bad_map_and_a_bad_sheet(
    services: Services, run, tmp_path: Path
) -> None:
    old_ledger.roster_and_notice(services)
    rows = [list(r) for r in old_ledger.ROWS]
    rows[7][2] = "催了两次"
    ledger = old_ledger.write(tmp_path / "原台账.xlsx", rows)
    mapping = tmp_path / "MAP.toml"
    mapping.write_text(readme_map().replace('"年度总结"', '"年终总结"', 1), encoding="utf-8")
    said = run("ledger", "import", str(ledger), "--map", str(mapping), ok=False)
    assert "找不到报送事项“年终总结”" in said
    mapping.write_text(readme_map(), encoding="utf-8")
    said = run("ledger", "import", str(ledger), "--map", str(mapping), ok=False)
    assert "C8（河西区市场监管局·阶段性总结）：无法识别“催了两次”" in said
    assert "未导入任何内容" in said
    assert "导入原台账" not in run("log")


def test_start_up_does_not_load_openpyxl() -> None:
    """The Excel writers load when an export starts, not when the program does."""
    import subprocess
    import sys

    code = (
        "import sys, tracker.services.bundle, tracker.cli;"
        "tracker.cli.build_parser();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_importing_the_same_old_ledger_twice_registers_nothing_new_and_succeeds(
    services: Services, run, tmp_path: Path
) -> None:
    old_ledger.roster_and_notice(services)
    ledger = old_ledger.write(tmp_path / "原台账.xlsx")
    mapping = tmp_path / "MAP.toml"
    mapping.write_text(readme_map(), encoding="utf-8")
    run("ledger", "import", str(ledger), "--map", str(mapping))
    log = run("log")
    said = run("ledger", "import", str(ledger), "--map", str(mapping))
    assert "没有需要新登记的内容" in said and "未作改动" in said
    assert "登记0条、免报0条" in said
    assert run("log") == log  # nothing written, nothing audited


def test_a_mark_on_an_exempt_obligation_is_reported_not_registered(
    services: Services, run, tmp_path: Path
) -> None:
    old_ledger.roster_and_notice(services)
    oid = services.ledger.find_obligation("市教委", "阶段性总结", None)
    services.ledger.exempt([oid], "不参加本次研学")
    rows = [list(r) for r in old_ledger.ROWS]
    rows[11][2] = "✓6月26日"  # 市教委's 阶段性总结/电子版
    ledger = old_ledger.write(tmp_path / "原台账.xlsx", rows)
    mapping = tmp_path / "MAP.toml"
    mapping.write_text(readme_map(), encoding="utf-8")
    said = run("ledger", "import", str(ledger), "--map", str(mapping))
    assert "C12 市教委·阶段性总结（津市场监管标准〔2023〕14号）：跳过" in said
    assert "（该单位此项已免报，原台账的标记未登记）" in said
    assert "已免报未登记1条" in said
    row = services.ledger.row(oid)
    assert row.status.label == "免报" and not services.ledger.submissions(oid)
