"""Sub-commands that create a workspace: ``init`` and ``demo``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.cli.parsing import Subparsers, add_command

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    add_command(sub, common, "init", "新建台账（文件夹中的数据库与归档文件夹）", cmd_init)
    add_command(sub, common, "demo", "在台账中生成示例数据（天津、晋城的真实通知）", cmd_demo)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    args.create = True
    print(f"台账已就绪：{ctx.services.ws.label}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.demo import build_demo

    args.create = True
    build_demo(ctx.services)
    rows = ctx.services.ledger.rows()
    print(f"示例台账已生成：{ctx.services.ws.label}（{len(rows)} 条报送义务）")
    return 0
