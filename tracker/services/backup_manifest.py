"""A backup's manifest and member names, checked before anything is extracted.

A backup is a file from outside: it may be damaged, or crafted. Every member name and every
manifest entry must be one of ours — ``manifest.json``, ``tracker.db`` and the file pool's own
names ``files/ab/<sha256>.ext`` — and every field of the manifest has its type; anything else
refuses the backup whole, so no name such as ``../../x.txt``, ``/etc/x`` or ``C:\\x`` can ever
reach the file system.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError

FORMAT = 1
MANIFEST = "manifest.json"
DB_MEMBER = "tracker.db"
FILES_PREFIX = "files/"
KINDS = ("daily", "pre-migration", "pre-restore", "manual")
MANIFEST_LIMIT = 64 << 20  # a manifest lists hashes: even 100,000 files are ~15 MB
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# The pool's names: two hex digits, then the file's SHA-256 and a short plain suffix.
POOL_NAME = re.compile(r"^([0-9a-f]{2})/(\1[0-9a-f]{62})(\.[A-Za-z0-9]{1,10})?$")
_REVISION = re.compile(r"^[0-9A-Za-z_]{1,32}$")


class BackupError(TrackerError):
    """A backup that cannot be made or trusted; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Manifest:
    kind: str
    created: datetime
    revision: str | None
    files_in_pool: bool
    db_sha256: str
    files: dict[str, str]  # pool name (ab/<sha256>.ext) -> its SHA-256

    def members(self) -> dict[str, str]:
        """Every zip member this backup must hold, with its SHA-256."""
        expected = {DB_MEMBER: self.db_sha256}
        if not self.files_in_pool:
            expected.update({FILES_PREFIX + k: v for k, v in self.files.items()})
        return expected


def read_manifest(zf: zipfile.ZipFile, name: str) -> Manifest:
    """The manifest of ``zf``, every field type-checked; BackupError for anything off."""
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise BackupError(f"“{name}”不是本程序的备份文件（缺少清单 {MANIFEST}）") from None
    if info.file_size > MANIFEST_LIMIT:
        raise BackupError(f"备份文件“{name}”的清单大得不合理，已拒绝")
    try:
        data = json.loads(zf.read(MANIFEST))
    except (ValueError, RecursionError):
        raise BackupError(f"备份文件“{name}”的清单已损坏") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"“{name}”的备份格式无法识别")
    return parse_manifest(data, name)


def parse_manifest(data: dict[str, Any], name: str) -> Manifest:
    def bad(field: str, why: str) -> BackupError:
        return BackupError(f"备份文件“{name}”的清单有误（{field}：{why}），已拒绝，未作任何改动")

    kind = data.get("kind")
    if kind not in KINDS:
        raise bad("kind", "不是已知的备份种类")
    try:
        created = datetime.fromisoformat(data["created"])
    except (KeyError, TypeError, ValueError):
        raise bad("created", "不是日期时间") from None
    revision = data.get("revision")
    if revision is not None and not (isinstance(revision, str) and _REVISION.match(revision)):
        raise bad("revision", "不是数据库版本号")
    in_pool = data.get("files_in_pool")
    if not isinstance(in_pool, bool):
        raise bad("files_in_pool", "应为 true 或 false")
    members = data.get("members")
    if not isinstance(members, dict) or set(members) != {DB_MEMBER}:
        raise bad("members", f"应只列出 {DB_MEMBER}")
    db_sha = members[DB_MEMBER]
    if not (isinstance(db_sha, str) and _SHA256.match(db_sha)):
        raise bad("members", "校验值不是 SHA-256")
    files = data.get("files")
    if not isinstance(files, dict):
        raise bad("files", "应为文件清单")
    for rel, digest in files.items():
        if not pool_name_ok(rel):
            raise bad("files", f"“{str(rel)[:80]}”不是归档文件的名称")
        if not (isinstance(digest, str) and _SHA256.match(digest)):
            raise bad("files", f"“{rel}”的校验值不是 SHA-256")
    return Manifest(kind, created, revision, in_pool, db_sha, dict(files))


def pool_name_ok(rel: object) -> bool:
    """``ab/<sha256>.ext`` and nothing else (no ``..``, no absolute path, no drive letter)."""
    return isinstance(rel, str) and POOL_NAME.match(rel) is not None


def check_member_names(zf: zipfile.ZipFile, manifest: Manifest, name: str) -> None:
    """Every member of the zip is one the manifest accounts for, once; nothing else."""
    allowed = {MANIFEST, *manifest.members()}
    seen: set[str] = set()
    for info in zf.infolist():
        member = info.filename
        if member not in allowed or member in seen:
            shown = member if len(member) <= 80 else member[:80] + "…"
            raise BackupError(
                f"备份文件“{name}”中有不属于备份的成员“{shown}”，可能被改动过，已拒绝，未作任何改动"
            )
        seen.add(member)


def inside(folder: Path, rel: str) -> Path:
    """``folder / rel`` for a checked pool name, and never anywhere else (belt and braces)."""
    if not pool_name_ok(rel):
        raise BackupError(f"“{rel}”不是归档文件的名称")
    target = folder / rel
    if not target.resolve().is_relative_to(folder.resolve()):
        raise BackupError(f"归档文件“{rel}”不在归档文件夹内，已拒绝")
    return target
