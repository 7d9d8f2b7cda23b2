"""``tracker ranking`` and ``tracker units history`` on the scenario: keys, figures, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.accountability.scenario import NOTICE_A, NOTICE_B
from tracker.cli import main
from tracker.services.bundle import Services

RANKING_KEYS = [
    "unit", "category", "due", "on_time", "late", "missing", "exempt", "rate",
    "on_time_rate", "days_late_avg", "reminders", "rank",
]  # fmt: skip
HISTORY_KEYS = [
    "notice", "requirement", "deadline", "status", "days_overdue", "reminders", "received_on",
]  # fmt: skip


@pytest.fixture
def run(scenario: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def test_ranking_json_has_exactly_the_keys(run) -> None:
    rows = json.loads(run("ranking", "--format", "json", "--as-of", "2023-12-01"))
    assert all(list(r) == RANKING_KEYS for r in rows)
    hexi = next(r for r in rows if r["unit"] == "河西区市场监管局")
    assert hexi == {
        "unit": "河西区市场监管局", "category": "区局", "due": 3, "on_time": 0, "late": 2,
        "missing": 1, "exempt": 0, "rate": 0.6667, "on_time_rate": 0.0,
        "days_late_avg": 125.33, "reminders": 2, "rank": 3,
    }  # fmt: skip
    wuliu = rows[-1]
    assert (wuliu["rank"], wuliu["rate"], wuliu["days_late_avg"]) == (None, None, None)


def test_ranking_by_notices_and_year(run) -> None:
    rows = json.loads(run("ranking", "--notice", NOTICE_A, NOTICE_B, "--year", "2022",
                          "--format", "json"))  # fmt: skip
    assert [(r["unit"], r["rank"]) for r in rows] == [
        ("和平区市场监管局", 1), ("南开区市场监管局", 2), ("河西区市场监管局", 3),
    ]  # fmt: skip
    assert "不存在的通知" in run("ranking", "--notice", "不存在的通知", ok=False)


def test_ranking_table_and_workbook(run, tmp_path: Path) -> None:
    text = run("ranking")
    assert "名次" in text and "按时率" in text and "合计" in text
    assert "70.0%" in text  # 7 of the 10 due sent, the total line
    assert "需要用 --out" in run("ranking", "--format", "xlsx", ok=False)
    out = tmp_path / "排名.xlsx"
    assert "已导出" in run("ranking", "--format", "xlsx", "--out", str(out))
    ws = load_workbook(out)["排名"]
    header = [c.value for c in ws[3]]
    assert header[:4] == ["名次", "单位", "类别", "应报"]
    first = [c.value for c in ws[4]]
    assert first[:4] == [1, "和平区市场监管局", "区局", 3]
    assert first[9] == pytest.approx(2 / 3) and ws.cell(4, 10).number_format == "0.0%"
    last = [c.value for c in ws[8]]
    assert last[0] is None and last[1] == "天津市物流标准化技术委员会" and last[9] == "—"


def test_units_history_json_and_table(run) -> None:
    rows = json.loads(run("units", "history", "河西局", "--format", "json"))
    assert all(list(r) == HISTORY_KEYS for r in rows)
    assert rows[1] == {
        "notice": NOTICE_A, "requirement": "年度总结", "deadline": "2023-11-10",
        "status": "late", "days_overdue": 5, "reminders": 1, "received_on": "2023-11-15",
    }  # fmt: skip
    assert rows[3]["status"] == "overdue" and rows[3]["received_on"] is None
    text = run("units", "history", "河西局")
    assert "河西区2023年度总结.pdf" in text
    assert "2023年" in text and "2/3" in text and "3/3" in text
    jiaowei = json.loads(run("units", "history", "市教委", "--format", "json"))
    assert jiaowei[0]["deadline"] == "2023-11-20"  # held to its extension
    assert "不存在的局" in run("units", "history", "不存在的局", ok=False)


def test_units_history_names_the_bulletins_that_named_it(run, office_scenario: Services) -> None:
    from datetime import date

    from tracker.domain.bulletin_request import BulletinRequest

    notice = office_scenario.notices.resolve(NOTICE_A).id
    office_scenario.bulletins.issue(
        BulletinRequest(notice, date(2023, 12, 1), bulletin_date=date(2023, 12, 4))
    )
    text = run("units", "history", "河西局", "--as-of", "2023-12-05")
    assert "已通报" in text
    assert "津市场监管标准〔2023〕31号（2023年12月4日）" in text
    rows = json.loads(run("units", "history", "河西局", "--format", "json"))
    assert all(list(r) == HISTORY_KEYS for r in rows)  # the keys stay exactly these
