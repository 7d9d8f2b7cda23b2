"""单位名录 sub-commands: ``units import|export|template|list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_group, date_arg
from tracker.domain.errors import ValidationError

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.services.unit_import import ImportPlan


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    units = add_group(sub, common, "units", "单位名录：导入、导出、模板、列表")
    p = units.add_parser(
        "import", help="从 Excel 导入或更新单位名录（按单位名称更新）", parents=[common]
    )
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="单位名录（Excel 工作簿）")
    p.add_argument("--dry-run", action="store_true", help="只显示将发生的变化，不导入")
    p.add_argument("--new-categories", action="store_true", help="允许同时新增名录中的新类别")
    p.set_defaults(func=cmd_units_import)
    p = units.add_parser("export", help="导出单位名录到 Excel", parents=[common])
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="写入的 Excel 文件")
    p.set_defaults(func=cmd_units_export)
    p = units.add_parser("template", help="生成单位名录导入模板", parents=[common])
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="写入的 Excel 文件")
    p.set_defaults(func=cmd_units_template)
    p = units.add_parser("list", help="列出单位", parents=[common])
    p.set_defaults(func=cmd_units_list)
    register_history(units, common)


def cmd_units_import(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.unit_import import NewCategoriesError

    roster = ctx.services.roster
    try:
        if args.dry_run:
            plan = roster.preview(args.file)
        else:
            plan, _ = roster.apply(args.file, allow_new_categories=args.new_categories)
    except NewCategoriesError as exc:
        raise ValidationError(_needs_flag(exc.categories)) from None
    _print_plan(plan, args.dry_run)
    if args.dry_run and plan.new_categories and not args.new_categories:
        print(f"错误：{_needs_flag(plan.new_categories)}", file=sys.stderr)
        return 1
    return 0


def _needs_flag(categories: tuple[str, ...]) -> str:
    return (
        f"名录中有未知类别：{'、'.join(categories)}，未导入任何内容；"
        "确认要一并新增这些类别，请加上 --new-categories"
    )


def _print_plan(plan: ImportPlan, dry_run: bool) -> None:
    for note in plan.notes:
        print(f"提示：{note}")
    for change in plan.changes:
        if change.kind != "不变":
            detail = "；".join(change.details)
            print(
                f"  第{change.row}行 {change.kind} {change.name}"
                + (f"：{detail}" if detail else "")
            )
    print(("预览（未导入）：" if dry_run else "已导入：") + plan.summary)


def cmd_units_export(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.reports.roster_xlsx import write_roster

    units = ctx.services.units.list_units()
    write_roster(args.file, units, ctx.services.units.categories())
    print(f"已导出 {len(units)} 个单位：{args.file}")
    return 0


def cmd_units_template(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.reports.roster_xlsx import write_roster

    write_roster(args.file, [], ctx.services.units.categories())
    print(f"已生成单位名录模板：{args.file}")
    return 0


def cmd_units_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = [
        [
            u.name,
            u.category,
            u.short_name,
            "、".join(u.aliases),
            u.contact_person,
            u.phone,
            "" if u.active else "停用",
        ]
        for u in ctx.services.units.list_units()
    ]
    print(table(("单位名称", "类别", "简称", "别名", "联系人", "电话", "状态"), rows))
    return 0


def register_history(units: Subparsers, common: argparse.ArgumentParser) -> None:
    p = units.add_parser(
        "history", help="一个单位历年的报送情况（每项义务、各年上报率和类别内名次）",
        parents=[common],
    )  # fmt: skip
    p.add_argument("unit", metavar="UNIT", help="单位名称、简称或别名")
    p.add_argument("--as-of", type=date_arg, help="截至日期（默认今天）")
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="输出格式：table 表格（默认）或 json")  # fmt: skip
    p.set_defaults(func=cmd_units_history)


def cmd_units_history(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.cli.history import render_history

    history = ctx.services.ranking.history(args.unit, args.as_of)
    print(render_history(history, args.format))
    return 0
