"""Sub-commands for the workspace, the roster and notices; ledger commands in cli_ledger."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import cli_ledger
from tracker.cli_format import table
from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms

if TYPE_CHECKING:
    from tracker.cli import Context


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    def add(name: str, help_text: str, func: Any, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, parents=[common], **kw)
        p.set_defaults(func=func)
        return p

    add("init", "新建台账（文件夹中的数据库与归档文件夹）", cmd_init)
    add("demo", "在台账中生成示例数据（天津、晋城的真实通知）", cmd_demo)
    _register_units(sub, common)
    _register_notices(sub, common)
    cli_ledger.register(add)


def _group(sub: Any, common: argparse.ArgumentParser, name: str, help_text: str) -> Any:
    p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
    p.set_defaults(func=lambda args, ctx: p.print_help() or 2)
    return p.add_subparsers(dest=f"{name}_command", metavar="子命令", parser_class=type(p))


def _register_units(sub: Any, common: argparse.ArgumentParser) -> None:
    units = _group(sub, common, "units", "单位名录：导入、导出、模板、列表")
    p = units.add_parser(
        "import", help="从 Excel 导入或更新单位名录（按单位名称更新）", parents=[common]
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="只显示将发生的变化，不导入")
    p.add_argument("--new-categories", action="store_true", help="允许同时新增名录中的新类别")
    p.set_defaults(func=cmd_units_import)
    p = units.add_parser("export", help="导出单位名录到 Excel", parents=[common])
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_units_export)
    p = units.add_parser("template", help="生成单位名录导入模板", parents=[common])
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_units_template)
    p = units.add_parser("list", help="列出单位", parents=[common])
    p.set_defaults(func=cmd_units_list)


def _register_notices(sub: Any, common: argparse.ArgumentParser) -> None:
    notice = _group(sub, common, "notice", "通知与报送事项")
    p = notice.add_parser(
        "add", help="从 TOML 文件新建通知（见 README 的格式说明）", parents=[common]
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_notice_add)
    p = notice.add_parser("list", help="列出通知及其报送事项", parents=[common])
    p.set_defaults(func=cmd_notice_list)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    args.create = True
    print(f"台账已就绪：{ctx.services.ws.label}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.demo import build_demo

    args.create = True
    build_demo(ctx.services)
    rows = ctx.services.ledger.rows()
    print(f"示例台账已生成：{ctx.services.ws.label}（{len(rows)} 条报送义务）")
    return 0


def cmd_units_import(args: argparse.Namespace, ctx: Context) -> int:
    roster = ctx.services.roster
    if args.dry_run:
        plan = roster.preview(args.file)
    else:
        plan, _ = roster.apply(args.file, allow_new_categories=args.new_categories)
    for note in plan.notes:
        print(f"提示：{note}")
    for change in plan.changes:
        if change.kind != "不变":
            detail = "；".join(change.details)
            print(
                f"  第{change.row}行 {change.kind} {change.name}"
                + (f"：{detail}" if detail else "")
            )
    print(("预览（未导入）：" if args.dry_run else "已导入：") + plan.summary)
    return 0


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


def cmd_notice_add(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.notice_file import read_notice_file

    spec = read_notice_file(args.file)
    _, change = ctx.services.notices.create(spec)
    print(f"已{change.summary}")
    return 0


def cmd_notice_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = []
    for n in ctx.services.notices.list_notices():
        for r in n.requirements:
            flag = f"（{r.deadline_note}）" if r.deadline_note else ""
            rows.append(
                [
                    n.doc_number,
                    n.title,
                    r.title,
                    format_cn(r.deadline) + flag,
                    format_forms(r.forms),
                    str(r.obligations),
                ]
            )
    print(table(("文号", "通知", "报送事项", "时限", "报送形式", "应报单位"), rows))
    return 0
