"""Sub-commands that write the ledger: register, exempt, extend, remind."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.parsing import Subparsers, date_arg
from tracker.cli.parsing import add_command as add
from tracker.domain.forms import parse_forms
from tracker.domain.records import Channel, ReminderMethod

if TYPE_CHECKING:
    from tracker.cli.context import Context


def _target(p: argparse.ArgumentParser) -> None:
    p.add_argument("unit", metavar="UNIT", help="单位全称、简称或别名")
    p.add_argument("requirement", metavar="REQUIREMENT", help="报送事项名称")
    p.add_argument("--notice", help="通知文号或标题（事项重名时用于区分）")


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "register", "登记报送（可多次登记，材料累计）", cmd_register)
    _target(p)
    p.add_argument("--date", type=date_arg, help="收到日期（默认今天）")
    p.add_argument("--forms", required=True, help="收到的材料，如 电子版,纸质版,加盖公章,佐证材料")
    p.add_argument(
        "--channel", default="邮件", choices=[c.value for c in Channel], help="收到方式（默认邮件）"
    )
    p.add_argument("--note", default="", help="备注")
    p.add_argument("--file", action="append", type=Path, default=[], help="归档的文件（可多个）")
    p = add(sub, common, "exempt", "免报", cmd_exempt)
    _target(p)
    p.add_argument("--reason", required=True, help="免报理由")
    p = add(sub, common, "extend", "延期", cmd_extend)
    _target(p)
    p.add_argument("--to", required=True, type=date_arg, help="新的报送时限")
    p.add_argument("--reason", required=True, help="延期理由")
    p = add(sub, common, "remind", "记录催报", cmd_remind)
    _target(p)
    p.add_argument(
        "--method", required=True, choices=[m.value for m in ReminderMethod], help="催报方式"
    )
    p.add_argument("--date", type=date_arg, help="催报日期（默认今天）")
    p.add_argument("--letter-number", default="", help="催报函文号")
    p.add_argument("--note", default="", help="备注")


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
