"""What a received file is, by its extension: a document to read, a PDF, or evidence."""

from __future__ import annotations

DOCUMENTS = {".docx", ".doc", ".wps", ".txt", ".xlsx", ".xlsm", ".rtf", ".odt"}
PDF = {".pdf"}
PICTURES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp"}
VIDEOS = {".mp4", ".mov", ".avi", ".wmv", ".mkv", ".flv", ".3gp", ".m4v", ".mpg", ".mpeg"}
ARCHIVES = {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz"}
MEDIA = PICTURES | VIDEOS | ARCHIVES
# Left out of a folder without a word: the system's and Office's own clutter.
SKIPPED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


def kind_of(suffix: str) -> str:
    """``text`` / ``pdf`` / ``media`` / ``other``."""
    suffix = suffix.lower()
    if suffix in PDF:
        return "pdf"
    if suffix in DOCUMENTS:
        return "text"
    if suffix in MEDIA:
        return "media"
    return "other"


def skipped(name: str) -> bool:
    """Office lock files (``~$总结.docx``) and system clutter."""
    return name.startswith("~$") or name.lower() in SKIPPED_NAMES or name.startswith(".~lock")
