"""关键数据: the seed summaries' figures counted by hand, corrections kept and audited, the
workbook's 关键数据 sheet read back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.readers.docs import seed_text, write_docx, write_pdf
from tracker.cli import main
from tracker.domain.cn_numbers import cn_integer, parse_number
from tracker.domain.figures import find_figures, roll_up, summary_sentence
from tracker.domain.forms import Form
from tracker.services.bundle import Services

NOTICE = "津市场监管标准〔2023〕14号"

# Counted by hand in seed 000 (five summaries on one page). 份: 散发宣传资料9200余份 +
# 宣传画200份 + 宣传资料共计700余份 (another summary's own total, not a total of the first
# two); 人次: 现场咨询服务5000多人次; 培训人次: 80余名社区工作人员进行了集中培训; 培训班2期;
# 篇: 发表文章2篇 + 广播电视报道3次. Not counted: 总结5篇 (the page's own heading), 第四次.
SEED_000 = {
    "发放资料份数": (10100, True),
    "参与人次": (5000, True),
    "培训人次": (80, True),
    "培训场次": (2, False),
    "媒体报道篇数": (5, False),
}
# Seed 002: 350余人 + 约250人 + 约100人 at the three meetings of 14 Oct, which the text then
# totals as 3个会议就共有约700人参加 — 700, not 1400. (100余幅 广告 is no kind we count.)
SEED_002 = {"参与人次": (700, True)}


@pytest.mark.parametrize(("seed", "want"), [("000", SEED_000), ("002", SEED_002)])
def test_seed_summaries_by_hand(seed: str, want: dict[str, tuple[int, bool]]) -> None:
    rolled = roll_up(find_figures(seed_text(seed)))
    assert {k: (r.value, r.approx) for k, r in rolled.items()} == want


def test_every_figure_keeps_its_sentence() -> None:
    figures = find_figures(seed_text("002"))
    assert [f.value for f in figures] == [350, 250, 100, 700]
    assert figures[-1].total and "3个会议就共有约700人参加" in figures[-1].sentence


@pytest.mark.parametrize(
    ("text", "kind", "value", "approx"),
    [
        ("发放宣传资料2千余份", "发放资料份数", 2000, True),
        ("参与群众1.2万人次", "参与人次", 12000, False),
        ("三千余人参加了活动", "参与人次", 3000, True),
        ("举办讲座近二十场", "培训场次", 20, True),
        ("开展宣传活动十二场次", "活动场次", 12, False),
        ("培训企业人员约1,500人", "培训人次", 1500, True),
        ("媒体报道十篇", "媒体报道篇数", 10, False),
    ],
)
def test_numerals_and_qualifiers(text: str, kind: str, value: int, approx: bool) -> None:
    (f,) = find_figures(text)
    assert (f.kind, f.value, f.approx) == (kind, value, approx)


def test_chinese_numbers() -> None:
    assert [cn_integer(t) for t in ("二十六", "十", "三千五百", "一万二千", "二〇二一")] == [
        26, 10, 3500, 12000, 2021]  # fmt: skip
    assert parse_number("1.2万") == 12000 and parse_number("2千") == 2000


def test_ready_sentence() -> None:
    totals = {"活动场次": (12, False), "参与人次": (12000, True), "发放资料份数": (2000, True)}
    assert summary_sentence(totals) == "全市共开展活动12场次，参与1.2万余人次，发放资料2000余份。"


@pytest.fixture
def registered(study: Services, tmp_path: Path) -> Services:
    """和平区 sent seed 000 as .docx and the same text as a sealed PDF; 河西区 sent 002."""
    files = {
        "和平区市场监管局": [write_docx(tmp_path / "和平区总结.docx", seed_text("000")),
                             write_pdf(tmp_path / "和平区总结.pdf", seed_text("000"), seal=True)],
        "河西区市场监管局": [write_docx(tmp_path / "河西区总结.docx", seed_text("002"))],
    }  # fmt: skip
    for unit, paths in files.items():
        oid = study.ledger.find_obligation(unit, "阶段性总结", NOTICE)
        study.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 20), files=paths)
    return study


def test_figures_per_unit(registered: Services) -> None:
    table = registered.figures.table(NOTICE)
    got = {(r.unit, r.kind): (r.value, r.approx) for r in table.rows}
    # the .docx and its sealed PDF say the same: counted once, not twice
    assert got[("和平区市场监管局", "发放资料份数")] == (10100, True)
    assert got[("河西区市场监管局", "参与人次")] == (700, True)
    assert table.totals()["参与人次"] == (5700, True)
    row = next(r for r in table.rows if r.kind == "参与人次" and r.unit == "河西区市场监管局")
    assert "700人参加" in row.sentence and row.file == "河西区总结.docx"
    assert table.sentence().startswith("全市共参与5700余人次，发放资料10100余份")


def test_correction_is_kept_and_audited(registered: Services) -> None:
    row = next(r for r in registered.figures.table(NOTICE).rows if r.unit.startswith("河西"))
    registered.figures.correct(row.obligation_id, "参与人次", 720, note="电话核实")
    fixed = next(r for r in registered.figures.table(NOTICE).rows if r.unit.startswith("河西"))
    assert (fixed.value, fixed.approx, fixed.corrected, fixed.read_value) == (720, False, True, 700)
    entry = registered.audit.entries()[0]
    assert entry.action == "figure.correct" and "720" in entry.summary
    assert json.loads(entry.after or "{}")["value"] == 720
    registered.figures.correct(row.obligation_id, "参与人次", None)
    back = next(r for r in registered.figures.table(NOTICE).rows if r.unit.startswith("河西"))
    assert (back.value, back.corrected) == (700, False)
    with pytest.raises(Exception, match="0 到"):
        registered.figures.correct(row.obligation_id, "参与人次", -5)


def test_status_workbook_gets_the_sheet(registered: Services, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "统计表.xlsx"
    registered.export.write_status(path)
    wb = load_workbook(path, read_only=True)
    assert "关键数据" in wb.sheetnames
    rows = [r for r in wb["关键数据"].iter_rows(values_only=True) if any(v is not None for v in r)]
    header = rows[2]
    assert header[:5] == ("序号", "单位", "类别", "通知", "报送事项")
    total = next(r for r in rows if len(r) > 1 and r[1] == "合计")
    assert total[header.index("参与人次")] == 5700
    sentence = next(r for r in rows if len(r) > 1 and r[1] == "汇总表述")
    assert sentence[2].startswith("全市共参与5700余人次")


def test_export_shows_the_summaries_being_read_and_can_stop(
    registered: Services, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if total == 3:  # the three summaries' files, read before the workbook is written
            raise RuntimeError("已取消")

    path = tmp_path / "统计表.xlsx"
    with pytest.raises(RuntimeError, match="已取消"):
        registered.export.write_status(path, progress=progress)
    assert seen == [(0, 3)] and not path.exists()


def test_cli_formats(
    registered: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(registered.ws.root)]
    registered.close()
    assert main([*ws, "figures", "--notice", NOTICE, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"unit", "requirement", "kind", "value", "approx", "sentence", "file"} <= set(rows[0])
    assert main([*ws, "figures"]) == 0
    assert "全市共参与5700余人次" in capsys.readouterr().out
    assert main([*ws, "figures", "--format", "xlsx"]) == 1
    assert "--out" in capsys.readouterr().err
    assert main([*ws, "figures", "--format", "xlsx", "--out", str(tmp_path / "k.xlsx")]) == 0
    assert (tmp_path / "k.xlsx").is_file()


def test_figures_are_found_in_time_proportional_to_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every figure re-read its whole sentence to find its clause: a 40,000-character sentence
    with 8,000 figures took 2.3 s, a 2-million-character file hours. Counted, not timed."""
    from tracker.domain import figures

    looked_at = 0
    real = figures._kind

    def counted(unit: str, clause: str, *rest: object) -> str | None:
        nonlocal looked_at
        looked_at += len(clause)
        return real(unit, clause, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(figures, "_kind", counted)
    text = "参加5人次" * 8_000  # one sentence, no clause marks
    found = figures.find_figures(text)
    assert len(found) == 8_000 and {f.kind for f in found} == {figures.PEOPLE}
    assert looked_at / len(text) < 60  # was 8,000: the whole sentence for each figure
    assert figures.find_figures("今年开展活动12场次，参与群众1.2万人次。")  # as before
