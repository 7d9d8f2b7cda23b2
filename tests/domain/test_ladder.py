"""The escalation ladder: 电话 → 催报函 → 通报, by working days overdue and what was done."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.ladder import ChaseHistory, LadderRules, Step, next_step
from tracker.domain.workdays import WorkCalendar

CAL = WorkCalendar()
DUE = date(2023, 6, 27)  # a Tuesday; 端午 holidays are 6-22..6-24
RULES = LadderRules(phone_after=1, letter_after=5, phone_grace=3, letter_grace=5)


def step(as_of: date, history: ChaseHistory | None = None, rules: LadderRules = RULES):
    return next_step(
        due=DUE,
        as_of=as_of,
        history=history or ChaseHistory(),
        rules=rules,
        workdays=CAL.workdays_between,
        add_workdays=CAL.add_workdays,
    )


def test_nothing_before_the_deadline_has_passed() -> None:
    assert step(DUE) is None


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2023, 6, 28), Step.PHONE),  # 1 working day late
        (date(2023, 7, 3), Step.PHONE),  # 6-28, 29, 30, 7-3: 4 working days
        (date(2023, 7, 4), Step.LETTER),  # 5 working days
    ],
)
def test_working_days_overdue_lead_from_phone_to_letter(as_of: date, expected: Step) -> None:
    assert step(as_of).step is expected


def test_a_weekend_after_a_friday_deadline_is_not_late_yet() -> None:
    friday = date(2023, 6, 30)
    got = next_step(due=friday, as_of=date(2023, 7, 2), history=ChaseHistory(), rules=RULES,
                    workdays=CAL.workdays_between, add_workdays=CAL.add_workdays)  # fmt: skip
    assert got is not None and got.step is Step.WAIT and got.until == date(2023, 7, 3)
    assert "7月3日起电话催报" in got.reason


def test_a_phone_call_that_brought_nothing_leads_to_a_letter() -> None:
    phoned = ChaseHistory(phoned_on=date(2023, 6, 28))
    waiting = step(date(2023, 6, 30), phoned)
    assert waiting.step is Step.WAIT and waiting.until == date(2023, 7, 3)
    letter = step(date(2023, 7, 3), phoned)
    assert letter.step is Step.LETTER and "电话催报后3个工作日仍未报" in letter.reason


def test_after_the_letters_deadline_the_unit_goes_into_the_bulletin() -> None:
    sent = ChaseHistory(letter_on=date(2023, 7, 4), letter_deadline=date(2023, 7, 11))
    assert step(date(2023, 7, 11), sent).step is Step.WAIT
    named = step(date(2023, 7, 12), sent)
    assert named.step is Step.BULLETIN and "7月11日已过" in named.reason
    by_hand = ChaseHistory(letter_on=date(2023, 7, 4))  # recorded by hand: 5 working days
    assert step(date(2023, 7, 11), by_hand).step is Step.WAIT
    assert step(date(2023, 7, 12), by_hand).step is Step.BULLETIN


def test_thresholds_are_the_offices() -> None:
    eager = LadderRules(phone_after=0, letter_after=2, phone_grace=1, letter_grace=5)
    assert step(date(2023, 6, 28), rules=eager).step is Step.PHONE
    assert step(date(2023, 6, 29), rules=eager).step is Step.LETTER


def test_a_unit_already_queued_for_the_bulletin_waits_for_it() -> None:
    sent = ChaseHistory(letter_on=date(2023, 7, 4), letter_deadline=date(2023, 7, 11),
                        queued_on=date(2023, 7, 12))  # fmt: skip
    queued = step(date(2023, 7, 13), sent)
    assert queued.step is Step.QUEUED and not queued.step.is_action
    assert queued.step.label == "已列入通报" and "7月12日已列入下次通报" in queued.reason
