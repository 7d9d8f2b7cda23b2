"""Command line: the same services as the window (python -m tracker / tracker).

One module per command group; each adds its sub-commands with ``register(sub, common)``.
Errors print one plain Chinese line and exit non-zero; never a traceback (that goes to
``logs/tracker.log``; see :mod:`tracker.cli.boundary`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tracker import APP_NAME, __version__
from tracker.chinese_argparse import ChineseParser, version_option
from tracker.cli import (
    audit,
    backup,
    bulletin,
    excel,
    figures,
    holidays,
    intake,
    ledger,
    letters,
    notices,
    office,
    ranking,
    status,
    units,
    workspace,
)
from tracker.cli.boundary import plain_output, quiet_stdout, report_failure
from tracker.cli.context import Context
from tracker.cli.parsing import common_options
from tracker.domain.clock import today

COMMAND_GROUPS = (
    workspace,
    units,
    notices,
    ledger,
    status,
    audit,
    holidays,
    backup,
    letters,
    excel,
    office,
    ranking,
    bulletin,
    intake,
    figures,
)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = ChineseParser(prog="tracker", description=f"{APP_NAME} 命令行", parents=[common])
    version_option(parser, f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseParser)
    for group in COMMAND_GROUPS:
        group.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    plain_output()
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
        today()  # a TRACKER_TODAY that is no date is said once, before anything opens
        return int(args.func(args, ctx) or 0)
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tracker units list | head`: the reader has all it wanted
        quiet_stdout()
        return 0
    except Exception as exc:  # the boundary: one Chinese line, the traceback in the log
        return report_failure(exc, args)
    finally:
        ctx.close()


if __name__ == "__main__":
    from tracker.process import run_cli

    run_cli()
