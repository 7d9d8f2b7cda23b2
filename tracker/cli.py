"""Command line: the same services as the window (python -m tracker / tracker).

Errors print one plain Chinese line and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from tracker import APP_NAME, __version__
from tracker.domain.errors import TrackerError

Handler = Callable[[argparse.Namespace, "Context"], int]


_ARGPARSE_PHRASES = (
    ("the following arguments are required", "缺少必填参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("invalid choice", "无效的选项"),
    ("choose from", "可选"),
    ("expected one argument", "需要一个值"),
    ("invalid int value", "不是整数"),
    ("argument ", "参数 "),
)


class ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for english, chinese in _ARGPARSE_PHRASES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n")


class Context:
    """Opens the workspace only when a command needs it (``--help`` stays instant)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._services: Any = None

    @property
    def services(self) -> Any:
        if self._services is None:
            from tracker.services.bundle import Services

            self._services = Services.open(
                self.args.workspace,
                self.args.db_url,
                create=getattr(self.args, "create", False),
                files_dir=self.args.files_dir,
            )
            for warning in self._services.ws.warnings:
                print(f"注意：{warning}", file=sys.stderr)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
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


# Each module adds its sub-commands with ``register(subparsers, common)``.
COMMAND_MODULES: tuple[str, ...] = (
    "tracker.cli_commands",
    "tracker.cli_safety",
    "tracker.cli_letters",
    "tracker.cli_excel",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    common = _common()
    parser = ChineseParser(prog="tracker", description=f"{APP_NAME} 命令行", parents=[common])
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error already printed
        return int(exc.code or 0)
    for key in ("workspace", "db_url", "files_dir"):
        if not hasattr(args, key):
            setattr(args, key, None)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except TrackerError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except OSError as exc:
        print(
            f"错误：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）", file=sys.stderr
        )
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
