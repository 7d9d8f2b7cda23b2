"""逾期未报名单 / 即将到期 PDFs and the letters CLI, read back."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from tests.letters.pdfcheck import fonts, page_sizes_mm, pages_text, raw_text, words
from tracker.cli import main
from tracker.domain.records import ReminderMethod, UnitSpec
from tracker.services.bundle import Services
from tracker.services.ledger_rows import LedgerQuery

AS_OF = date(2023, 6, 28)


def test_overdue_list_grouped_with_totals(overdue_ledger: Services, tmp_path: Path) -> None:
    sv = overdue_ledger
    report = sv.lists.overdue(LedgerQuery(as_of=AS_OF))
    assert [c for c, _, _ in report.groups] == ["区局"]
    assert report.totals.startswith("合计：应报4家，已报1家，上报率25.0%")
    out = tmp_path / "逾期.pdf"
    assert sv.lists.write(report, out) == set()
    (w, h), *_ = page_sizes_mm(out)
    assert (round(w), round(h)) == (297, 210)
    text = pages_text(out)[0]
    assert "逾期未报名单" in text and "截至2023年6月28日" in text
    assert "区局（应报3家，已报0家，列入本表3家）" in text
    for unit in ("和平区市场监管局", "河西区市场监管局", "南开区市场监管局"):
        assert unit in text
    assert "市教委" not in text
    assert "— 1 —" in text
    assert all(f["emb"] == "yes" for f in fonts(out))


def test_long_list_repeats_header_and_numbers_pages(services: Services, tmp_path: Path) -> None:
    from tests.letters.conftest import NOTICE_NUMBER
    from tracker.domain.forms import Form
    from tracker.domain.records import NoticeSpec, RequirementSpec

    for n in range(60):
        services.units.save(UnitSpec(f"第{n + 1}号<单位>&“测试”", "区局"))
    services.notices.create(
        NoticeSpec(
            "关于报送总结的通知",
            NOTICE_NUMBER,
            requirements=(RequirementSpec("总结", date(2023, 6, 20), Form.ELECTRONIC, ("区局",)),),
        )
    )
    out = tmp_path / "long.pdf"
    services.lists.write(services.lists.overdue(LedgerQuery(as_of=AS_OF)), out)
    texts = pages_text(out)
    assert len(texts) >= 3
    assert all("序号" in t and "缺少的材料" in t for t in texts)
    assert [f"— {n} —" in t for n, t in enumerate(texts, 1)] == [True] * len(texts)
    joined = "".join(texts)
    assert "第60号<单位>&“测试”" in raw_text(out)
    assert "合计：应报60家，已报0家，上报率0.0%" in joined
    header = [w for w in words(out) if w.text.startswith("序号")]
    assert len({round(w.top_mm) for w in header if w.page > 1}) == 1  # same place each page


@pytest.fixture
def run(overdue_ledger: Services, capsys: pytest.CaptureFixture[str]):
    root = str(overdue_ledger.ws.root)
    overdue_ledger.close()

    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", root, *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def test_cli_letters_out_and_split(run, tmp_path: Path) -> None:
    out = run("letters", "--as-of", "2023-06-28", "--date", "2023-06-28",
              "--out", str(tmp_path / "all.pdf"), "--split", str(tmp_path / "each"))  # fmt: skip
    assert "已发出催报函 3 封" in out
    files = sorted(p.name for p in (tmp_path / "each").iterdir())
    assert files == [
        "津市场监管标准函〔2023〕1号 和平区市场监管局.pdf",
        "津市场监管标准函〔2023〕2号 河西区市场监管局.pdf",
        "津市场监管标准函〔2023〕3号 南开区市场监管局.pdf",
    ]
    texts = pages_text(tmp_path / "all.pdf")
    assert sum("津市场监管标准函〔2023〕" in t for t in texts) == 3
    listed = run("letters", "--list")
    assert "津市场监管标准函〔2023〕3号" in listed
    run("letters", "--reprint", "津市场监管标准函〔2023〕1号", "--out", str(tmp_path / "r.pdf"))
    assert (tmp_path / "r.pdf").read_bytes() == (tmp_path / "each" / files[0]).read_bytes()
    status = run("status", "--as-of", "2023-06-28", "--format", "json")
    assert status.count('"reminders": 1') == 3


def test_cli_preview_records_nothing_and_overdue_pdf(run, tmp_path: Path) -> None:
    run("letters", "--as-of", "2023-06-28", "--mode", "category", "--preview",
        "--out", str(tmp_path / "p.pdf"))  # fmt: skip
    assert "附件：未报送单位名单" in "".join(pages_text(tmp_path / "p.pdf"))
    assert "津市场监管标准函" not in run("letters", "--list").split("\n", 2)[-1]
    out = run("overdue", "--as-of", "2023-06-28", "--pdf", str(tmp_path / "o.pdf"))
    assert "已输出逾期未报名单" in out and (tmp_path / "o.pdf").exists()
    soon = run(
        "due-soon", "--as-of", "2023-06-15", "--within", "5", "--pdf", str(tmp_path / "d.pdf")
    )
    assert "和平区市场监管局" in soon and "列入本表4家" in soon
    assert "即将到期" in pages_text(tmp_path / "d.pdf")[0]
    err = run("letters", "--as-of", "2023-06-28", ok=False)
    assert "--out" in err


def test_cli_warns_of_a_year_without_holidays(run, tmp_path: Path) -> None:
    out = run("letters", "--as-of", "2026-12-28", "--date", "2026-12-28", "--preview",
              "--out", str(tmp_path / "p.pdf"))  # fmt: skip
    assert "2027年的节假日安排尚无数据" in out
    assert "tracker holidays 2027 --import" in out and "工具 ▸ 设置 ▸ 节假日" in out
    body = "".join(pages_text(tmp_path / "p.pdf")).replace("\n", "")
    assert "请于2027年1月5日前" in body  # 1 January counted as the holiday it always is


def test_cli_back_dated_letter_is_issued_with_a_warning(run, tmp_path: Path) -> None:
    run("letters", "--as-of", "2023-06-28", "--date", "2023-06-28", "--unit", "和平局",
        "--out", str(tmp_path / "a.pdf"))  # fmt: skip
    out = run("letters", "--date", "2023-06-26", "--unit", "河西局",
              "--out", str(tmp_path / "b.pdf"))  # fmt: skip
    assert "早于已发出的津市场监管标准函〔2023〕1号（2023年6月28日）" in out
    assert "津市场监管标准函〔2023〕2号" in out  # issued all the same
    body = raw_text(tmp_path / "b.pdf")
    assert "截至2023年6月26日" in body  # counted as of its own date, not a later day
    refused = run("letters", "--as-of", "2023-06-28", "--date", "2023-06-26", "--unit", "南开局",
                  "--out", str(tmp_path / "c.pdf"), ok=False)  # fmt: skip
    assert "统计截止日期2023年6月28日晚于发函日期2023年6月26日" in refused


def test_lists_show_the_original_deadline_and_fit_their_rows(
    overdue_ledger: Services, tmp_path: Path
) -> None:
    sv = overdue_ledger
    sv.settings.update_office(office_name="标准化处")
    oid = sv.ledger.find_obligation("河西局", "阶段性总结")
    sv.ledger.extend([oid], date(2023, 6, 25), "系统故障", on=date(2023, 6, 19))
    sv.ledger.remind([sv.ledger.find_obligation("南开局", "阶段性总结")],
                     ReminderMethod.PHONE, date(2022, 12, 30))  # fmt: skip
    report = sv.lists.overdue(LedgerQuery(as_of=AS_OF))
    out = tmp_path / "逾期.pdf"
    sv.lists.write(report, out)
    text = raw_text(out)
    assert "2023年6月20日延期至6月25日" in text  # the notice's deadline, the extension under it
    assert "1次/2022年12月30日" in text  # not this year: the year is shown
    assert "制表：" in text and "标准化处" in text and "报送督办台账" not in text
    rows = [w for w in words(out) if w.text[:1].isdigit() and "区市场监管局" in w.text]
    assert len(rows) == 3  # each unit's name whole on its row's first line


def test_a_cell_never_leaves_one_character_on_its_last_line() -> None:
    from tracker.reports.pdf_table import cell_lines

    measure = lambda t: 12.0 * len(t)  # noqa: E731
    lines = cell_lines("河西区市场监管局", 12.0 * 7 + 1, measure)  # 7 fit: 局 would stand alone
    assert lines == ["河西区", "市场监管局"]  # and between words
    assert cell_lines("2023年6月20日\n（延期至6月25日）", 400, measure) == [
        "2023年6月20日", "（延期至6月25日）",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        ("晋城市市场监督管理局城区分局", 8, ["晋城市市场监督", "管理局城区分局"]),
        ("泽州县市场监督管理局", 8, ["泽州县市场监督", "管理局"]),
        ("天津市智能制造标准化技术委员会", 8, ["天津市智能制造", "标准化技术委员会"]),
        ("世界标准日活动总结", 6, ["世界标准日", "活动总结"]),
        ("标准化试点项目进展报告", 7, ["标准化试点项目", "进展报告"]),
        ("监督检测技术研究院", 3, ["监督", "检测", "技术", "研究院"]),
    ],
)  # fmt: skip
def test_cells_break_between_words(text: str, chars: int, expected: list[str]) -> None:
    """监督管 / 理局, 技术委 / 员会, 世界标准日活 / 动总结 read as misprints."""
    from tracker.reports.pdf_table import cell_lines

    assert cell_lines(text, 12.0 * chars, lambda t: 12.0 * len(t)) == expected


def test_a_word_wider_than_its_cell_is_broken_by_characters() -> None:
    from tracker.reports.pdf_table import cell_lines

    assert cell_lines("标准化技术委员会", 12.0 * 2, lambda t: 12.0 * len(t)) == [
        "标准", "化技", "术委", "员会",
    ]  # fmt: skip


def test_due_soon_rows_take_one_or_two_lines(demo_services: Services, tmp_path: Path) -> None:
    report = demo_services.lists.due_soon(LedgerQuery(as_of=date(2023, 6, 15)), 10)
    listed = sum(len(rows) for _, _, rows in report.groups)
    out = tmp_path / "即将到期.pdf"
    demo_services.lists.write(report, out)
    found = words(out)
    rows = [w for w in found if w.size == 12.0 and w.text.split()[0].isdigit()]
    assert len(rows) == listed
    heads = [w for w in found if "（应报" in w.text]  # a category's heading between rows

    def apart(a, b) -> bool:  # type: ignore[no-untyped-def]
        return a.page == b.page and not any(
            h.page == a.page and a.top_mm < h.top_mm < b.top_mm for h in heads
        )

    pitches = [b.top_mm - a.top_mm for a, b in pairwise(rows) if apart(a, b)]
    two_lines = (2 * 12 * 1.35 + 2 * 12 * 0.35) / (72 / 25.4)  # two lines and the padding
    assert pitches and max(pitches) <= two_lines + 0.5, max(pitches)
    assert len(page_sizes_mm(out)) <= -(-listed // 12)  # at least 12 rows a page
