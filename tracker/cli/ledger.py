"""Sub-commands that write the ledger: register, exempt, extend, remind, and their revocations
(unexempt, unextend, unregister); ``submissions`` lists what was registered."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import submission_cells, submission_json, table
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
    p.add_argument("--on", type=date_arg, help="批准免报的日期（默认今天；回看更早的日子时不计）")
    p = add(sub, common, "extend", "延期", cmd_extend)
    _target(p)
    p.add_argument("--to", required=True, type=date_arg, help="新的报送时限")
    p.add_argument("--reason", required=True, help="延期理由")
    p.add_argument("--on", type=date_arg, help="批准延期的日期（默认今天；回看更早的日子时不计）")
    p = add(sub, common, "unexempt", "撤销免报（恢复为应报）", cmd_unexempt)
    _target(p)
    p.add_argument("--reason", required=True, help="撤销的理由（记入操作日志）")
    p = add(sub, common, "unextend", "撤销延期（恢复原定时限）", cmd_unextend)
    _target(p)
    p.add_argument("--reason", required=True, help="撤销的理由（记入操作日志）")
    p = add(sub, common, "submissions", "列出某单位某事项的全部登记（含编号）", cmd_submissions)
    _target(p)
    p.add_argument(
        "--format", default="table", choices=["table", "json"], help="输出格式：表格或 JSON"
    )
    p = add(sub, common, "unregister", "删除一条登记（编号见 tracker submissions）", cmd_unregister)
    p.add_argument("id", metavar="ID", type=int, help="登记编号")
    p.add_argument("--reason", required=True, help="删除的理由（记入操作日志）")
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
    change = ctx.services.ledger.exempt([_obligation(args, ctx)], args.reason, on=args.on)
    print(f"已记录：{change.summary}")
    return 0


def cmd_extend(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.extend([_obligation(args, ctx)], args.to, args.reason, on=args.on)
    print(f"已记录：{change.summary}")
    return 0


def cmd_unexempt(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.unexempt([_obligation(args, ctx)], args.reason)
    print(f"已记录：{change.summary}")
    return 0


def cmd_unextend(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.unextend([_obligation(args, ctx)], args.reason)
    print(f"已记录：{change.summary}")
    return 0


def cmd_submissions(args: argparse.Namespace, ctx: Context) -> int:
    oid = _obligation(args, ctx)
    records = ctx.services.ledger.submissions(oid)
    files = ctx.services.ws.files
    if args.format == "json":
        print(json.dumps([submission_json(r, files.path_for) for r in records],
                         ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    headers = ("编号", "收到日期", "方式", "材料", "文件", "备注")
    print(table(headers, [submission_cells(r) for r in records]))
    if not records:
        print("（尚无登记）")
    return 0


def cmd_unregister(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.services.ledger.delete_submission(args.id, args.reason)
    print(f"已{change.summary}")
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
