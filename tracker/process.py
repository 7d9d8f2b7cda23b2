"""A command in a process of its own (``tracker …``, ``python -m tracker``).

Garbage collection is held off through start-up: importing SQLAlchemy, reportlab and the
ledger's modules and opening the workspace make ~90,000 objects that live to the end and
almost no garbage, yet the collector would walk them again and again. Once the workspace is
open they are frozen (never walked again) and collection resumes for the command's own work.
At exit Python's last collections would walk them once more; frozen, they are left to the
operating system. Together a sixth of issuing 200 letters. The exit stays normal otherwise:
atexit handlers run and threads are joined.
"""

from __future__ import annotations

import gc
from typing import NoReturn

_held = False


def hold_collection() -> None:
    global _held
    gc.disable()
    _held = True


def release_collection() -> None:
    """Called once the workspace is open; does nothing unless start-up held collection."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def run_cli() -> NoReturn:
    hold_collection()
    from tracker.cli import main

    try:
        code = main()
    finally:
        release_collection()  # a command that opened no workspace
        gc.freeze()
    raise SystemExit(code)
