"""Excel sub-commands: ``export`` (报送情况统计表) and ``ledger import`` (the old ledger)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.parsing import Subparsers, date_arg
from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    help_text = "导出报送情况统计表（汇总、明细、矩阵、排名四张工作表）"
    p = sub.add_parser("export", help=help_text, description=help_text, parents=[common])
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="写入的 Excel 文件")
    p.add_argument(
        "--notice",
        action="extend",
        nargs="+",
        default=[],
        metavar="N",
        help="通知文号或标题，可写多个（--notice A B）；默认全部通知",
    )
    p.add_argument("--as-of", type=date_arg, metavar="D", help="截至日期（默认今天）")
    p.set_defaults(func=cmd_export)

    help_text = "原 Excel 台账"
    ledger = sub.add_parser("ledger", help=help_text, description=help_text, parents=[common])
    ledger.set_defaults(func=lambda args, ctx: ledger.print_help() or 2)
    commands = ledger.add_subparsers(dest="ledger_command", metavar="子命令", parser_class=type(p))
    help_text = "按对应文件导入原台账：先列出将登记的内容，全部无误才一次导入"
    p = commands.add_parser("import", help=help_text, description=help_text, parents=[common])
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="原台账（Excel 工作簿）")
    p.add_argument("--map", type=Path, required=True, metavar="MAP.toml", help="列对应文件")
    p.add_argument("--dry-run", action="store_true", help="只显示将登记的内容，不导入")
    p.set_defaults(func=cmd_ledger_import)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    sv = ctx.services
    notice_ids = [sv.notices.resolve(text).id for text in args.notice]
    result = sv.export.write_status(args.file, notice_ids, args.as_of)
    print(result.summary)
    return 0


def cmd_ledger_import(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.ledger_import_plan import SKIP

    importer = ctx.services.ledger_import
    mapping = importer.load_map(args.map, args.file)
    plan = importer.preview(args.file, mapping)
    for note in plan.notes:
        print(f"提示：{note}")
    for e in plan.entries:
        day = f" {format_cn(e.day)}" if e.day else ""
        forms = f" {format_forms(e.forms)}" if e.forms and e.action != SKIP else ""
        note = f"（{e.note}）" if e.note else ""
        print(f"  {e.cell} {e.unit}·{e.requirement}：{e.action}{forms}{day}{note}")
    if plan.problems:
        print(f"错误：原台账有{len(plan.problems)}处问题，未导入任何内容：")
        for problem in plan.problems:
            print(f"  · {problem}")
        return 1
    if args.dry_run:
        print(f"预览（未导入）：{plan.summary}")
        return 0
    if not plan.writes:
        print(f"原台账“{plan.source}”中没有需要新登记的内容（{plan.summary}），未作改动")
        return 0
    plan, change = importer.apply(args.file, mapping)
    print(f"已{change.summary}")
    return 0
