"""Whatever order the registrations are entered in, the status is what the facts imply."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.forms import ALL_FORMS, Form, members
from tracker.domain.status import Arrival, Facts, Status, standing

DEADLINE = date(2023, 6, 27)
days = st.integers(min_value=-10, max_value=10).map(lambda n: DEADLINE + timedelta(days=n))
forms = st.integers(min_value=1, max_value=int(ALL_FORMS)).map(Form)
arrivals = st.lists(st.builds(Arrival, days, forms), max_size=6)


def expected(required: Form, items: list[Arrival], as_of: date) -> Status:
    """The rule stated directly: when did each required form first arrive (by as_of)?"""
    firsts = []
    for flag in members(required):
        got = [a.received for a in items if a.forms & flag and a.received <= as_of]
        firsts.append(min(got) if got else None)
    if all(firsts):
        return Status.LATE if max(firsts) > DEADLINE else Status.ON_TIME  # type: ignore[type-var]
    if as_of <= DEADLINE:
        return Status.PENDING
    return Status.PARTIAL if any(firsts) else Status.OVERDUE


@settings(max_examples=300, deadline=None)
@given(required=forms, items=arrivals, as_of=days, data=st.data())
def test_any_order_gives_the_status_the_facts_imply(required, items, as_of, data) -> None:
    shuffled = data.draw(st.permutations(items))
    result = standing(Facts(DEADLINE, required, tuple(shuffled)), as_of)
    assert result.status is expected(required, items, as_of)
    assert result == standing(Facts(DEADLINE, required, tuple(items)), as_of)
