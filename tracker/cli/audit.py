"""``tracker log``: the audit log."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, bounded_int
from tracker.cli.parsing import add_command as add

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "log", "操作日志", cmd_log)
    p.add_argument(
        "--limit", type=bounded_int(1, 100_000), default=50, help="显示最近多少条（默认 50）"
    )


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
