"""Every write announces a typed notice of what it changed, naming the obligations it knows."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.changes import Changes, Topic
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, ReminderMethod, RequirementSpec, UnitSpec
from tracker.services.bundle import Services

E, P = Form.ELECTRONIC, Form.PAPER


@pytest.fixture
def heard(tianjin_units: Services) -> list[Changes]:
    spec = NoticeSpec(
        title="关于报送2023年标准化工作总结的通知",
        doc_number="津市场监管标准〔2023〕20号",
        issued_on=date(2023, 6, 1),
        requirements=(RequirementSpec("工作总结", date(2023, 6, 30), E | P, ("区局",)),),
    )
    tianjin_units.notices.create(spec)
    seen: list[Changes] = []
    tianjin_units.subscribe(seen.append)
    return seen


def test_ledger_writes_name_their_obligations(tianjin_units: Services, heard) -> None:  # type: ignore[no-untyped-def]
    sv = tianjin_units
    a = sv.ledger.find_obligation("和平局", "工作总结")
    b = sv.ledger.find_obligation("河西局", "工作总结")
    sub = sv.ledger.register(a, E, date(2023, 6, 20)).ids[0]
    sv.ledger.exempt([a, b], "并入市级总结")
    sv.ledger.unexempt([b], "误操作")
    sv.ledger.extend([b], date(2023, 7, 30), "单位申请")
    reminded = sv.ledger.remind([b], ReminderMethod.PHONE)
    sv.ledger.delete_submission(sub, "登记错了")
    assert heard == [
        Changes.of(Topic.SUBMISSIONS, [a]),
        Changes.of(Topic.OBLIGATIONS, [a, b]),
        Changes.of(Topic.OBLIGATIONS, [b]),
        Changes.of(Topic.OBLIGATIONS, [b]),
        Changes.of(Topic.REMINDERS, [b]),
        Changes.of(Topic.SUBMISSIONS, [a]),
    ]
    heard.clear()
    sv.undo.undo(reminded)
    assert heard == [Changes.of(Topic.REMINDERS, [b])]


def test_other_writes_say_what_they_touched(tianjin_units: Services, heard) -> None:  # type: ignore[no-untyped-def]
    sv = tianjin_units
    sv.units.save(UnitSpec("红桥区市场监管局", "区局"))
    sv.units.add_category("高校")
    notice = sv.notices.list_notices()[0]
    sv.notices.delete(notice.id)
    sv.settings.update_office(letter_prefix="津标督")
    assert heard == [
        Changes.of(Topic.UNITS),
        Changes.of(Topic.UNITS),
        Changes.of(Topic.NOTICES),
        Changes.of(Topic.SETTINGS),
    ]
    assert heard[2].rows() is None  # a notice's obligations came or went: every row
    assert heard[3].rows() == frozenset()  # the office's settings change no ledger row
