"""When backups are made, where they go, how many are kept, and restoring one.

Automatic backups live in ``<workspace>/backups/<kind>/``: ``daily`` (first open of each day,
last 14 kept), ``pre-migration`` (before every schema upgrade, last 8) and ``pre-restore`` (the
state a restore replaced, last 8). They keep the archived files once, in ``backups/files/``.
A manual backup is one self-contained zip, to be carried elsewhere.

These functions take paths, not an open workspace: a restore must work when the database is
too damaged to open.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.domain.errors import DISK_FULL_ADVICE, DiskFullError, os_failure
from tracker.services.backup_archive import (
    BackupInfo,
    info_from_manifest,
    sha256_of,
    sync_pool,
    verify_backup,
    write_backup,
)
from tracker.services.backup_manifest import (
    DB_MEMBER,
    FILES_PREFIX,
    BackupError,
    check_member_names,
    inside,
    read_manifest,
)
from tracker.services.failures import known_failure
from tracker.store.engine import make_engine, sqlite_url
from tracker.store.migrate import ensure_schema, known_revisions
from tracker.store.sqlite_file import file_health, file_revision, overwrite_database, raw_copy

BACKUPS_DIR = "backups"
POOL_DIR = "files"
KEEP = {"daily": 14, "pre-migration": 8, "pre-restore": 8}
STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Location:
    """Where one SQLite workspace keeps its database, archived files and backups."""

    root: Path
    db: Path
    files: Path

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_DIR

    @property
    def pool(self) -> Path:
        return self.backups / POOL_DIR


@dataclass(frozen=True, slots=True)
class RestoreResult:
    backup: BackupInfo
    safety_copy: Path | None  # what the restore replaced, kept in case it was a mistake
    files_restored: int
    files_missing: tuple[str, ...]

    @property
    def summary(self) -> str:
        when = f"{self.backup.created:%Y-%m-%d %H:%M}"
        text = f"已从“{self.backup.path.name}”恢复台账（备份于 {when}）"
        if self.safety_copy is not None:
            text += f"；恢复前的数据已另存为“{self.safety_copy}”"
        if self.files_missing:
            text += f"；有 {len(self.files_missing)} 个归档文件在备份中找不到"
        return text


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_now(loc: Location, kind: str, dest: Path | None = None) -> BackupInfo:
    """A verified backup of ``kind``; manual ones carry the files, automatic ones the pool."""
    if not loc.db.exists():
        raise BackupError(f"台账数据库不存在：{loc.db}")
    if dest is None:
        dest = _unused(loc.backups / kind / f"{kind}-{stamp()}.zip")
    _clear_stale_temps(dest.parent)
    manual = kind == "manual"
    try:
        if not manual:
            sync_pool(loc.files, loc.pool)
        info = write_backup(loc.db, loc.files, dest, kind, include_files=manual)
    except OSError as exc:
        raise os_failure(exc, f"无法写入备份“{dest}”") from exc
    except sqlite3.OperationalError as exc:  # the database copy itself: disk full, locked …
        known = known_failure(exc)
        if isinstance(known, DiskFullError):
            raise DiskFullError(
                f"无法写入备份“{dest}”：磁盘空间已满，未写入任何内容。{DISK_FULL_ADVICE}。"
            ) from exc
        raise BackupError(f"无法写入备份“{dest}”：{known or exc}") from exc
    if kind in KEEP:
        prune(loc.backups / kind, KEEP[kind])
    return info


def _unused(path: Path) -> Path:
    n = 1
    while path.exists():  # two in one second: -2, -3 … keep names in time order
        n += 1
        path = path.with_name(f"{path.stem.rsplit('~', 1)[0]}~{n}.zip")
    return path


def manual_destination(dest: Path | None, loc: Location) -> Path:
    name = f"报送督办台账备份-{stamp()}.zip"
    if dest is None:
        return _unused(loc.backups / "manual" / name)
    if dest.is_dir() or str(dest).endswith(("/", os.sep)):
        return _unused(dest / name)
    return dest if dest.suffix.lower() == ".zip" else dest.with_name(dest.name + ".zip")


def daily_backup(loc: Location, day: date) -> BackupInfo | None:
    """The first open of ``day`` backs up; later opens that day do nothing."""
    dest = loc.backups / "daily" / f"daily-{day:%Y%m%d}.zip"
    if dest.exists() or not loc.db.exists():
        return None
    return backup_now(loc, "daily", dest)


def prune(folder: Path, keep: int) -> None:
    backups = sorted(folder.glob("*.zip"), key=lambda p: (p.stat().st_mtime, p.name))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)


def _clear_stale_temps(folder: Path) -> None:
    """Temp folders left by a backup that was killed midway (another may be running now)."""
    if not folder.is_dir():
        return
    limit = time.time() - STALE_TEMP_SECONDS
    for tmp in folder.glob(".backup-*"):
        if tmp.stat().st_mtime < limit:
            shutil.rmtree(tmp, ignore_errors=True)


def list_backups(loc: Location) -> list[BackupInfo]:
    """Every backup of this workspace, newest first (manifests only: quick)."""
    found = []
    for path in loc.backups.glob("*/*.zip"):
        try:
            with zipfile.ZipFile(path) as zf:
                found.append(info_from_manifest(path, read_manifest(zf, path.name)))
        except (BackupError, zipfile.BadZipFile, OSError, KeyError, ValueError):
            continue  # not one of ours, or damaged: restore would refuse it anyway
    return sorted(found, key=lambda b: b.created, reverse=True)


def newest_backup(loc: Location) -> Path | None:
    backups = list_backups(loc)
    return backups[0].path if backups else None


def restore(loc: Location, source: Path) -> RestoreResult:
    """Replace the workspace with ``source`` after checking it and saving what it replaces."""
    info = verify_backup(source)
    loc.root.mkdir(parents=True, exist_ok=True)
    _check_room(loc, source)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=loc.root) as tmp:
        db = Path(tmp) / DB_MEMBER
        with zipfile.ZipFile(source) as zf, zf.open(DB_MEMBER) as src, db.open("wb") as out:
            shutil.copyfileobj(src, out)
        _check_restorable(db, source.name)
        safety = _safety_copy(loc)
        restored, missing = _restore_files(loc, source)
        _put_database(db, loc.db)
    _upgrade(loc)
    return RestoreResult(info, safety, restored, missing)


def _check_room(loc: Location, source: Path) -> None:
    """Restoring needs room for the database twice (the copy, then the live file) and the
    files: refused up front rather than stopped by a full disk halfway."""
    with zipfile.ZipFile(source) as zf:
        sizes = {i.filename: i.file_size for i in zf.infolist()}
    needed = 2 * sizes.get(DB_MEMBER, 0) + sum(
        n for name, n in sizes.items() if name.startswith(FILES_PREFIX)
    )
    free = shutil.disk_usage(loc.root).free
    if free < needed + (1 << 20):
        raise BackupError(
            f"磁盘空间不足，无法恢复：约需 {needed / (1 << 20):,.1f} MB，"
            f"“{loc.root}”所在磁盘只剩 {free / (1 << 20):,.1f} MB；未作任何改动"
        )


def _check_restorable(db: Path, name: str) -> None:
    problems = file_health(db, full=True)
    if problems:
        raise BackupError(f"备份“{name}”中的数据库未通过完整性检查（{problems[0]}），未作任何改动")
    revision = file_revision(db)
    if revision is None:
        raise BackupError(f"“{name}”中不是本程序的台账数据库，未作任何改动")
    if revision not in known_revisions():
        raise BackupError(
            f"备份“{name}”由更新版本的程序创建（数据库版本 {revision}），"
            "请先升级“报送督办台账”；未作任何改动"
        )


def _safety_copy(loc: Location) -> Path | None:
    """Back up what is about to be replaced; byte copies when it is too damaged for that."""
    if not loc.db.exists():
        return None
    try:
        return backup_now(loc, "pre-restore").path
    except (BackupError, sqlite3.Error):
        folder = loc.backups / "pre-restore" / f"damaged-{stamp()}"
        raw_copy(loc.db, folder)
        return folder


def _restore_files(loc: Location, source: Path) -> tuple[int, tuple[str, ...]]:
    """Bring back every archived file the backup lists (files are never deleted here)."""
    restored, missing = 0, []
    with zipfile.ZipFile(source) as zf:
        manifest = read_manifest(zf, source.name)
        check_member_names(zf, manifest, source.name)
        members = set(zf.namelist())
        for rel, digest in manifest.files.items():
            target = inside(loc.files, rel)
            if target.exists() and sha256_of(target) == digest:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".incoming-{target.name}")
            if FILES_PREFIX + rel in members:
                with zf.open(FILES_PREFIX + rel) as src, tmp.open("wb") as out:
                    shutil.copyfileobj(src, out)
            elif (loc.pool / rel).exists():
                shutil.copyfile(loc.pool / rel, tmp)
            else:
                missing.append(rel)
                continue
            if sha256_of(tmp) != digest:
                tmp.unlink()
                missing.append(rel)
                continue
            os.replace(tmp, target)
            restored += 1
    return restored, tuple(missing)


def _put_database(db: Path, live: Path) -> None:
    if live.exists():
        try:
            overwrite_database(db, live)
            return
        except sqlite3.DatabaseError:
            pass  # the live file is too damaged to write into: replace it whole
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
    tmp = live.with_name(f".restoring-{live.name}")
    shutil.copyfile(db, tmp)
    os.replace(tmp, live)


def _pre_migration(loc: Location) -> None:
    backup_now(loc, "pre-migration")


def _upgrade(loc: Location) -> None:
    """A backup from an older version is brought to the current schema (backed up first)."""
    engine = make_engine(sqlite_url(loc.db))
    try:
        ensure_schema(engine, before_upgrade=lambda _rev: _pre_migration(loc))
    finally:
        engine.dispose()
