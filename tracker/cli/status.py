"""Sub-commands that read the ledger as of a day: status and overdue (due-soon in letters)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import render_rows
from tracker.cli.parsing import Subparsers
from tracker.cli.parsing import add_command as add
from tracker.cli.scope import ledger_query, status_filters
from tracker.domain.dates import format_cn
from tracker.domain.status import NEEDS_ACTION, parse_status

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "status", "报送情况（可回看任一天）", cmd_status)
    status_filters(p)
    p.add_argument("--status", metavar="S", help="状态：逾期未报/部分报送/… 或 overdue/partial/…")
    _format_option(p)
    p = add(sub, common, "overdue", "逾期未报与部分报送的名单", cmd_overdue)
    status_filters(p)
    _format_option(p)
    p.add_argument("--pdf", type=Path, help="另输出逾期未报名单 PDF（A4 横向，按类别分组）")


def _format_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="输出格式：table 表格（默认）、csv、json（键名见 README）",
    )


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    statuses = (parse_status(args.status),) if args.status else ()
    rows = ctx.services.ledger.rows(ledger_query(args, ctx, statuses))
    print(render_rows(rows, args.format))
    return 0


def cmd_overdue(args: argparse.Namespace, ctx: Context) -> int:
    q = ledger_query(args, ctx, NEEDS_ACTION)
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
