"""通知 sub-commands: ``notice add|list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_group
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError, os_failure
from tracker.domain.forms import format_forms

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    notice = add_group(sub, common, "notice", "通知与报送事项")
    p = notice.add_parser(
        "add", help="从 TOML 文件新建通知（见 README 的格式说明）", parents=[common]
    )
    p.add_argument("file", type=Path, metavar="FILE.toml", help="通知文件（TOML，UTF-8）")
    p.set_defaults(func=cmd_notice_add)
    p = notice.add_parser("list", help="列出通知及其报送事项", parents=[common])
    p.set_defaults(func=cmd_notice_list)
    p = notice.add_parser(
        "read",
        help="从通知原文（.docx/.pdf/.txt/.doc/.wps）读出通知草稿（TOML，存疑处有注释）",
        parents=[common],
    )
    p.add_argument("file", type=Path, metavar="FILE", help="通知原文文件")
    p.add_argument("--out", type=Path, metavar="FILE.toml", help="写入文件（默认打印）")
    p.set_defaults(func=cmd_notice_read)
    p = notice.add_parser(
        "audience", help="主送说法与单位类别的对应（如 有关单位=技术机构）", parents=[common]
    )
    p.add_argument(
        "mapping",
        nargs="?",
        metavar="说法=类别",
        help="新增一条（说法= 删除自定义的一条）；不写则列出",
    )
    p.set_defaults(func=cmd_notice_audience)


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


def cmd_notice_read(args: argparse.Namespace, ctx: Context) -> int:
    import sys

    read = ctx.services.reader.read(args.file)
    text = read.toml()
    if read.note:
        print(f"注意：{read.note}", file=sys.stderr)
    if args.out is None:
        print(text, end="")
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise os_failure(exc, f"无法写入“{args.out}”") from None
    doubts = len(read.draft.doubts) + sum(len(r.doubts) for r in read.draft.requirements)
    print(
        f"已写入 {args.out}：{len(read.draft.requirements)} 个报送事项，"
        f"{doubts} 处待核对（见文件中的“待核对”注释）"
    )
    return 0


def cmd_notice_audience(args: argparse.Namespace, ctx: Context) -> int:
    reader = ctx.services.reader
    if args.mapping:
        phrase, sep, category = args.mapping.replace("＝", "=").partition("=")
        if not sep:
            raise TrackerError("请写成 说法=类别，例如 有关单位=技术机构")
        if not category.strip():
            print(f"已{reader.remove_rule(phrase).summary}")
            return 0
        print(f"已设定：{reader.add_rule(phrase, category).summary}")
        return 0
    from tracker.domain.notice_audience import DEFAULT_RULES

    own = reader.rules()
    rows = [[p, c, "自定义"] for p, c in own] + [[p, c, "内置"] for p, c in DEFAULT_RULES]
    print(table(("主送中含", "类别", "来源"), rows))
    return 0
