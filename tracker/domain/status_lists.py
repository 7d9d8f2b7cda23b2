"""逾期未报名单 and 即将到期 lists: which rows, grouped how, with what totals (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.records import ObligationRow
from tracker.domain.tally import tally


@dataclass(frozen=True, slots=True)
class StatusList:
    """A printed list: title lines, rows grouped by category, a note per group, totals."""

    kind: str  # "overdue" or "due_soon"
    title: str
    subtitle: str
    as_of: date
    groups: tuple[tuple[str, str, tuple[ObligationRow, ...]], ...]  # (category, note, rows)
    totals: str
    office: str = ""  # who made the list (its footer): the office, never the program


def group_rows(
    listed: Sequence[ObligationRow], scope: Sequence[ObligationRow], unit_word: str
) -> tuple[tuple[str, str, tuple[ObligationRow, ...]], ...]:
    """Listed rows by category (in ledger order), each with its category's counts."""
    order: dict[str, list[ObligationRow]] = {}
    for r in listed:
        order.setdefault(r.category, []).append(r)
    out = []
    for category, rows in order.items():
        t = tally(r for r in scope if r.category == category)
        w = unit_word
        note = f"{category}（应报{t.required}{w}，已报{t.sent}{w}，列入本表{len(rows)}{w}）"
        out.append((category, note, tuple(rows)))
    return tuple(out)


def totals_line(scope: Sequence[ObligationRow], listed: int, unit_word: str) -> str:
    """合计：应报 N，已报 M，上报率 x%（只计已到期的 D，未到期 P 不计）；列入本表 L."""
    t = tally(scope)
    w = unit_word
    apart = f"，未到期{t.not_due}{w}不计入" if t.not_due else ""
    return (
        f"合计：应报{t.required}{w}，已报{t.sent}{w}，上报率{t.rate_text()}"
        f"（已到期{t.due}{w}中已报{t.due_sent}{w}{apart}）；列入本表{listed}{w}"
    )


def unit_word(scope: Sequence[ObligationRow]) -> str:
    """家 when the list covers one requirement (one row per unit), else 项."""
    return "家" if len({r.requirement_id for r in scope}) <= 1 else "项"


def list_title(
    kind: str, scope: Sequence[ObligationRow], as_of: date, extra: str = ""
) -> tuple[str, str]:
    from tracker.domain.dates import format_cn
    from tracker.domain.letters import cited_title

    name = "逾期未报名单" if kind == "overdue" else "即将到期未报名单"
    notices = list(dict.fromkeys((r.notice_title, r.doc_number) for r in scope))
    if len(notices) == 1:
        title_text, number = notices[0]
        title = f"《{cited_title(title_text)}》{name}"
        sub = f"（{number + '，' if number else ''}截至{format_cn(as_of)}{extra}）"
    else:
        title = name
        sub = f"（截至{format_cn(as_of)}{extra}）"
    return title, sub


def build_status_list(
    kind: str,
    listed: Sequence[ObligationRow],
    scope: Sequence[ObligationRow],
    as_of: date,
    extra: str = "",
) -> StatusList:
    word = unit_word(scope)
    title, subtitle = list_title(kind, scope or listed, as_of, extra)
    return StatusList(
        kind,
        title,
        subtitle,
        as_of,
        group_rows(listed, scope, word),
        totals_line(scope, len(listed), word),
    )
