"""报送情况 rows are built by name from labelled columns: moving or adding a column to the
select cannot silently shift a field."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tracker.domain.forms import Form
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import NoticeSpec, ObligationRow, RequirementSpec
from tracker.services import ledger_rows
from tracker.services.bundle import Services
from tracker.store.models import Unit

AS_OF = date(2023, 7, 3)


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    sv = tianjin_units
    sv.notices.create(
        NoticeSpec(
            title="关于开展2023年标准化研学行动的通知",
            doc_number="津市场监管标准〔2023〕14号",
            issued_on=date(2023, 6, 5),
            requirements=(
                RequirementSpec("阶段性总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),
            ),
        )
    )
    first, second, third = (
        sv.ledger.find_obligation(u, "阶段性总结") for u in ("和平局", "河西局", "南开局")
    )
    sv.ledger.register(first, Form.ELECTRONIC, date(2023, 6, 20), note="电子版")
    sv.ledger.extend([second], date(2023, 7, 10), "活动延后", on=date(2023, 6, 26))
    sv.ledger.exempt([third], "未承担任务", on=date(2023, 6, 26))
    return sv


def test_every_field_is_either_stored_or_derived() -> None:
    derived = {
        "as_of", "required_forms", "status", "received_forms", "missing_forms", "completed_on",
        "days_overdue", "workdays_left", "deadline_note", "reminders", "last_reminder",
        "first_received",
    }  # fmt: skip
    fields = {f.name for f in dataclasses.fields(ObligationRow)}
    assert set(ledger_rows.STORED_FIELDS) | derived == fields
    assert not set(ledger_rows.STORED_FIELDS) & derived


def test_reordering_the_select_changes_no_row(
    ledger: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = ledger.ledger.rows(LedgerQuery(as_of=AS_OF))
    assert {
        r.unit_name: r.status.value
        for r in rows
        if r.unit_name.startswith(("和平", "河西", "南开"))
    } == {
        "和平区市场监管局": "on_time",
        "河西区市场监管局": "pending",
        "南开区市场监管局": "exempt",
    }
    reversed_select = dict(reversed(list(ledger_rows.STORED_FIELDS.items())))
    monkeypatch.setattr(ledger_rows, "STORED_FIELDS", reversed_select)
    assert ledger.ledger.rows(LedgerQuery(as_of=AS_OF)) == rows


def test_a_column_added_to_the_select_fails_loudly(
    ledger: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = {"unit_address": Unit.address, **ledger_rows.STORED_FIELDS}
    monkeypatch.setattr(ledger_rows, "STORED_FIELDS", added)
    with pytest.raises(TypeError, match="unit_address"):
        ledger.ledger.rows(LedgerQuery(as_of=AS_OF))
