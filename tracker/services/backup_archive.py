"""One backup file: a zip holding ``tracker.db``, the archived files and a manifest of hashes.

Every member's SHA-256 is in ``manifest.json``; a backup is verified against it right after it
is written and again before anything is restored from it. Automatic backups keep the archived
files once, in a content-addressed pool beside them, instead of a fresh copy every day.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.services.backup_manifest import (
    DB_MEMBER,
    FILES_PREFIX,
    FORMAT,
    MANIFEST,
    Manifest,
    check_member_names,
    read_manifest,
)
from tracker.services.backup_manifest import BackupError as BackupError
from tracker.store.sqlite_file import copy_database, file_health, file_revision

_ARCHIVED = re.compile(r"^[0-9a-f]{64}(\.[A-Za-z0-9]{1,10})?$")


KIND_LABELS = {
    "daily": "每日自动备份",
    "pre-migration": "升级前自动备份",
    "pre-restore": "恢复前自动备份",
    "manual": "手动备份",
}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str
    created: datetime
    revision: str | None
    files: int  # archived submission files it accounts for
    files_in_pool: bool
    size: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def archived_files(files_dir: Path) -> list[Path]:
    """The archive's files (``ab/<sha256>.ext``), skipping half-copied ``.incoming-`` temps."""
    if not files_dir.is_dir():
        return []
    return sorted(p for p in files_dir.glob("??/*") if p.is_file() and _ARCHIVED.match(p.name))


def sync_pool(files_dir: Path, pool: Path) -> None:
    """Copy into ``pool`` every archived file it lacks; a copy is checked by its hash."""
    for src in archived_files(files_dir):
        target = pool / src.parent.name / src.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".incoming-{src.name}")
        try:
            shutil.copyfile(src, tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half copy behind
            raise
        if sha256_of(tmp) != src.name[:64]:
            tmp.unlink()
            continue  # a damaged original is not worth keeping twice; the zip lists it anyway
        os.replace(tmp, target)


def write_backup(
    db: Path, files_dir: Path, dest: Path, kind: str, *, include_files: bool
) -> BackupInfo:
    """Write and verify a backup at ``dest`` (a temp name first, so never half there)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=dest.parent) as tmp_dir:
        snapshot = Path(tmp_dir) / DB_MEMBER
        copy_database(db, snapshot)
        problems = file_health(snapshot, full=False)
        if problems:
            raise BackupError(f"台账数据库有损坏，无法备份：{problems[0]}")
        files = archived_files(files_dir)
        manifest = {
            "format": FORMAT,
            "kind": kind,
            "created": datetime.now().replace(microsecond=0).isoformat(),
            "revision": file_revision(snapshot),
            "files_in_pool": not include_files,
            "members": {DB_MEMBER: sha256_of(snapshot)},
            "files": {f"{f.parent.name}/{f.name}": sha256_of(f) for f in files},
        }
        tmp_zip = Path(tmp_dir) / "backup.zip"
        with zipfile.ZipFile(tmp_zip, "w") as zf:
            zf.write(snapshot, DB_MEMBER, compress_type=zipfile.ZIP_DEFLATED)
            if include_files:
                for f in files:  # documents and scans are compressed already: store them
                    zf.write(f, f"{FILES_PREFIX}{f.parent.name}/{f.name}")
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        info = verify_backup(tmp_zip)
        os.replace(tmp_zip, dest)
    return BackupInfo(
        dest, kind, info.created, info.revision, info.files, info.files_in_pool, dest.stat().st_size
    )


def info_from_manifest(path: Path, manifest: Manifest) -> BackupInfo:
    return BackupInfo(
        path,
        manifest.kind,
        manifest.created,
        manifest.revision,
        len(manifest.files),
        manifest.files_in_pool,
        path.stat().st_size,
    )


def verify_backup(path: Path) -> BackupInfo:
    """Check every member name and hash against the manifest; BackupError if anything is off."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = read_manifest(zf, name)
            check_member_names(zf, manifest, name)
            for member, digest in manifest.members().items():
                _check_member(zf, member, digest, name)
    except zipfile.BadZipFile:
        raise BackupError(f"“{name}”不是有效的备份文件（不是 zip 格式或已损坏）") from None
    return info_from_manifest(path, manifest)


def _check_member(zf: zipfile.ZipFile, member: str, digest: str, name: str) -> None:
    h = hashlib.sha256()
    try:
        with zf.open(member) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except KeyError:
        raise BackupError(f"备份文件“{name}”不完整：缺少 {member}") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BackupError(f"备份文件“{name}”已损坏：{member} 无法读出（{exc}）") from None
    if h.hexdigest() != digest:
        raise BackupError(f"备份文件“{name}”已损坏：{member} 的校验值（SHA-256）不符")
