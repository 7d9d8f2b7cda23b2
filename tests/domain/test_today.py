"""今日待办 and red / amber / green, from ledger rows and the ladder's suggestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.domain.forms import Form
from tracker.domain.ladder import Step, Suggestion
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.domain.today import Light, light_of, queued_ids, todo, unit_lights

AS_OF = date(2023, 12, 1)


def row(oid: int, status: Status, *, unit: int = 1, req: int = 1, left: int | None = None,
        received: Form = Form.NONE) -> ObligationRow:  # fmt: skip
    return ObligationRow(
        oid, AS_OF, unit, f"单位{unit}", f"单{unit}", "区局", unit, True, "", "", "", 1, "文号",
        "通知", req, f"事项{req}", date(2023, 12, 5), None, "", None, Form.ELECTRONIC, status,
        received, Form.ELECTRONIC, None, 0, left, "", 0, None,
    )  # fmt: skip


def test_red_amber_green() -> None:
    assert light_of([row(1, Status.OVERDUE), row(2, Status.ON_TIME)], 3) is Light.RED
    assert light_of([row(1, Status.PENDING, left=3), row(2, Status.ON_TIME)], 3) is Light.AMBER
    assert light_of([row(1, Status.PENDING, left=4)], 3) is Light.NONE  # not soon enough
    got_some = row(1, Status.PENDING, left=1, received=Form.ELECTRONIC)
    assert light_of([got_some], 3) is Light.NONE  # something came in: not amber
    assert light_of([row(1, Status.LATE), row(2, Status.EXEMPT)], 3) is Light.GREEN


def test_units_reddest_first() -> None:
    rows = [row(1, Status.ON_TIME, unit=1), row(2, Status.OVERDUE, unit=2),
            row(3, Status.PENDING, unit=3, left=2)]  # fmt: skip
    assert [(u.unit_id, u.light) for u in unit_lights(rows, 3)] == [
        (2, Light.RED), (3, Light.AMBER), (1, Light.GREEN)]  # fmt: skip


def test_todo_groups_steps_by_item_bulletin_first_then_due_soon() -> None:
    rows = [row(1, Status.OVERDUE, unit=1), row(2, Status.OVERDUE, unit=2),
            row(3, Status.PARTIAL, unit=3), row(4, Status.PENDING, unit=4, req=2, left=1),
            row(5, Status.OVERDUE, unit=5)]  # fmt: skip
    rows[3] = replace(rows[3], requirement_title="事项2")
    suggestions = {
        1: Suggestion(step=Step.PHONE, reason="逾期1个工作日"),
        2: Suggestion(step=Step.PHONE, reason="逾期1个工作日"),
        3: Suggestion(step=Step.BULLETIN, reason="催报函补报时限12月1日已过仍未报"),
        5: Suggestion(step=Step.WAIT, reason="已电话催报", until=date(2023, 12, 4)),
    }
    items = todo(rows, suggestions, 3)
    assert [(i.action, i.obligation_ids) for i in items] == [
        ("列入通报", (3,)), ("电话催报", (1, 2)), ("电话提醒", (4,))]  # fmt: skip
    assert items[1].reason == "逾期1个工作日" and items[1].what == "事项1：单1、单2"
    assert items[2].reason == "12月5日截止，尚未收到"


def test_units_listed_for_the_next_bulletin_say_so_and_todo_offers_to_issue_it() -> None:
    rows = [row(1, Status.OVERDUE, unit=1), row(2, Status.OVERDUE, unit=1, req=2),
            row(3, Status.OVERDUE, unit=2), row(4, Status.PENDING, unit=3, left=1)]  # fmt: skip
    listed = Suggestion(step=Step.QUEUED, reason="12月1日已列入下次通报，印发通报时点名")
    suggestions = {1: listed, 2: listed, 3: Suggestion(step=Step.PHONE, reason="逾期1个工作日")}
    units = {u.unit_id: u.queued for u in unit_lights(rows, 3, queued_ids(suggestions))}
    assert units == {1: 2, 2: 0, 3: 0}
    items = todo(rows, suggestions, 3)
    assert [(i.action, i.obligation_ids) for i in items] == [
        ("电话催报", (3,)), ("电话提醒", (4,)), ("生成通报", (1, 2))]  # fmt: skip
    assert items[2].units == ("单1",) and items[2].what == "文号：单1"  # one line per notice
    assert items[2].reason == "1家已列入，待印发通报" and items[2].notice_id == 1
