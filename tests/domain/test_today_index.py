"""The board patched write by write equals the board built from scratch (``build_board``)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.forms import Form
from tracker.domain.ladder import Step, Suggestion
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.domain.today import build_board
from tracker.domain.today_index import BoardIndex

AS_OF = date(2023, 12, 1)
WITHIN = 3
ARCHIVED = frozenset({3})  # notice 3 is 归档: never on the board

# What one obligation can look like: its status, what came in, days left, deadline and
# the ladder's suggestion (None: nothing to chase).
STATE = st.tuples(
    st.sampled_from(list(Status)),
    st.sampled_from([Form.NONE, Form.ELECTRONIC]),
    st.one_of(st.none(), st.integers(0, 6)),
    st.integers(0, 4),  # deadline: days after AS_OF
    st.one_of(
        st.none(),
        st.builds(
            Suggestion,
            step=st.sampled_from(list(Step)),
            reason=st.sampled_from(["逾期1个工作日", "逾期6个工作日", "已电话催报"]),
        ),
    ),
)


def obligation(oid: int, unit: int, req: int, state: tuple) -> ObligationRow:  # type: ignore[type-arg]
    status, received, left, due, _ = state
    notice = req % 4  # items 3, 7, … belong to the archived notice
    return ObligationRow(
        oid, AS_OF, unit, f"单位{unit % 5}", f"单{unit}", "区局", unit, True, "", "", "",
        notice, f"文号{notice}", "通知", req, f"事项{req}", AS_OF + timedelta(days=due),
        None, "", None, Form.ELECTRONIC, status, received, Form.ELECTRONIC, None, 0, left,
        "", 0, None,
    )  # fmt: skip


def apply(
    rows: list[ObligationRow],
    suggestions: dict[int, Suggestion],
    i: int,
    state: tuple,  # type: ignore[type-arg]
) -> None:
    r = rows[i]
    rows[i] = obligation(r.obligation_id, r.unit_id, r.requirement_id, state)
    suggestions.pop(r.obligation_id, None)
    if state[4] is not None:
        suggestions[r.obligation_id] = state[4]


def from_scratch(rows: list[ObligationRow], suggestions: dict[int, Suggestion]) -> object:
    return build_board(rows, suggestions, within=WITHIN, archived=ARCHIVED, units=7, notices=4)


@settings(max_examples=150, deadline=None)
@given(
    units=st.integers(1, 7),
    reqs=st.integers(1, 6),
    data=st.data(),
)
def test_patched_board_equals_the_board_built_again(units: int, reqs: int, data) -> None:  # type: ignore[no-untyped-def]
    cells = [(u, q) for q in range(1, reqs + 1) for u in range(1, units + 1)]
    states = data.draw(st.lists(STATE, min_size=len(cells), max_size=len(cells)))
    rows: list[ObligationRow] = []
    suggestions: dict[int, Suggestion] = {}
    for oid, ((u, q), state) in enumerate(zip(cells, states, strict=True), start=1):
        rows.append(obligation(oid, u, q, state))
        if state[4] is not None:
            suggestions[oid] = state[4]
    index = BoardIndex.of(rows, suggestions, within=WITHIN, archived=ARCHIVED, units=7, notices=4)
    assert index.board == from_scratch(rows, suggestions)
    writes = data.draw(
        st.lists(
            st.lists(st.tuples(st.integers(0, len(rows) - 1), STATE), min_size=1, max_size=3),
            max_size=12,
        )
    )
    for batch in writes:  # one write may touch several obligations (免报 of a few units)
        before = {i: rows[i] for i, _ in batch}
        old_rows, old_suggestions, old_index = list(rows), dict(suggestions), index
        for i, state in batch:
            apply(rows, suggestions, i, state)
        index = index.patched(list(rows), before, old_suggestions, suggestions)
        assert index.board == from_scratch(rows, suggestions)
        # the board shown meanwhile is left as it was
        assert old_index.board == from_scratch(old_rows, old_suggestions)


def test_patching_leaves_the_board_it_came_from_alone() -> None:
    phone = Suggestion(step=Step.PHONE, reason="逾期1个工作日")
    overdue = (Status.OVERDUE, Form.NONE, None, 0, phone)
    rows = [obligation(1, 1, 1, overdue), obligation(2, 2, 1, overdue)]
    suggestions = {1: phone, 2: phone}
    index = BoardIndex.of(rows, suggestions, within=WITHIN)
    done = (Status.ON_TIME, Form.ELECTRONIC, None, 0, None)
    new_rows = [obligation(1, 1, 1, done), rows[1]]
    patched = index.patched(new_rows, {0: rows[0]}, suggestions, {2: phone})
    assert [i.obligation_ids for i in patched.board.todo] == [(2,)]
    assert [i.obligation_ids for i in index.board.todo] == [(1, 2)]  # unchanged
    assert index.board == build_board(rows, suggestions, within=WITHIN)
