"""The received files of a batch: folders walked, clutter skipped, each file hashed and read."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.domain.dates import EARLIEST
from tracker.domain.errors import TrackerError, os_error_text
from tracker.domain.forms import Form
from tracker.domain.intake_kinds import kind_of, skipped
from tracker.domain.intake_match import FileFacts, file_forms
from tracker.services.extract import ExtractError, NeedsConverter, extract_text, readable
from tracker.services.files import readable_name
from tracker.services.seal import has_red_seal

MAX_FILES = 5_000
# Windows' reparse tags of a junction and a folder symbolic link (stat has them on Windows only).
_FOLDER_LINKS = (0xA0000003, 0xA000000C)


@dataclass(frozen=True, slots=True)
class Incoming:
    path: Path
    shown: str  # the name shown to the clerk: relative to the folder dropped


@dataclass(frozen=True, slots=True)
class ReadFile:
    incoming: Incoming
    sha256: str
    size: int
    facts: FileFacts
    forms_why: str
    note: str  # what went wrong reading it, or 扫描件 …
    damaged: bool = False  # empty, broken, a zip bomb: the unit must send it again


def collect(paths: list[Path]) -> list[Incoming]:
    """Files named and files inside folders named (recursively, without following links)."""
    found: list[Incoming] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(path, found)
        elif path.is_file():
            found.append(Incoming(path, readable_name(path.name)))
        else:
            raise TrackerError(f"找不到文件或文件夹：{path}")
        _check_count(found)
    return found


def _check_count(found: list[Incoming]) -> None:
    if len(found) > MAX_FILES:
        raise TrackerError(f"一次最多处理 {MAX_FILES} 个文件，请分批登记")


def _walk(folder: Path, found: list[Incoming]) -> None:
    """The files under ``folder`` in name order, stopping as soon as there are too many (a
    dropped 文档 folder of 200,000 files was walked whole first); links are not followed —
    symbolic links, and on Windows junctions (a junction to a parent folder loops for ever)."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # a subfolder that cannot be listed holds nothing we can read
            continue
        folders = []
        for entry in entries:
            if _is_link(entry):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False) and not skipped(entry.name):
                child = Path(entry.path)
                shown = readable_name(child.relative_to(folder.parent).as_posix())
                found.append(Incoming(child, shown))  # GBK bytes from a Windows zip: read
                _check_count(found)
        pending.extend(reversed(folders))


def _is_link(entry: os.DirEntry[str]) -> bool:
    if entry.is_symlink():
        return True
    if os.name != "nt" or not entry.is_dir(follow_symlinks=False):
        return False  # OneDrive's online-only files are reparse points too: those are kept
    try:
        tag = getattr(entry.stat(follow_symlinks=False), "st_reparse_tag", 0)
    except OSError:
        return True
    return tag in _FOLDER_LINKS


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def received_date(path: Path, given: date | None, today: date) -> date:
    """The day given, else the file's modification day (never after today); a file dated
    before 2000 — a zip's 1980-01-01, a clock never set — counts as received today (it was
    registered as received in 1980, before its notice existed, so on time)."""
    if given is not None:
        return given
    try:
        day = datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, ValueError, OverflowError):
        return today
    return today if day < EARLIEST else min(day, today)


def _name_text(shown: str) -> str:
    parts = shown.split("/")
    return "/".join([*parts[:-1], Path(parts[-1]).stem])


def read_file(item: Incoming, given: date | None, today: date) -> ReadFile:
    """Hash and read one file; a file that cannot be read still gets a proposal with a note
    (and no hash: it cannot be registered)."""
    try:
        sha, size = sha256_of(item.path)
    except OSError as exc:
        return _unreadable(item, given, today, exc)
    text, note, damaged = "", "", False
    suffix = item.path.suffix.lower()
    if readable(item.path):
        try:
            got = extract_text(item.path)
            text, note = got.text, got.note
        except ExtractError as exc:
            note, damaged = str(exc), not isinstance(exc, NeedsConverter)
    seal = kind_of(suffix) == "pdf" and not damaged and has_red_seal(item.path)
    forms, why = file_forms(suffix, item.path.name, text, seal)
    if forms == Form.NONE and not note:
        note = f"不认识的文件类型（{suffix or '无扩展名'}）"
    facts = FileFacts(
        name=item.shown,
        name_text=_name_text(item.shown),
        text=text,
        forms=forms,
        received_on=received_date(item.path, given, today),
    )
    return ReadFile(item, sha, size, facts, why, note, damaged)


def _unreadable(item: Incoming, given: date | None, today: date, exc: OSError) -> ReadFile:
    if isinstance(exc, PermissionError):
        note = f"“{item.shown}”被占用或没有读取权限（是否正在其他程序中打开？）"
    else:
        note = f"无法读取“{item.shown}”：{os_error_text(OSError(exc.errno, exc.strerror))}"
    facts = FileFacts(item.shown, _name_text(item.shown), "", Form.NONE, given or today)
    return ReadFile(item, "", 0, facts, "", note)
