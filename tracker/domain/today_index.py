"""The dashboard's board kept by group, so a write recomputes only what it touched.

``build_board`` (today.py) walks every row: about 40 ms at 50,000 obligations, which a
registration cannot afford. ``BoardIndex`` keeps the rows of each 今日待办 line (by item and
step), of each item and of each unit, by row number; a patch moves the touched rows between
lines and recomputes only the lines, items and units they belong to. The board it gives is
exactly ``build_board``'s (same lines, order, reasons and lights): the tests check it against
a rebuild from scratch after random writes.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from tracker.domain.dates import format_cn_short
from tracker.domain.ladder import Step, Suggestion
from tracker.domain.records import ObligationRow
from tracker.domain.today import (
    _LIGHT_RANK,
    _TODO_RANK,
    Board,
    Light,
    TodoItem,
    UnitLight,
    _item,
    _reason,
    due_soon,
    light_of,
    next_step_hint,
    queued_ids,
    unit_lights,
)

# A line of 今日待办: (its part, requirement or notice id, the ladder's step). The parts in
# their order: the ladder's steps by item, 临近截止 by item (no step), 生成通报 by notice.
Key = tuple[int, int, Step | None]
ACTING, SOON, LISTED = 0, 1, 2


def line_of(row: ObligationRow, suggestion: Suggestion | None, within: int) -> Key | None:
    """Which line of 今日待办 the row is on, if any (as ``today.todo`` decides)."""
    if suggestion is not None and suggestion.step.is_action:
        return (ACTING, row.requirement_id, suggestion.step)
    if suggestion is not None and suggestion.step is Step.QUEUED:
        return (LISTED, row.notice_id, Step.QUEUED)
    if due_soon(row, within):
        return (SOON, row.requirement_id, None)
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class BoardIndex:
    """A board and what patching it needs. Never changed in place: ``patched`` copies what
    it changes (the loader's current snapshot is read meanwhile)."""

    within: int
    archived: frozenset[int]
    hint: str
    by_requirement: Mapping[int, list[int]]  # requirement id -> its active row numbers
    by_unit: Mapping[int, list[int]]  # unit id -> its active row numbers, ascending
    lines: Mapping[Key, list[int]]  # 今日待办 line -> row numbers, ascending
    items: Mapping[Key, TodoItem]
    requirement_lights: Mapping[int, Light]
    unit_entries: Mapping[int, UnitLight]
    board: Board

    @classmethod
    def of(
        cls,
        rows: Sequence[ObligationRow],
        suggestions: Mapping[int, Suggestion],
        *,
        within: int,
        archived: frozenset[int] = frozenset(),
        units: int = 0,
        notices: int = 0,
    ) -> BoardIndex:
        """The board of ``rows`` from scratch (one pass), ready to patch."""
        by_requirement: dict[int, list[int]] = defaultdict(list)
        by_unit: dict[int, list[int]] = defaultdict(list)
        lines: dict[Key, list[int]] = defaultdict(list)
        active: list[ObligationRow] = []
        for i, r in enumerate(rows):
            if r.notice_id in archived:
                continue
            active.append(r)
            by_requirement[r.requirement_id].append(i)
            by_unit[r.unit_id].append(i)
            key = line_of(r, suggestions.get(r.obligation_id), within)
            if key is not None:
                lines[key].append(i)
        items = {k: _line_item(k, [rows[i] for i in m], suggestions) for k, m in lines.items()}
        lights = {
            req: light_of([rows[i] for i in members], within)
            for req, members in by_requirement.items()
        }
        entries = {u.unit_id: u for u in unit_lights(active, within, queued_ids(suggestions))}
        hint = next_step_hint(units, notices)
        return cls(
            within=within,
            archived=archived,
            hint=hint,
            by_requirement=dict(by_requirement),
            by_unit=dict(by_unit),
            lines=dict(lines),
            items=items,
            requirement_lights=lights,
            unit_entries=entries,
            board=_board(rows, lines, items, lights, entries, by_unit, archived, hint),
        )

    def patched(
        self,
        rows: Sequence[ObligationRow],
        before: Mapping[int, ObligationRow],
        old_suggestions: Mapping[int, Suggestion],
        suggestions: Mapping[int, Suggestion],
    ) -> BoardIndex:
        """This board after the rows at ``before``'s row numbers changed (``rows`` holds the
        new ones, ``before`` the old) and ``suggestions`` replaced ``old_suggestions``; only
        the suggestions of those rows may differ. The rows keep their unit and item."""
        within = self.within
        lines = dict(self.lines)
        copied: set[Key] = set()
        dirty: set[Key] = set()
        requirements: set[int] = set()
        units: set[int] = set()
        for i, old in before.items():
            if old.notice_id in self.archived:
                continue
            new = rows[i]
            was = line_of(old, old_suggestions.get(old.obligation_id), within)
            now = line_of(new, suggestions.get(new.obligation_id), within)
            for key in {was, now} - {None}:
                assert key is not None
                dirty.add(key)
                if key not in copied:
                    lines[key] = list(lines.get(key, ()))
                    copied.add(key)
            if was is not None:
                lines[was].remove(i)
            if now is not None:
                insort(lines[now], i)
            requirements.add(new.requirement_id)
            units.add(new.unit_id)
        if not requirements:
            return self
        items = dict(self.items)
        for key in dirty:
            members = lines[key]
            if members:
                items[key] = _line_item(key, [rows[i] for i in members], suggestions)
            else:
                del lines[key], items[key]
        lights = dict(self.requirement_lights)
        for req in requirements:
            lights[req] = light_of([rows[i] for i in self.by_requirement[req]], within)
        entries = dict(self.unit_entries)
        for unit in units:
            mine = [rows[i] for i in self.by_unit[unit]]
            listed = queued_ids({r.obligation_id: suggestions[r.obligation_id] for r in mine
                                 if r.obligation_id in suggestions})  # fmt: skip
            (entries[unit],) = unit_lights(mine, within, listed)
        board = _board(rows, lines, items, lights, entries, self.by_unit, self.archived, self.hint)
        return replace(
            self,
            lines=lines,
            items=items,
            requirement_lights=lights,
            unit_entries=entries,
            board=board,
        )


def _board(
    rows: Sequence[ObligationRow],
    lines: Mapping[Key, list[int]],
    items: Mapping[Key, TodoItem],
    requirement_lights: Mapping[int, Light],
    unit_entries: Mapping[int, UnitLight],
    by_unit: Mapping[int, list[int]],
    archived: frozenset[int],
    hint: str,
) -> Board:
    """The board in ``build_board``'s order. Its sorts are stable over the rows' order, so
    ties go by the first row of a line or a unit."""

    def line_order(key: Key) -> tuple[int, object, int]:
        part, first = key[0], lines[key][0]
        if part == ACTING:
            return (part, _TODO_RANK[key[2]], first)  # type: ignore[index]
        if part == SOON:
            return (part, rows[first].effective_deadline, first)
        return (part, 0, first)

    def unit_order(u: UnitLight) -> tuple[int, int, int, str, int]:
        return (_LIGHT_RANK[u.light], -u.late, -u.open, u.unit_name, by_unit[u.unit_id][0])

    return Board(
        todo=tuple(items[k] for k in sorted(lines, key=line_order)),
        requirement_lights=requirement_lights,
        units=tuple(sorted(unit_entries.values(), key=unit_order)),
        archived=archived,
        hint=hint,
    )


def _line_item(
    key: Key, members: list[ObligationRow], suggestions: Mapping[int, Suggestion]
) -> TodoItem:
    part, _id, step = key
    if part == SOON:
        day = format_cn_short(members[0].effective_deadline)
        return _item(None, members, f"{day}截止，尚未收到")
    if part == LISTED:
        count = len({r.unit_id for r in members})
        return _item(Step.QUEUED, members, f"{count}家已列入，待印发通报")
    return _item(step, members, _reason(members, suggestions))
