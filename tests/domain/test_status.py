"""The status rules, table-driven, with the edge cases clerks actually meet."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.forms import Form
from tracker.domain.status import Arrival, Facts, Status, parse_status, standing

E, P, S, V = Form.ELECTRONIC, Form.PAPER, Form.SEAL, Form.EVIDENCE
DL = date(2023, 6, 27)  # 阶段性总结 by 6月27日


def d(month: int, day: int) -> date:
    return date(2023, month, day)


CASES = [
    # (label, required, arrivals, extended_to, exempt, as_of, status, missing, days)
    ("nothing yet, before deadline", E | P, [], None, False, d(6, 20), Status.PENDING, E | P, 0),
    ("nothing on the deadline day itself", E, [], None, False, d(6, 27), Status.PENDING, E, 0),
    ("nothing, day after deadline", E | P, [], None, False, d(6, 28), Status.OVERDUE, E | P, 1),
    (
        "submitted on the deadline day",
        E,
        [(d(6, 27), E)],
        None,
        False,
        d(6, 28),
        Status.ON_TIME,
        0,
        0,
    ),
    ("submitted a day late", E, [(d(6, 28), E)], None, False, d(6, 30), Status.LATE, 0, 1),
    (
        "electronic on time, paper late",
        E | P,
        [(d(6, 25), E), (d(6, 29), P)],
        None,
        False,
        d(7, 1),
        Status.LATE,
        0,
        2,
    ),
    (
        "electronic on time, paper still missing",
        E | P,
        [(d(6, 25), E)],
        None,
        False,
        d(7, 1),
        Status.PARTIAL,
        P,
        4,
    ),
    (
        "electronic only, before deadline: still pending",
        E | P,
        [(d(6, 25), E)],
        None,
        False,
        d(6, 26),
        Status.PENDING,
        P,
        0,
    ),
    (
        "both in one submission",
        E | P | S,
        [(d(6, 20), E | P | S)],
        None,
        False,
        d(7, 1),
        Status.ON_TIME,
        0,
        0,
    ),
    (
        "extension then submission within it",
        E,
        [(d(7, 3), E)],
        d(7, 5),
        False,
        d(7, 10),
        Status.ON_TIME,
        0,
        0,
    ),
    ("extension, nothing, before new date", E, [], d(7, 5), False, d(7, 1), Status.PENDING, E, 0),
    ("extension, nothing, after new date", E, [], d(7, 5), False, d(7, 8), Status.OVERDUE, E, 3),
    (
        "extension, submitted after new date",
        E,
        [(d(7, 7), E)],
        d(7, 5),
        False,
        d(7, 8),
        Status.LATE,
        0,
        2,
    ),
    ("exempt", E, [], None, True, d(7, 8), Status.EXEMPT, 0, 0),
    ("exempt before deadline too", E, [], None, True, d(6, 1), Status.EXEMPT, 0, 0),
    (
        "as of before the submission arrived",
        E,
        [(d(6, 29), E)],
        None,
        False,
        d(6, 28),
        Status.OVERDUE,
        E,
        1,
    ),
    (
        "as of before an on-time submission",
        E,
        [(d(6, 26), E)],
        None,
        False,
        d(6, 25),
        Status.PENDING,
        E,
        0,
    ),
    (
        "unrequired form only does not count",
        E,
        [(d(6, 20), V)],
        None,
        False,
        d(7, 1),
        Status.OVERDUE,
        E,
        4,
    ),
    (
        "evidence required and sent late",
        E | V,
        [(d(6, 20), E), (d(7, 2), V)],
        None,
        False,
        d(7, 3),
        Status.LATE,
        0,
        5,
    ),
]


@pytest.mark.parametrize(
    ("label", "required", "arrivals", "ext", "exempt", "as_of", "status", "missing", "days"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_status_rules(label, required, arrivals, ext, exempt, as_of, status, missing, days):
    facts = Facts(DL, required, tuple(Arrival(a, f) for a, f in arrivals), ext, exempt)
    result = standing(facts, as_of)
    assert result.status is status, label
    assert result.missing == Form(missing)
    assert result.days_overdue == days


def test_completion_day_is_when_the_last_required_form_arrived() -> None:
    facts = Facts(DL, E | P, (Arrival(d(6, 20), E), Arrival(d(6, 22), P), Arrival(d(6, 30), E)))
    assert standing(facts, d(7, 1)).completed_on == d(6, 22)


def test_first_received_dates_per_form() -> None:
    facts = Facts(DL, E | P, (Arrival(d(6, 24), E), Arrival(d(6, 20), E), Arrival(d(6, 29), P)))
    first = standing(facts, d(7, 1)).first_received
    assert first == {E: d(6, 20), P: d(6, 29)}


def test_labels_and_codes_round_trip() -> None:
    for status in Status:
        assert parse_status(status.value) is status
        assert parse_status(status.label) is status
    assert Status.OVERDUE.label == "逾期未报"
    assert Status.PARTIAL.needs_action and not Status.LATE.needs_action
