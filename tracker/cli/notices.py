"""通知 sub-commands: ``notice add|list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_group
from tracker.domain.dates import format_cn
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
