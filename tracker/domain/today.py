"""What the dashboard says to do today: 今日待办, and red / amber / green per item and per unit.

Red: something is overdue (逾期未报 or 部分报送). Amber: due within N working days (the
office's setting) with nothing in yet. Green: everything owed has come in. Pure: rows, the
escalation ladder's suggestions and the setting in, plain records out.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.dates import format_cn_short
from tracker.domain.forms import Form
from tracker.domain.ladder import Step, Suggestion
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status


class Light(enum.Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NONE = "none"  # nothing due soon, nothing late, not finished: nothing to say

    @property
    def label(self) -> str:
        return _LIGHT_LABELS[self]

    @property
    def colour(self) -> str:
        return _LIGHT_COLOURS[self]


_LIGHT_LABELS = {Light.RED: "逾期", Light.AMBER: "临近", Light.GREEN: "已齐", Light.NONE: ""}
_LIGHT_COLOURS = {
    Light.RED: "#c62828",
    Light.AMBER: "#e0a100",
    Light.GREEN: "#3f9a4a",
    Light.NONE: "#9e9e9e",
}
_LIGHT_RANK = {Light.RED: 0, Light.AMBER: 1, Light.NONE: 2, Light.GREEN: 3}


def due_soon(row: ObligationRow, within: int) -> bool:
    """Not yet due, due within ``within`` working days, and nothing received at all."""
    return (
        row.status is Status.PENDING
        and row.received_forms == Form.NONE
        and row.workdays_left is not None
        and row.workdays_left <= within
    )


def light_of(rows: Iterable[ObligationRow], within: int) -> Light:
    """The colour of a group of obligations (an item's, a unit's)."""
    owed = [r for r in rows if r.status.is_owed]
    if any(r.status.needs_action for r in owed):
        return Light.RED
    if any(due_soon(r, within) for r in owed):
        return Light.AMBER
    if owed and all(r.status.is_done for r in owed):
        return Light.GREEN
    return Light.NONE


def lights_by(rows: Iterable[ObligationRow], key: str, within: int) -> dict[int, Light]:
    """``light_of`` per value of ``key`` (``requirement_id`` or ``unit_id``)."""
    groups: dict[int, list[ObligationRow]] = defaultdict(list)
    for r in rows:
        groups[getattr(r, key)].append(r)
    return {k: light_of(members, within) for k, members in groups.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitLight:
    unit_id: int
    unit_name: str
    short_name: str  # what the narrow 按单位 table shows (the full name as its tooltip)
    category: str
    owed: int
    open: int  # still to come: pending, overdue or partial
    late: int  # overdue or partial now
    light: Light
    queued: int = 0  # of the late, on the list for the next 通报 (列入通报 done)


def unit_lights(
    rows: Iterable[ObligationRow], within: int, queued: Collection[int] = frozenset()
) -> list[UnitLight]:
    """One entry per unit, the reddest first, then by how much is late. One pass over the rows
    (it runs again after each registration, over every row of a big ledger). ``queued``: the
    obligations already on the list for the next 通报."""
    tallies: dict[int, list[Any]] = {}  # unit id -> [row, owed, open, late, soon, queued]
    owed_s = frozenset(st for st in Status if st.is_owed)
    done_s = frozenset(st for st in Status if st.is_done)
    late_s = frozenset(st for st in Status if st.needs_action)
    for r in rows:
        t = tallies.get(r.unit_id)
        if t is None:
            t = tallies[r.unit_id] = [r, 0, 0, 0, False, 0]
        st = r.status
        if st in owed_s:
            t[1] += 1
            if st not in done_s:
                t[2] += 1
                if st in late_s:
                    t[3] += 1
                    if r.obligation_id in queued:
                        t[5] += 1
                elif not t[4] and due_soon(r, within):
                    t[4] = True
    out = []
    for unit_id, (first, owed, still, late, soon, listed) in tallies.items():
        if late:
            light = Light.RED
        elif soon:
            light = Light.AMBER
        elif owed and not still:
            light = Light.GREEN
        else:
            light = Light.NONE
        out.append(
            UnitLight(
                unit_id=unit_id,
                unit_name=first.unit_name,
                short_name=first.unit_short_name or first.unit_name,
                category=first.category,
                owed=owed,
                open=still,
                late=late,
                light=light,
                queued=listed,
            )
        )
    out.sort(key=lambda u: (_LIGHT_RANK[u.light], -u.late, -u.open, u.unit_name))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class TodoItem:
    """One line of 今日待办: a step to take for some units of one item."""

    step: Step | None  # None: due soon, a reminder before the deadline (电话提醒)
    notice_id: int
    requirement_id: int  # QUEUED: the first item's (the line stands for the whole notice)
    doc_number: str
    requirement_title: str
    obligation_ids: tuple[int, ...]
    units: tuple[str, ...]
    reason: str  # why, in a few words: 逾期6个工作日 / 12月5日截止，尚未收到

    @property
    def action(self) -> str:
        if self.step is Step.QUEUED:
            return "生成通报"  # the units are listed: what is left is to issue it
        return self.step.label if self.step is not None else "电话提醒"

    @property
    def what(self) -> str:
        names = "、".join(self.units[:3]) + (
            f"等{len(self.units)}家" if len(self.units) > 3 else ""
        )
        subject = self.doc_number if self.step is Step.QUEUED else self.requirement_title
        return f"{subject}：{names}"


_TODO_RANK = {Step.BULLETIN: 0, Step.LETTER: 1, Step.PHONE: 2}


def todo(
    rows: Iterable[ObligationRow], suggestions: Mapping[int, Suggestion], within: int
) -> list[TodoItem]:
    """今日待办: the ladder's steps due today, grouped by item and step (列入通报 first), then
    the items due within ``within`` working days with nothing in, then per notice the units
    already listed for its next 通报 (生成通报 issues it)."""
    acting: dict[tuple[int, Step], list[ObligationRow]] = defaultdict(list)
    soon: dict[int, list[ObligationRow]] = defaultdict(list)
    listed: dict[int, list[ObligationRow]] = defaultdict(list)
    for r in rows:
        s = suggestions.get(r.obligation_id)
        if s is not None and s.step.is_action:
            acting[(r.requirement_id, s.step)].append(r)
        elif s is not None and s.step is Step.QUEUED:
            listed[r.notice_id].append(r)
        elif due_soon(r, within):
            soon[r.requirement_id].append(r)
    items = [
        _item(step, members, _reason(members, suggestions))
        for (_req, step), members in sorted(acting.items(), key=lambda kv: _TODO_RANK[kv[0][1]])
    ]
    for members in sorted(soon.values(), key=lambda m: m[0].effective_deadline):
        first = members[0]
        day = format_cn_short(first.effective_deadline)
        items.append(_item(None, members, f"{day}截止，尚未收到"))
    for members in listed.values():
        count = len({r.unit_id for r in members})
        items.append(_item(Step.QUEUED, members, f"{count}家已列入，待印发通报"))
    return items


def _reason(members: list[ObligationRow], suggestions: Mapping[int, Suggestion]) -> str:
    reasons = [suggestions[r.obligation_id].reason for r in members]
    return reasons[0] if len(set(reasons)) == 1 else f"{reasons[0]}等"


def _item(step: Step | None, members: list[ObligationRow], reason: str) -> TodoItem:
    first = members[0]
    return TodoItem(
        step=step,
        notice_id=first.notice_id,
        requirement_id=first.requirement_id,
        doc_number=first.doc_number or first.notice_title,
        requirement_title=first.requirement_title,
        obligation_ids=tuple(r.obligation_id for r in members),
        units=tuple(dict.fromkeys(r.unit_short_name or r.unit_name for r in members)),
        reason=reason,
    )


def next_step_hint(units: int, notices: int) -> str:
    """An empty workspace says what to do first."""
    if units == 0:
        return "第一步：导入单位名录（单位名录 ▸ 导入…），或逐个新增单位。"
    if notices == 0:
        return "下一步：新建通知（通知与报送事项 ▸ 新建…），写明报送事项、时限和报送单位。"
    return ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Board:
    """The dashboard's guidance, computed with the ledger snapshot."""

    todo: tuple[TodoItem, ...] = ()
    requirement_lights: Mapping[int, Light] = field(default_factory=dict)
    units: tuple[UnitLight, ...] = ()
    archived: frozenset[int] = frozenset()  # notice ids 归档: out of the unfinished view
    hint: str = ""  # an empty workspace: the next step


def queued_ids(suggestions: Mapping[int, Suggestion]) -> frozenset[int]:
    """The obligations the ladder says are already on the list for the next 通报."""
    return frozenset(oid for oid, s in suggestions.items() if s.step is Step.QUEUED)


def build_board(
    rows: list[ObligationRow],
    suggestions: Mapping[int, Suggestion],
    *,
    within: int,
    archived: frozenset[int] = frozenset(),
    units: int = 0,
    notices: int = 0,
) -> Board:
    """Archived notices are left out of 今日待办 and the lights (the office closed them)."""
    active = [r for r in rows if r.notice_id not in archived]
    return Board(
        todo=tuple(todo(active, suggestions, within)),
        requirement_lights=lights_by(active, "requirement_id", within),
        units=tuple(unit_lights(active, within, queued_ids(suggestions))),
        archived=archived,
        hint=next_step_hint(units, notices),
    )
