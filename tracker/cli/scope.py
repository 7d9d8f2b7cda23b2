"""What a command is about: --as-of, --notice, --requirement and --category, resolved once."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.cli.parsing import date_arg
from tracker.domain.clock import today
from tracker.domain.errors import ValidationError
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.status import Status

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.services.bundle import Services


def status_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=date_arg, metavar="D", help="截至日期（默认今天）")
    p.add_argument("--notice", metavar="N", help="通知文号或标题")
    p.add_argument("--requirement", metavar="R", help="报送事项名称")
    p.add_argument(
        "--category", action="append", default=[], metavar="C", help="单位类别（可多次给出）"
    )


def resolve_scope(
    args: argparse.Namespace, sv: Services
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """(notice ids, requirement ids, categories) from --notice/--requirement/--category."""
    notice_ids: tuple[int, ...] = ()
    req_ids: tuple[int, ...] = ()
    if args.requirement:
        req_ids = (sv.notices.resolve_requirement(args.requirement, args.notice).id,)
    elif args.notice:
        notice_ids = (sv.notices.resolve(args.notice).id,)
    known = set(sv.units.categories())
    for cat in args.category:
        if cat not in known:
            raise ValidationError(f"未知类别“{cat}”（已有：{'、'.join(sorted(known))}）")
    return notice_ids, req_ids, tuple(args.category)


def ledger_query(
    args: argparse.Namespace, ctx: Context, statuses: tuple[Status, ...]
) -> LedgerQuery:
    notice_ids, req_ids, categories = resolve_scope(args, ctx.services)
    return LedgerQuery(
        as_of=args.as_of or today(),
        notice_ids=notice_ids,
        requirement_ids=req_ids,
        categories=categories,
        statuses=statuses,
    )
