"""The 名单 of a category letter and the printed lists, measured in the PDF: one row per unit
with each item it owes on a sub-row of its own (its deadline beside it, an extension under
it), names and dates never broken, columns sized so the table takes few lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.letters.pdfcheck import page_sizes_mm
from tracker.domain.forms import Form
from tracker.domain.letter_request import LetterRequest
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.reports.pdf_letters import write_letters
from tracker.services.bundle import Services
from tracker.services.ledger_rows import LedgerQuery

AS_OF = date(2023, 11, 15)


def _found(path: Path, page: int, text: str) -> list[dict]:  # type: ignore[type-arg]
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return pdf.pages[page].search(text, regex=False)


def test_a_unit_owing_two_items_has_one_row_with_a_sub_row_each(
    tianjin_units: Services, tmp_path: Path
) -> None:
    from tracker.services.demo import DEMO_OFFICE

    sv = tianjin_units
    sv.settings.save_office(DEMO_OFFICE)
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于开展2023年全市标准化工作专项检查的通知",
            doc_number="津市场监管标准〔2023〕88号",
            issuer="天津市市场监督管理委员会",
            issued_on=date(2023, 9, 1),
            requirements=(
                RequirementSpec(
                    "自查报告", date(2023, 9, 20), Form.ELECTRONIC | Form.SEAL, categories=("区局",)
                ),
                RequirementSpec(
                    "企业标准自我声明公开情况核查表",
                    date(2023, 10, 10),
                    Form.ELECTRONIC | Form.EVIDENCE,
                    categories=("区局",),
                ),
            ),
        )
    )
    oid = sv.ledger.find_obligation("河西局", "企业标准自我声明公开情况核查表")
    sv.ledger.extend([oid], date(2023, 10, 25), "系统故障", on=date(2023, 10, 9))
    req = LetterRequest(as_of=AS_OF, letter_date=AS_OF, mode="category", categories=("区局",))
    content = sv.letters.drafts(req)[0].content
    out = tmp_path / "名单.pdf"
    write_letters(out, [content])
    last = len(page_sizes_mm(out)) - 1
    units = ["和平区市场监管局", "河西区市场监管局", "南开区市场监管局"]
    for unit in units:
        assert len(_found(out, last, unit)) == 1, unit  # one row, the name whole on one line
    item, deadline = "自查报告", "2023年9月20日"
    rows = _found(out, last, item)
    dates = _found(out, last, deadline)
    assert len(rows) == len(dates) == 3  # the item on a sub-row of each unit, its date beside
    for a, b in zip(rows, dates, strict=True):
        assert abs(a["top"] - b["top"]) < 1.0
    other = _found(out, last, "2023年10月10日")
    assert len(other) == 3 and all(
        o["top"] > r["top"] + 10 for o, r in zip(other, rows, strict=True)
    )
    (extension,) = _found(out, last, "延期至10月25日")
    west = _found(out, last, "河西区市场监管局")[0]
    assert extension["top"] > other[1]["top"] and extension["top"] > west["top"]
    names = _found(out, last, "单位")[0]
    due = _found(out, last, "原定时限")[0]
    assert due["x0"] - names["x0"] > 0  # the deadline column no wider than its dates need
    width = _found(out, last, "2023年10月10日")[0]
    assert 595 - 79 - width["x0"] < 40 * 72 / 25.4  # from its date's start to the type area's end


def test_the_demo_lists_keep_names_dates_and_forms_whole(
    demo_services: Services, tmp_path: Path
) -> None:
    day = date(2023, 6, 28)
    report = demo_services.lists.overdue(LedgerQuery(as_of=day))
    listed = [r for _, _, rows in report.groups for r in rows]
    out = tmp_path / "逾期.pdf"
    demo_services.lists.write(report, out)
    pages = len(page_sizes_mm(out))

    def count(text: str) -> int:
        return sum(len(_found(out, p, text)) for p in range(pages))

    districts = {r.unit_name for r in listed if len(r.unit_name) == 8}  # 河东区市场监管局
    assert districts
    for name in districts:  # on one line each time
        assert count(name) == sum(r.unit_name == name for r in listed), name
    found = {key: count(key) for key in ("2021年10月29日", "加盖公章", "佐证材料")}
    reminded = [r for r in listed if r.last_reminder == date(2021, 10, 29)]
    assert found["2021年10月29日"] == len(reminded) > 0  # 1次/ then the date, whole
    sealed = [r for r in listed if r.missing_forms & Form.SEAL]
    evidence = [r for r in listed if r.missing_forms & Form.EVIDENCE]
    assert found["加盖公章"] == len(sealed) and found["佐证材料"] == len(evidence)
    assert pages <= 4
