"""Ledger sub-commands: register, exempt, extend, remind, status, overdue, log, holidays."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.cli_format import render_rows, table
from tracker.domain.clock import today
from tracker.domain.dates import format_cn, parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.forms import parse_forms
from tracker.domain.records import Channel, ReminderMethod
from tracker.domain.status import Status, parse_status

if TYPE_CHECKING:
    from tracker.cli import Context


def _date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _target(p: argparse.ArgumentParser) -> None:
    p.add_argument("unit", metavar="UNIT", help="单位全称、简称或别名")
    p.add_argument("requirement", metavar="REQUIREMENT", help="报送事项名称")
    p.add_argument("--notice", help="通知文号或标题（事项重名时用于区分）")


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("register", "登记报送（可多次登记，材料累计）", cmd_register)
    _target(p)
    p.add_argument("--date", type=_date_arg, help="收到日期（默认今天）")
    p.add_argument("--forms", required=True, help="收到的材料，如 电子版,纸质版,加盖公章,佐证材料")
    p.add_argument("--channel", default="邮件", choices=[c.value for c in Channel])
    p.add_argument("--note", default="")
    p.add_argument("--file", action="append", type=Path, default=[], help="归档的文件（可多个）")
    p = add("exempt", "免报", cmd_exempt)
    _target(p)
    p.add_argument("--reason", required=True)
    p = add("extend", "延期", cmd_extend)
    _target(p)
    p.add_argument("--to", required=True, type=_date_arg, help="新的报送时限")
    p.add_argument("--reason", required=True)
    p = add("remind", "记录催报", cmd_remind)
    _target(p)
    p.add_argument("--method", required=True, choices=[m.value for m in ReminderMethod])
    p.add_argument("--date", type=_date_arg, help="催报日期（默认今天）")
    p.add_argument("--letter-number", default="", help="催报函文号")
    p.add_argument("--note", default="")
    p = add("status", "报送情况（可回看任一天）", cmd_status)
    _status_filters(p)
    p.add_argument("--status", help="状态：逾期未报/部分报送/… 或 overdue/partial/…")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p = add("overdue", "逾期未报与部分报送的名单", cmd_overdue)
    _status_filters(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--pdf", type=Path, help="另输出逾期未报名单 PDF（A4 横向，按类别分组）")
    p = add("log", "操作日志", cmd_log)
    p.add_argument("--limit", type=int, default=50)
    p = add("holidays", "查看或录入某年的节假日与调休上班日", cmd_holidays)
    p.add_argument("year", type=int)
    p.add_argument(
        "--import",
        dest="source",
        type=Path,
        help="文本文件，每行：2027-01-01 休 元旦 或 2027-02-07 班 春节调休",
    )


def _status_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=_date_arg, help="截至日期（默认今天）")
    p.add_argument("--notice", help="通知文号或标题")
    p.add_argument("--requirement", help="报送事项名称")
    p.add_argument("--category", action="append", default=[], help="单位类别（可多个）")


def _obligation(args: argparse.Namespace, ctx: Context) -> int:
    return int(ctx.services.ledger.find_obligation(args.unit, args.requirement, args.notice))


def cmd_register(args: argparse.Namespace, ctx: Context) -> int:
    oid = _obligation(args, ctx)
    change = ctx.services.ledger.register(
        oid, parse_forms(args.forms), args.date, Channel(args.channel), args.note, args.file
    )
    row = ctx.services.ledger.row(oid)
    print(f"已{change.summary}；当前状态：{row.status.label}")
    return 0


def cmd_exempt(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.exempt([_obligation(args, ctx)], args.reason)
    print(f"已记录：{change.summary}")
    return 0


def cmd_extend(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.extend([_obligation(args, ctx)], args.to, args.reason)
    print(f"已记录：{change.summary}")
    return 0


def cmd_remind(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.remind(
        [_obligation(args, ctx)],
        ReminderMethod(args.method),
        args.date,
        args.letter_number,
        args.note,
    )
    print(f"已{change.summary}")
    return 0


def resolve_scope(
    args: argparse.Namespace, sv: Any
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


def _query(args: argparse.Namespace, ctx: Context, statuses: tuple[Status, ...]) -> Any:
    from tracker.domain.ledger_query import LedgerQuery

    notice_ids, req_ids, categories = resolve_scope(args, ctx.services)
    return LedgerQuery(
        as_of=args.as_of or today(),
        notice_ids=notice_ids,
        requirement_ids=req_ids,
        categories=categories,
        statuses=statuses,
    )


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    statuses = (parse_status(args.status),) if args.status else ()
    rows = ctx.services.ledger.rows(_query(args, ctx, statuses))
    print(render_rows(rows, args.format))
    return 0


def cmd_overdue(args: argparse.Namespace, ctx: Context) -> int:
    q = _query(args, ctx, (Status.OVERDUE, Status.PARTIAL))
    rows = ctx.services.ledger.rows(q)
    print(render_rows(rows, args.format))
    if args.format == "table":
        print(f"截至{format_cn(q.as_of)}，逾期未报或部分报送共 {len(rows)} 条")
    if args.pdf:
        report = ctx.services.lists.overdue(q)
        missing = ctx.services.lists.write(report, args.pdf)
        if missing:
            print(f"警告：以下字符在所有字体中都没有：{''.join(sorted(missing))}")
        print(f"已输出逾期未报名单：{args.pdf}（{report.totals}）")
    return 0


def cmd_log(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.audit import ACTION_LABELS, AuditQuery

    entries = ctx.services.audit.entries(AuditQuery(limit=args.limit))
    rows = [
        [
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            e.user,
            ACTION_LABELS.get(e.action, e.action),
            e.summary + ("（已撤销）" if e.undone else ""),
        ]
        for e in entries
    ]
    print(table(("时间", "用户", "操作", "内容"), rows))
    return 0


def cmd_holidays(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.domain.workdays import DayOverride

    sv = ctx.services
    if args.source:
        days = []
        for n, line in enumerate(args.source.read_text(encoding="utf-8-sig").splitlines(), 1):
            parts = line.split()
            if not parts or line.lstrip().startswith("#"):
                continue
            if len(parts) < 2 or parts[1] not in ("休", "班"):
                raise ValidationError(f"第{n}行格式应为：2027-01-01 休 元旦 或 2027-02-07 班 调休")
            days.append(DayOverride(parse_date(parts[0]), parts[1] == "班", " ".join(parts[2:])))
        print(f"已{sv.calendar.set_year(args.year, days).summary}")
    cal = sv.ws.calendar()
    note = cal.fallback_note(args.year)
    if note:
        print(note)
    own = sv.calendar.days(args.year)
    print(
        table(
            ("日期", "类型", "名称"),
            [[format_cn(d.day), "调休上班" if d.is_workday else "休息", d.name] for d in own],
        )
    )
    return 0
