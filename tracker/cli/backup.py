"""备份与恢复 from the command line: ``tracker backup [DEST]``, ``tracker restore FILE``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        help="备份台账（数据库与归档文件，一个 zip 文件）",
        description="备份台账：数据库与全部归档文件写入一个经 SHA-256 校验的 zip 文件。"
        "不写 DEST 时放在台账文件夹的 backups/manual/ 中；DEST 可以是文件夹或文件名。",
        parents=[common],
    )
    p.add_argument(
        "dest",
        nargs="?",
        metavar="DEST",
        help="备份写到哪里：文件夹（已有的，或以 / 结尾的新文件夹）或 .zip 文件名",
    )
    p.add_argument("--list", action="store_true", help="列出本台账已有的备份（含自动备份）")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser(
        "restore",
        help="从备份恢复台账（先检查备份，并先另存当前数据）",
        description="从备份 zip 恢复台账。先校验备份（SHA-256、完整性、数据库版本），"
        "再把当前数据另存到 backups/pre-restore/，然后替换。台账损坏无法打开时也可使用。",
        parents=[common],
    )
    p.add_argument("file", type=Path, metavar="FILE", help="备份 zip 文件")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.services.backups
    if args.list:
        rows = [
            [f"{b.created:%Y-%m-%d %H:%M:%S}", b.kind_label, b.revision or "", str(b.path)]
            for b in service.list()
        ]
        print(table(("时间", "类型", "数据库版本", "文件"), rows) if rows else "还没有备份")
        return 0
    info = service.backup(_destination(args.dest))
    size = info.size / 1024 / 1024
    print(f"已备份到：{info.path}（{size:.1f} MB，含 {info.files} 个归档文件，已校验）")
    return 0


def _destination(text: str | None) -> Path | None:
    """``DEST/`` names a folder even before it exists (a Path would drop the slash)."""
    if text is None:
        return None
    dest = Path(text)
    if text.endswith(("/", os.sep)):  # os.sep: the backslash on Windows
        dest.mkdir(parents=True, exist_ok=True)
    return dest


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from tracker.services.backups import restore

    result = restore(_location(args), args.file)
    print(result.summary)
    if result.files_missing:
        print("找不到的归档文件：" + "、".join(result.files_missing[:20]))
    return 0


def _location(args: argparse.Namespace) -> Any:
    """The workspace's paths without opening it: a damaged database cannot be opened."""
    from tracker.domain.errors import TrackerError
    from tracker.services.backup_service import SERVER_DB_MESSAGE
    from tracker.services.backups import Location
    from tracker.services.locations import (
        DB_FILE,
        resolve_db_url,
        resolve_files_dir,
        resolve_workspace_dir,
    )

    if resolve_db_url(args.db_url):
        raise TrackerError(SERVER_DB_MESSAGE)
    root = resolve_workspace_dir(args.workspace)
    return Location(root, root / DB_FILE, resolve_files_dir(root, args.files_dir))
