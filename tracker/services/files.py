"""Archived submission files: copied into ``files/`` under their SHA-256, never by their name.

The original name is kept only in the database, so names such as ``../../x.docx`` or
``CON.txt`` can never reach the file system.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tracker.domain.errors import NotFoundError, TrackerError, ValidationError, os_failure
from tracker.domain.limits import ATTACHMENT_LIMIT
from tracker.domain.runnable import without_bidi

_SAFE_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")
_SHA256 = re.compile(r"[0-9a-f]{64}")
NAME_BYTES = 240  # Linux allows 255 bytes in a name: 120 Chinese characters are 360
LEFTOVER_AGE = 15 * 60  # a copy writes continuously; one silent this long was killed
CHUNK = 1 << 20  # bytes read and written per step of a copy (progress and 取消 between steps)


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}  # fmt: skip


def safe_file_name(original_name: str) -> str:
    """A name Windows and Linux both accept as one plain file in one folder: no path parts
    (``../../x.docx`` → ``x.docx``), no reserved device names (``CON.txt`` → ``_CON.txt``),
    no characters Windows forbids, no trailing dots or blanks, no characters that reorder the
    text shown (``总结\u202efdp.exe``), at most 120 characters and 240 bytes."""
    name = re.split(r"[\\/]", without_bidi(original_name))[-1]
    name = re.sub(r'[:*?"<>|\x00-\x1f]', "_", name).rstrip(". ")
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = "_" + name
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 120 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:120]
    while len(name.encode()) > NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:-1] + dot + ext) if dot and stem and len(ext) <= 10 else name[:-1]
    return name


def readable_name(name: str) -> str:
    """A file's name as text a database can store. Linux hands undecodable bytes over as
    surrogate escapes — a zip made on Windows unpacks its Chinese names in GBK bytes — which
    neither SQLite nor PostgreSQL accept (registering such a file was a UnicodeEncodeError):
    decoded as GB18030, else with replacement characters; each part of a relative path on its
    own (the folder may be UTF-8, the file inside it GBK)."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    if "/" in name:
        return "/".join(map(readable_name, name.split("/")))
    if os.name == "nt":  # a lone surrogate in a Windows name
        return name.encode("utf-8", "replace").decode("utf-8")
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _last_touched(path: Path) -> float:
    """A folder is as fresh as the newest thing in it (a restore writes inside its own)."""
    times = [path.lstat().st_mtime]
    if path.is_dir() and not path.is_symlink():
        times += [p.lstat().st_mtime for p in path.rglob("*")]
    return max(times)


def _size(path: Path) -> int:
    if path.is_dir() and not path.is_symlink():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.lstat().st_size


@dataclass(frozen=True, slots=True)
class StoredFile:
    sha256: str
    original_name: str
    size: int
    fresh: bool = field(default=False, compare=False)  # this store added it to the archive


Progress = Callable[[int], None]  # bytes copied since the last call; raising stops the copy


def _flush_to_disk(paths: list[str]) -> None:
    """Every file on disk before the database names it. The flushes run side by side (each
    waits on the disk, not on Python): 200 letters take a few hundredths of a second instead
    of a third of one, without syncing anyone else's files."""
    if not paths:
        return
    from concurrent.futures import ThreadPoolExecutor

    def flush(path: str) -> None:
        with open(path, "rb+") as f:
            os.fsync(f.fileno())

    if len(paths) == 1:
        flush(paths[0])
        return
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(flush, paths))


