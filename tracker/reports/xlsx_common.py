"""Shared openpyxl habits: safe text cells, atomic saves, clear errors for unreadable files."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError

# Text starting with these is a formula to Excel/WPS; such cells are forced to plain text.
FORMULA_LEADS = ("=", "+", "-", "@")


def set_text(cell: Any, value: str) -> None:
    """Write ``value`` as text even when it looks like a formula (``=1+1`` stays ``=1+1``)."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        cell.data_type = "s"


def open_workbook(path: Path, *, read_only: bool = False) -> Any:
    """Load an .xlsx, turning every way it can fail into one clear Chinese sentence."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.exists():
        raise TrackerError(f"找不到文件：{path}")
    if path.stat().st_size == 0:
        raise TrackerError(f"文件“{path.name}”是空文件，不是有效的 Excel 工作簿")
    if not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise TrackerError(
                f"文件“{path.name}”是旧版 .xls 或设置了打开密码的工作簿，"
                "请在 Excel 中取消密码并另存为 .xlsx 后再导入"
            )
        raise TrackerError(f"文件“{path.name}”不是 .xlsx 格式的 Excel 工作簿")
    try:
        return load_workbook(path, read_only=read_only, data_only=True)
    except PermissionError:
        raise TrackerError(f"无法读取“{path.name}”：文件可能正在被 Excel 或 WPS 占用") from None
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise TrackerError(f"无法读取“{path.name}”：文件已损坏或不是有效的 .xlsx（{exc}）") from exc


def save_atomically(workbook: Any, path: Path) -> None:
    """Write to a temporary file beside the target, then replace it: never half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except PermissionError:
        raise TrackerError(
            f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试"
        ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
