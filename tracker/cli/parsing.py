"""The options every command takes, and the helpers command groups use (argparse in Chinese:
tracker.chinese_argparse)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.chinese_argparse import ChineseParser
from tracker.domain.dates import parse_date
from tracker.domain.errors import ValidationError

if TYPE_CHECKING:
    from tracker.cli.context import Context

Handler = Callable[[argparse.Namespace, "Context"], int]
Subparsers = Any  # argparse's _SubParsersAction, which typeshed keeps private
__all__ = [
    "ChineseParser",
    "Handler",
    "Subparsers",
    "add_command",
    "add_group",
    "bounded_int",
    "date_arg",
    "int_arg",
    "year_arg",
]


def common_options() -> argparse.ArgumentParser:
    common = ChineseParser(add_help=False)
    common.add_argument(
        "--workspace",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="台账文件夹（默认：用户数据目录，或环境变量 TRACKER_WORKSPACE）",
    )
    common.add_argument(
        "--db-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="任意 SQLAlchemy 数据库地址（或环境变量 TRACKER_DB_URL）",
    )
    common.add_argument(
        "--files-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="归档文件夹，多人共用数据库时设为共享文件夹（或环境变量 TRACKER_FILES_DIR；"
        "默认：台账文件夹中的 files）",
    )
    return common


def add_command(
    sub: Subparsers,
    common: argparse.ArgumentParser,
    name: str,
    help_text: str,
    func: Handler,
    **kw: Any,
) -> argparse.ArgumentParser:
    """One sub-command that takes the common options and runs ``func(args, ctx)``."""
    p: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=kw.pop("description", help_text), parents=[common], **kw
    )
    p.set_defaults(func=func)
    return p


def add_group(
    sub: Subparsers, common: argparse.ArgumentParser, name: str, help_text: str
) -> Subparsers:
    """A command with sub-commands of its own (``units import``); alone it prints its help."""
    p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
    p.set_defaults(func=lambda args, ctx: p.print_help() or 2)
    return p.add_subparsers(dest=f"{name}_command", metavar="子命令", parser_class=type(p))


def int_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} 超出范围（应在 {low} 至 {high} 之间）")
        return value

    return parse


def year_arg(text: str) -> int:
    """A year a person types: 2000 to 2100."""
    from tracker.domain.dates import EARLIEST, LATEST

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not EARLIEST.year <= year <= LATEST.year:
        raise argparse.ArgumentTypeError(
            f"年份 {year} 不合理（应在 {EARLIEST.year} 至 {LATEST.year} 之间）"
        )
    return year


def date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
