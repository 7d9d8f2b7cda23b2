"""``tracker intake PATH…``: propose unit, requirement and forms for received files; register
the matched ones (all in one transaction) and list the rest for the clerk."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_command, date_arg
from tracker.domain.forms import format_forms

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.services.intake import Proposal

STATUS_LABELS = {"matched": "已认出", "ambiguous": "有歧义", "unmatched": "未认出"}


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "intake",
        "批量登记收到的材料：逐个文件认出单位、报送事项和形式，只登记认得准的",
        cmd_intake,
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="文件或文件夹")
    p.add_argument("--notice", help="只对照这份通知（文号、标题或编号）")
    p.add_argument("--date", type=date_arg, help="收到日期（默认取文件的修改日期）")
    p.add_argument("--dry-run", action="store_true", help="只列出认出的结果，不登记")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="输出格式（默认 table）"
    )


def _rows(proposals: list[Proposal], registered: set[str]) -> list[list[str]]:
    rows = []
    for p in proposals:
        done = "已登记" if p.sha256 and p.sha256 in registered else ""
        rows.append(
            [
                p.file,
                p.unit,
                p.notice,
                p.requirement,
                format_forms(p.forms),
                p.received_on.isoformat(),
                STATUS_LABELS[p.status] + (f"·{done}" if done else ""),
                p.reason,
            ]
        )
    return rows


def cmd_intake(args: argparse.Namespace, ctx: Context) -> int:
    intake = ctx.services.intake
    proposals = intake.propose(args.paths, notice=args.notice, on=args.date)
    registered: set[str] = set()
    summary = ""
    if not args.dry_run:
        result = intake.register([p for p in proposals if p.status == "matched"])
        registered = {p.sha256 for p in result.registered}
        summary = result.change.summary if result.change else "没有可登记的文件"
    if args.format == "json":
        data = [dict(p.to_json(), registered=p.sha256 in registered) for p in proposals]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        headers = ("文件", "单位", "通知", "报送事项", "形式", "收到日期", "结果", "依据")
        print(table(headers, _rows(proposals, registered)))
    counts = {k: sum(p.status == k for p in proposals) for k in STATUS_LABELS}
    line = "，".join(f"{STATUS_LABELS[k]} {n} 个" for k, n in counts.items())
    print(f"共 {len(proposals)} 个文件：{line}。{summary}", file=sys.stderr)
    return 0
