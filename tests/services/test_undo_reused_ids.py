"""Ctrl+Z of a registration or a 催报 after another clerk deleted it and made a new one: SQLite
hands a deleted newest row's id to the next insert, so the id the audit entry names may now be
the other clerk's record. The undo is refused and that record stays (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tracker.domain.errors import ConflictError
from tracker.domain.forms import Form
from tracker.domain.records import Channel, NoticeSpec, ReminderMethod, RequirementSpec
from tracker.services.bundle import Services


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    req = RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",))
    tianjin_units.notices.create(
        NoticeSpec("关于报送总结的通知", doc_number="津标〔2023〕2号", requirements=(req,))
    )
    return tianjin_units


@pytest.fixture
def other_clerk(ledger: Services, workspace_dir: Path, db_url: str | None) -> Iterator[Services]:
    with Services.open(workspace_dir, db_url) as other:
        yield other


def test_undoing_a_registration_whose_id_now_names_another_clerks(
    ledger: Services, other_clerk: Services
) -> None:
    mine, theirs = (ledger.ledger.find_obligation(u, "总结") for u in ("和平局", "河西局"))
    made = ledger.ledger.register(mine, Form.ELECTRONIC, date(2023, 6, 20))
    (sub,) = ledger.ledger.submissions(mine)
    other_clerk.ledger.delete_submission(sub.id, "登记错了单位")
    other_clerk.ledger.register(theirs, Form.ELECTRONIC, date(2023, 6, 21), Channel.PAPER)
    with pytest.raises(ConflictError, match="已被删除"):
        ledger.undo.undo(made)
    assert [s.received_on for s in ledger.ledger.submissions(theirs)] == [date(2023, 6, 21)]
    assert ledger.ledger.submissions(mine) == []


def test_undoing_a_reminder_whose_id_now_names_another_clerks(
    ledger: Services, other_clerk: Services
) -> None:
    req = RequirementSpec("年度总结", date(2023, 11, 10), Form.ELECTRONIC, ("区局",))
    ledger.notices.create(NoticeSpec("关于报送年度总结的通知", requirements=(req,)))
    first = ledger.ledger.find_obligation("和平局", "年度总结")
    made = ledger.ledger.remind([first], ReminderMethod.PHONE, date(2023, 11, 13))
    other_clerk.notices.delete(ledger.ledger.row(first).notice_id)  # its reminders with it
    kept = other_clerk.ledger.find_obligation("河西局", "总结")
    other_clerk.ledger.remind([kept], ReminderMethod.PHONE, date(2023, 7, 3), note="河西")
    with pytest.raises(ConflictError, match="已被删除"):
        ledger.undo.undo(made)
    assert [r.note for r in ledger.ledger.reminders()] == ["河西"]