class FileArchive:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str, original_name: str = "") -> Path:
        if not _SHA256.fullmatch(sha256):  # a damaged or crafted record: never a path outside
            return self.root / ".invalid" / "missing"
        suffix = Path(original_name).suffix.lower()
        if not _SAFE_SUFFIX.match(suffix):
            suffix = ""
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def store(self, source: Path, progress: Progress | None = None) -> StoredFile:
        """Copy ``source`` in; the same content is stored once. Safe against a crash midway;
        ``progress(bytes)`` after each chunk (an exception from it stops and leaves nothing)."""
        source = Path(source)
        if not source.is_file():
            raise TrackerError(f"找不到要归档的文件：{source}")
        size = source.stat().st_size
        if size > ATTACHMENT_LIMIT:  # refused before a byte is copied
            raise ValidationError(
                f"文件“{source.name}”有 {size / (1 << 30):.1f} GB，超过单个附件 "
                f"{ATTACHMENT_LIMIT / (1 << 30):.0f} GB 的上限；请压缩或拆分后再登记"
            )
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        size = 0
        fresh = False
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if progress is not None:
                        progress(len(chunk))
                out.flush()
                os.fsync(out.fileno())
            target = self.path_for(digest.hexdigest(), source.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                os.replace(tmp_name, target)
                fresh = True
        except OSError as exc:
            raise os_failure(exc, f"无法归档文件“{source.name}”") from exc
        finally:
            if os.path.exists(tmp_name):  # a copy stopped midway, or content already there
                os.unlink(tmp_name)
        return StoredFile(digest.hexdigest(), readable_name(source.name), size, fresh)

    def remove(self, stored: StoredFile) -> None:
        """Take a file out again (one this workspace's records do not use)."""
        self.path_for(stored.sha256, stored.original_name).unlink(missing_ok=True)

    def store_many_bytes(self, blobs: list[bytes], name: str) -> list[StoredFile]:
        """Archive generated contents (a batch of letters) under one ``name``."""
        return self.store_generated([(data, name) for data in blobs])

    def store_generated(self, files: Sequence[tuple[bytes, str]]) -> list[StoredFile]:
        """Archive generated contents (a batch of letters, a 通报's PDF and .docx), each
        ``(data, name)``, in one pass: every file written, then every file flushed to disk,
        then moved into place. Flushing after all writes lets the file system commit them
        together instead of once per file."""
        self.root.mkdir(parents=True, exist_ok=True)
        pending: list[tuple[str, Path]] = []
        stored: list[StoredFile] = []
        try:
            for data, name in files:
                digest = hashlib.sha256(data).hexdigest()
                stored.append(StoredFile(digest, name, len(data)))
                target = self.path_for(digest, name)
                if target.exists() or any(t == target for _, t in pending):
                    continue
                fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
                pending.append((tmp_name, target))
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
            _flush_to_disk([tmp for tmp, _ in pending])
            for tmp_name, target in pending:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, target)
        except OSError as exc:
            for tmp_name, _ in pending:
                if os.path.exists(tmp_name):
                    os.unlink(tmp_name)
            names = "、".join(dict.fromkeys(name for _, name in files))
            raise os_failure(exc, f"无法归档“{names}”") from exc
        return stored

    def clear_leftovers(self, max_age: float = LEFTOVER_AGE) -> tuple[int, int]:
        """Delete half-copied temporaries a killed copy left (``.incoming-*``, ``.new-*``):
        only those untouched for ``max_age`` seconds, since a live copy keeps writing to its
        own. Returns (how many, bytes freed)."""
        removed: list[int] = []
        for pattern in (".incoming-*", ".new-*", "??/.incoming-*"):
            removed += self.remove_stale(self.root, pattern, max_age)
        return len(removed), sum(removed)

    @staticmethod
    def remove_stale(folder: Path, pattern: str, max_age: float = LEFTOVER_AGE) -> list[int]:
        """Delete what matches ``pattern`` in ``folder`` and was untouched for ``max_age``
        seconds; the sizes of what went."""
        if not folder.is_dir():
            return []
        limit = time.time() - max_age
        sizes = []
        for leftover in folder.glob(pattern):
            try:
                if _last_touched(leftover) > limit:
                    continue
                size = _size(leftover)
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
                sizes.append(size)
            except OSError:  # gone meanwhile, or not ours to delete: leave it
                continue
        return sizes

    def export_copy(
        self, sha256: str, original_name: str, dest_dir: Path, progress: Progress | None = None
    ) -> Path:
        """A copy under its original (sanitised) name, e.g. to open it in its program; checked
        against its SHA-256 while it is copied (:class:`DamagedArchive` when it differs).
        ``progress(bytes)`` after each chunk; whatever stops the copy midway (an exception from
        ``progress`` on 取消, a full disk) takes the partial copy out again."""
        src = self.path_for(sha256, original_name)
        safe = safe_file_name(original_name) or sha256
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / safe
        digest = hashlib.sha256()
        try:
            with src.open("rb") as inp, dest.open("wb") as out:
                for chunk in iter(lambda: inp.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    if progress is not None:
                        progress(len(chunk))
            if digest.hexdigest() != sha256:
                raise DamagedArchive(f"归档文件“{safe}”已损坏（内容与存档时不符）")
        except BaseException:
            dest.unlink(missing_ok=True)
            raise
        return dest

    def read_checked(self, sha256: str, name: str, what: str) -> bytes:
        """An archived file's bytes, refused when they are not what was archived."""
        return read_archived(self.path_for(sha256, name), what)


def read_archived(path: Path, what: str) -> bytes:
    """The bytes of an archived file (a path :meth:`FileArchive.path_for` gave, named by its
    SHA-256), refused when they are not what was archived — a truncated copy, a disk error,
    a program that saved over it: ``what`` names it in the message."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"找不到{what}的存档文件：{path}") from None
    except OSError as exc:
        raise os_failure(exc, f"无法读取{what}的存档文件") from None
    if hashlib.sha256(data).hexdigest() != path.stem:
        raise DamagedArchive(f"{what}的存档文件已损坏（内容与存档时不符）：{path}")
    return data


class DamagedArchive(TrackerError):
    """An archived file whose content no longer has the SHA-256 it was archived under."""
