"""One tally everywhere: the dashboard, the workbook and the printed lists give the same 上报率,
counting only what is already due, with — when nothing is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.excel_ledger import AS_OF, build
from tracker.domain.forms import Form
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.overview import build_overview
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.domain.tally import NO_RATE, tally, tally_by
from tracker.services.bundle import Services


@pytest.fixture
def ledger(services: Services) -> Services:
    sv = build(services)
    sv.notices.create(
        NoticeSpec(
            title="关于报送联络员信息的通知",
            doc_number="津市场监管标准〔2023〕22号",
            issued_on=date(2023, 11, 1),
            requirements=(RequirementSpec("联络员信息表", date(2023, 11, 20), Form.ELECTRONIC,
                                          ("区局",)),),
        )
    )  # fmt: skip
    owed = [r.obligation_id for r in sv.ledger.rows(LedgerQuery(as_of=AS_OF))
            if r.requirement_title == "联络员信息表"]  # fmt: skip
    sv.ledger.exempt(owed, "已在年初报送")  # every unit 免报
    return sv


def test_rate_counts_only_what_is_due(ledger: Services, tmp_path: Path) -> None:
    rows = ledger.ledger.rows(LedgerQuery(as_of=AS_OF))
    by_req = tally_by(rows, lambda r: r.requirement_title)
    future = by_req["标准化工作总结"]
    assert future.rate is None and future.rate_text() == NO_RATE
    assert future.not_due == 3 and future.not_due_sent == 1  # 河西 sent early, counted apart
    exempt = by_req["联络员信息表"]
    assert exempt.required == 0 and exempt.rate is None
    total = tally(rows)
    assert total.due == 10 and total.due_sent == 4 and total.rate == pytest.approx(0.4)

    # the dashboard
    overview = build_overview(rows, AS_OF, ledger.ws.calendar())
    shown = {p.title: p.tally.rate_text() for p in overview.progress}
    assert shown["标准化工作总结"] == NO_RATE and shown["联络员信息表"] == NO_RATE
    assert shown["阶段性总结"] == by_req["阶段性总结"].rate_text()

    # the workbook
    path = tmp_path / "统计表.xlsx"
    ledger.export.write_status(path, as_of=AS_OF)
    ws = load_workbook(path)["汇总"]
    rates = {
        ws.cell(r, 3).value: ws.cell(r, 12).value for r in range(4, ws.max_row + 1)
        if ws.cell(r, 3).value
    }  # fmt: skip
    assert rates["标准化工作总结"] == NO_RATE and rates["联络员信息表"] == NO_RATE
    assert rates["阶段性总结"] == pytest.approx(by_req["阶段性总结"].rate)

    # the printed list's totals line
    report = ledger.lists.overdue(LedgerQuery(as_of=AS_OF))
    assert f"上报率{total.rate_text()}" in report.totals
