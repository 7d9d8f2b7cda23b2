"""The escalation ladder (督办升级): for an obligation past its deadline, the next step.

电话 once it is N working days overdue; a 催报函 after M working days, or when a phone call
brought nothing within its grace; named in the 通报 once a letter's 补报时限 has passed with
nothing received. In between, the clerk waits (the suggestion says until when). Thresholds
are the office's settings (``OfficeSettings.ladder_*``); everything here is plain data.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.dates import format_cn_short


class Step(enum.Enum):
    """Stable codes (JSON, settings); ``label`` is what the grid's 建议 column says."""

    PHONE = "phone"
    LETTER = "letter"
    BULLETIN = "bulletin"
    WAIT = "wait"
    QUEUED = "queued"  # already on the list for the next 通报: nothing more to do for now

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_action(self) -> bool:
        """A step the clerk takes today (waiting is not)."""
        return self not in (Step.WAIT, Step.QUEUED)


_LABELS = {
    Step.PHONE: "电话催报",
    Step.LETTER: "发催报函",
    Step.BULLETIN: "列入通报",
    Step.WAIT: "等待补报",
    Step.QUEUED: "已列入通报",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class LadderRules:
    phone_after: int = 1  # working days overdue before the first phone call
    letter_after: int = 5  # working days overdue before a letter, whatever else was done
    phone_grace: int = 3  # working days a phone call is given before a letter follows
    letter_grace: int = 5  # 补报时限 of a letter recorded by hand (no issued letter behind it)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChaseHistory:
    """What was done for one obligation up to the day looked at."""

    phoned_on: date | None = None  # the last 电话/短信/邮件 reminder
    letter_on: date | None = None  # the last 催报函
    letter_deadline: date | None = None  # its 补报时限 (issued letters know it)
    queued_on: date | None = None  # put on the list for the next 通报 that day


@dataclass(frozen=True, slots=True, kw_only=True)
class Suggestion:
    step: Step
    reason: str  # one short Chinese line: why this step
    until: date | None = None  # WAIT: the day the grace ends


Workdays = Callable[[date, date], int]  # working days d with start <= d <= end
AddWorkdays = Callable[[date, int], date]  # the n-th working day after a day


def next_step(
    *,
    due: date,
    as_of: date,
    history: ChaseHistory,
    rules: LadderRules,
    workdays: Workdays,
    add_workdays: AddWorkdays,
) -> Suggestion | None:
    """The step for an obligation still owed after ``due`` (its effective deadline), as of
    ``as_of``; None when it is not overdue yet. Callers pass only obligations needing action."""
    if as_of <= due:
        return None
    if history.queued_on is not None:
        day = format_cn_short(history.queued_on)
        return Suggestion(step=Step.QUEUED, reason=f"{day}已列入下次通报，印发通报时点名")
    if history.letter_on is not None:
        until = history.letter_deadline or add_workdays(history.letter_on, rules.letter_grace)
        if as_of > until:
            return _do(Step.BULLETIN, f"催报函补报时限{format_cn_short(until)}已过仍未报")
        return _wait(f"已发催报函，补报时限{format_cn_short(until)}", until)
    late = workdays(due + timedelta(days=1), as_of)
    if late >= rules.letter_after:
        return _do(Step.LETTER, f"逾期{late}个工作日")
    if history.phoned_on is not None:
        waited = workdays(history.phoned_on + timedelta(days=1), as_of)
        if waited >= rules.phone_grace:
            phoned = format_cn_short(history.phoned_on)
            return _do(Step.LETTER, f"{phoned}电话催报后{waited}个工作日仍未报")
        until = add_workdays(history.phoned_on, rules.phone_grace)
        return _wait(f"已电话催报，{format_cn_short(until)}起发函", until)
    if late >= rules.phone_after:
        return _do(Step.PHONE, f"逾期{late}个工作日")
    until = add_workdays(due, rules.phone_after)
    return _wait(f"刚过时限，{format_cn_short(until)}起电话催报", until)


def _do(step: Step, reason: str) -> Suggestion:
    return Suggestion(step=step, reason=reason)


def _wait(reason: str, until: date) -> Suggestion:
    return Suggestion(step=Step.WAIT, reason=reason, until=until)
