"""排名: ``tracker ranking [--notice N …] [--year Y] [--as-of D] [--format table|json|xlsx]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_command, date_arg, year_arg
from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.ranking import Figures, Ranking, RankingScope, days_text, percent

if TYPE_CHECKING:
    from tracker.cli.context import Context

HEADERS = (
    "名次", "单位", "类别", "应报", "按时", "逾期补报", "未报/部分", "免报", "未到期",
    "上报率", "按时率", "平均逾期天数", "催报次数",
)  # fmt: skip


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub, common, "ranking", "各单位报送情况排名（按时率、上报率、平均逾期天数）", cmd_ranking
    )
    p.add_argument("--notice", action="extend", nargs="+", default=[], metavar="N",
                   help="通知文号或标题（可多个；默认全部通知）")  # fmt: skip
    p.add_argument("--year", type=year_arg, help="只统计原定时限在该年的事项")
    p.add_argument("--category", action="append", default=[], help="单位类别（可多个）")
    p.add_argument("--as-of", type=date_arg, help="统计截止日期（默认今天）")
    p.add_argument("--format", choices=("table", "json", "xlsx"), default="table",
                   help="输出格式：table 表格（默认）、json、xlsx（写入 --out）")  # fmt: skip
    p.add_argument("--out", type=Path, help="输出文件（--format xlsx 时必填）")


def scope_from(args: argparse.Namespace, ctx: Context) -> RankingScope:
    sv = ctx.services
    known = set(sv.units.categories())
    for cat in args.category:
        if cat not in known:
            raise ValidationError(f"未知类别“{cat}”（已有：{'、'.join(sorted(known))}）")
    notice_ids = tuple(dict.fromkeys(sv.notices.resolve(n).id for n in args.notice))
    return RankingScope(
        as_of=args.as_of or today(),
        notice_ids=notice_ids,
        year=args.year,
        categories=tuple(args.category),
    )


def cmd_ranking(args: argparse.Namespace, ctx: Context) -> int:
    scope = scope_from(args, ctx)
    service = ctx.services.ranking
    if args.format == "xlsx":
        if args.out is None:
            raise ValidationError("--format xlsx 需要用 --out 指定输出的 .xlsx 文件")
        print(service.write_xlsx(args.out, scope).summary)
        return 0
    ranking = service.ranking(scope)
    text = render_json(ranking) if args.format == "json" else render_table(ranking)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"已输出：{args.out}")
    else:
        print(text)
    return 0


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def ranking_json(ranking: Ranking) -> list[dict[str, object]]:
    """Stable keys: scripts depend on them."""
    out: list[dict[str, object]] = []
    for r in ranking.rows:
        f = r.figures
        days = f.days_late_avg
        out.append({
            "unit": r.unit,
            "category": r.category,
            "due": f.due,
            "on_time": f.on_time,
            "late": f.late,
            "missing": f.missing,
            "exempt": f.exempt,
            "rate": _rate(f.rate),
            "on_time_rate": _rate(f.on_time_rate),
            "days_late_avg": None if days is None else round(days, 2),
            "reminders": f.reminders,
            "rank": r.rank,
        })  # fmt: skip
    return out


def render_json(ranking: Ranking) -> str:
    return json.dumps(ranking_json(ranking), ensure_ascii=False, indent=2)


def figure_cells(f: Figures) -> list[str]:
    counts = (f.due, f.on_time, f.late, f.missing, f.exempt, f.pending)
    return [
        *(str(n) for n in counts),
        percent(f.rate),
        percent(f.on_time_rate),
        days_text(f.days_late_avg),
        str(f.reminders),
    ]


def render_table(ranking: Ranking) -> str:
    rows = [
        ["" if r.rank is None else str(r.rank), r.unit, r.category, *figure_cells(r.figures)]
        for r in ranking.rows
    ]
    rows.append(["", "合计", "", *figure_cells(ranking.total)])
    head = f"报送情况排名（{ranking.label}，截至{format_cn(ranking.scope.as_of)}）"
    return head + "\n" + table(HEADERS, rows)
