"""Before a .docx or .xlsx (a zip) is opened: refuse zip bombs and damaged archives.

python-docx and openpyxl inflate members in memory; a 40 KB file may hold gigabytes.
The central directory is checked first (declared sizes, member count, compression ratio).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tracker.domain.errors import TrackerError, os_failure

MAX_MEMBERS = 5_000
MAX_TOTAL = 200 * 1024 * 1024  # inflated bytes of all members
MAX_RATIO = 150  # a member inflating more than this (and above 1 MB) is a bomb
# One XML part parsed whole (lxml takes several times its size in memory); pictures inside a
# .docx are large, but its text never is.
MAX_XML = 40 * 1024 * 1024


def check_zip(path: Path, what: str) -> None:
    """Raise one Chinese line when ``path`` is not a sane zip container of ``what``."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise TrackerError(f"“{path.name}”不是有效的{what}文件（文件已损坏或扩展名不对）") from None
    except OSError as exc:
        raise os_failure(exc, f"无法读取“{path.name}”") from None
    if len(infos) > MAX_MEMBERS:
        raise TrackerError(f"“{path.name}”内含 {len(infos)} 个部件，过多，疑为异常文件，未读取")
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size > 1024 * 1024
        if big and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TrackerError(f"“{path.name}”解压后异常膨胀（压缩炸弹），未读取")
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML:
            raise TrackerError(
                f"“{path.name}”中的“{info.filename[:60]}”解压后有 "
                f"{info.file_size // (1024 * 1024)} MB，过大，未读取"
            )
    if total > MAX_TOTAL:
        raise TrackerError(
            f"“{path.name}”解压后达 {total // (1024 * 1024)} MB，超过上限"
            f" {MAX_TOTAL // (1024 * 1024)} MB，未读取"
        )
