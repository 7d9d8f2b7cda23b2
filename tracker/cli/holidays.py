"""``tracker holidays YEAR [--import FILE]``: a year's holidays and make-up workdays."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, year_arg
from tracker.cli.parsing import add_command as add
from tracker.domain.dates import format_cn, format_cn_short, parse_date
from tracker.domain.errors import ValidationError

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.domain.workdays import HolidayRun


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "holidays", "查看或录入某年的节假日与调休上班日", cmd_holidays)
    p.add_argument("year", type=year_arg, metavar="YEAR", help="年份，如 2026（2000 至 2100）")
    p.add_argument(
        "--import",
        dest="source",
        type=Path,
        help="文本文件，每行：2027-01-01 休 元旦 或 2027-02-07 班 春节调休",
    )


def cmd_holidays(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.domain.workdays import DayOverride

    sv = ctx.services
    if args.source:
        days = []
        from tracker.services.text_files import read_text_file

        text = read_text_file(args.source, "节假日文件")  # UTF-8 or Notepad's GBK
        for n, line in enumerate(text.splitlines(), 1):
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
    runs = cal.holidays(args.year)
    rows = [
        [_span(r), str(r.days), "调休上班" if r.is_workday else "放假", r.name, SOURCES[r.source]]
        for r in runs
    ]
    print(f"{args.year}年节假日安排")
    print(table(("日期", "天数", "类型", "节日", "来源"), rows))
    off = sum(r.days for r in runs if not r.is_workday)
    work = sum(r.days for r in runs if r.is_workday)
    print(f"共放假{off}天，调休上班{work}天")
    return 0


SOURCES = {"official": "国务院安排", "workspace": "本台账录入", "statutory": "固定日期的法定节日"}


def _span(run: HolidayRun) -> str:
    if run.first == run.last:
        return format_cn(run.first)
    return f"{format_cn(run.first)}—{format_cn_short(run.last)}"
