"""argparse speaking Chinese: usage, headings, the help option and every error message.

argparse marks its texts for gettext (``_('usage: ')``) but Python ships no translations, so
``ChineseParser`` puts a catalogue in place of argparse's ``_`` while it builds, formats and
parses, and puts the original back after: other parsers in the process stay as they were.
Used by the command line (tracker.cli) and the window's ``main.py --help`` alike.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")

# argparse's message ids (Python 3.11–3.14) → Chinese.
CATALOGUE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必填参数：%s",
    "one of the arguments %s is required": "须给出以下参数之一：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项 %(value)r（可选：%(choices)s）"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的选项 %(value)r，是否要写 %(closest)r？（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是：%(matches)s"
    ),
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    'argument "-" with mode %r': "参数“-”不能以 %r 方式打开",
}
PLURALS = {
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def translate(message: str) -> str:
    return CATALOGUE.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    return PLURALS.get(singular if n == 1 else plural, singular if n == 1 else plural)


@contextmanager
def chinese() -> Iterator[None]:
    """argparse's gettext lookups answered from CATALOGUE, for the duration of the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _in_chinese(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        with chinese():
            return method(*args, **kwargs)

    return wrapper


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose every text is Chinese; sub-commands added with
    ``add_subparsers`` are ChineseParsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with chinese():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", type(self))
        with chinese():
            return super().add_subparsers(**kwargs)

    format_usage = _in_chinese(argparse.ArgumentParser.format_usage)
    format_help = _in_chinese(argparse.ArgumentParser.format_help)
    parse_args = _in_chinese(argparse.ArgumentParser.parse_args)  # type: ignore[assignment]
    parse_known_args = _in_chinese(argparse.ArgumentParser.parse_known_args)  # type: ignore[assignment]

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n")


def version_option(parser: argparse.ArgumentParser, version: str) -> None:
    """``--version``, with its help text in Chinese (Python 3.11 does not mark it for gettext)."""
    help_text = translate("show program's version number and exit")
    parser.add_argument("--version", action="version", version=version, help=help_text)
