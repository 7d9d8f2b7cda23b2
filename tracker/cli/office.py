"""``tracker office [--name N] …``: show or set the office's own particulars (used by letters)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers
from tracker.cli.parsing import add_command as add

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.domain.office import OfficeSettings

# (flag, metavar, OfficeSettings field, label as the settings form names it)
OFFICE_OPTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("--name", "N", "sender_name", "本单位名称（发文机关）"),
    ("--short-name", "S", "short_name", "自称（如“我委”）"),
    ("--letter-prefix", "P", "letter_prefix", "函号前缀（如“津市场监管标准函”）"),
    ("--bulletin-prefix", "P", "bulletin_prefix", "通报的发文字号前缀（如“津市场监管标准”）"),
    ("--department", "D", "office_name", "处室"),
    ("--contact", "C", "contact_person", "联系人"),
    ("--phone", "P", "contact_phone", "联系电话"),
    ("--email", "E", "contact_email", "电子邮箱"),
    ("--address", "A", "postal_address", "通讯地址"),
)


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add(
        sub,
        common,
        "office",
        "查看或设置本单位信息（催报函的发文机关、自称、函号前缀、联系人等）",
        cmd_office,
        description="不带参数时显示本单位信息；带参数时修改所给的各项（其余不变），"
        "与窗口中 工具 ▸ 设置 是同一份设置。",
    )
    for flag, metavar, field, label in OFFICE_OPTIONS:
        p.add_argument(flag, dest=field, metavar=metavar, help=label)


def cmd_office(args: argparse.Namespace, ctx: Context) -> int:
    sv = ctx.services
    changes = {
        field: value.strip()
        for _flag, _metavar, field, _label in OFFICE_OPTIONS
        if (value := getattr(args, field)) is not None
    }
    if changes:
        print(f"已{sv.settings.update_office(**changes).summary}")
    office = sv.settings.office()
    print(describe(office))
    if not office.is_set_up:
        print(f"\n尚未填写{'和'.join(office.letter_gaps())}，发出催报函前请补上。")
    return 0


def describe(office: OfficeSettings) -> str:
    rows = [
        [label.split("（")[0], getattr(office, field) or "（未填写）", flag]
        for flag, _metavar, field, label in OFFICE_OPTIONS
    ]
    return table(("项目", "内容", "参数"), rows)
