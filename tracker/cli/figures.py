"""``tracker figures``: key figures (场次, 人次, 份, 篇) read from the registered summaries."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_command
from tracker.domain.errors import TrackerError
from tracker.domain.figures import KINDS, format_value

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.services.figures import FiguresTable


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "figures",
        "关键数据：从各单位报送的总结中读出活动场次、参与人次、发放资料份数等",
        cmd_figures,
    )
    p.add_argument("--notice", help="只看这份通知（文号、标题或编号）")
    p.add_argument(
        "--format",
        choices=("table", "json", "xlsx"),
        default="table",
        help="输出格式（默认 table；xlsx 需配合 --out）",
    )
    p.add_argument("--out", type=Path, metavar="FILE.xlsx", help="--format xlsx 时写入的文件")


def _print_table(result: FiguresTable) -> None:
    kinds = [k for k in KINDS if k in result.totals()]
    lines: dict[int, list[str]] = {}
    for r in result.rows:
        row = lines.setdefault(r.obligation_id, [r.unit, r.requirement, *([""] * len(kinds))])
        row[2 + kinds.index(r.kind)] = format_value(r.value, r.approx) + (
            "*" if r.corrected else ""
        )
    totals = result.totals()
    rows = [*lines.values(), ["合计", "", *(format_value(*totals[k]) for k in kinds)]]
    print(table(("单位", "报送事项", *kinds), rows))
    if any(r.corrected for r in result.rows):
        print("（* 为人工更正的数）")
    print(result.sentence())


def cmd_figures(args: argparse.Namespace, ctx: Context) -> int:
    figures = ctx.services.figures
    if args.format == "xlsx":
        if args.out is None:
            raise TrackerError("--format xlsx 需要用 --out 指定要写入的 .xlsx 文件")
        result = figures.write_xlsx(args.out, args.notice)
        print(f"已导出关键数据（{len(result.rows)}项）：{args.out}")
    else:
        result = figures.table(args.notice)
        if args.format == "json":
            print(json.dumps([r.to_json() for r in result.rows], ensure_ascii=False, indent=2))
        elif not result.rows:
            print("已登记的报送材料中没有读出关键数据。")
        else:
            _print_table(result)
    for problem in result.problems:
        print(f"注意：{problem}", file=sys.stderr)
    return 0
