"""The command line's error boundary: whatever goes wrong ends as one Chinese line on stderr
and a non-zero exit; an unexpected error's traceback goes to ``logs/tracker.log``. And output
that never crashes on a character the console's encoding lacks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.domain.errors import TrackerError


def plain_output() -> None:
    """A GBK console or a redirect to a GBK file cannot encode every character (𠀀): such a
    character is printed as ``?`` instead of ending the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                continue


def quiet_stdout() -> None:
    """After a broken pipe: point stdout at the null device so the exit flush stays silent."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report_failure(exc: BaseException, args: argparse.Namespace) -> int:
    from tracker.services.failures import known_failure

    known = known_failure(exc)
    if isinstance(exc, TrackerError):
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    where = _log_traceback(exc, args)
    if known is not None:
        print(f"错误：{known}", file=sys.stderr)
        return 1
    kept = f"详细信息已记录到 {where}" if where else "未能写入日志文件"
    print(
        f"错误：程序遇到意外错误，操作未完成（{type(exc).__name__}: {_short(exc)}）。"
        f"{kept}，请将其发给技术人员。",
        file=sys.stderr,
    )
    return 1


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:200] + "…"


def _log_traceback(exc: BaseException, args: argparse.Namespace) -> Path | None:
    from tracker.log_file import log, setup_logging

    path = setup_logging(_log_dir(args))
    log().error("命令 %s 出错", " ".join(sys.argv[1:]), exc_info=exc)
    return path


def _log_dir(args: argparse.Namespace) -> Path:
    """The workspace's own ``logs/`` when the workspace folder exists, else the user's."""
    from tracker.services.locations import resolve_workspace_dir, user_data_dir

    try:
        root = resolve_workspace_dir(args.workspace)
    except Exception:  # a path that cannot even be resolved
        return user_data_dir() / "logs"
    if args.db_url is None and root.is_dir():
        return root / "logs"
    return user_data_dir() / "logs"
