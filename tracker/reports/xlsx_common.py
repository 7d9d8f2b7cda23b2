"""Shared openpyxl habits: safe text cells, atomic saves, clear errors for unreadable files."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tracker.domain.errors import (
    DISK_FULL_ERRNOS,
    FileInUseError,
    TrackerError,
    os_error_text,
    os_failure,
)

# Text starting with these is a formula to Excel/WPS; such cells are forced to plain text.
FORMULA_LEADS = ("=", "+", "-", "@")


def set_text(cell: Any, value: str) -> None:
    """Write ``value`` as text even when it looks like a formula (``=1+1`` stays ``=1+1``)."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        cell.data_type = "s"


def load_checked(path: Path, *, read_only: bool = False, data_only: bool = True) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except PermissionError:
        raise TrackerError(f"无法读取“{path.name}”：文件可能正在被 Excel 或 WPS 占用") from None
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise TrackerError(f"无法读取“{path.name}”：文件已损坏或不是有效的 .xlsx（{exc}）") from exc


def check_workbook_file(path: Path) -> None:
    """Refuse, in one sentence, anything that is not an .xlsx before openpyxl sees it."""
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
    _check_package(path)


def _check_package(path: Path) -> None:
    """A zip that is not a workbook (a .docx, an .ods, any archive) gets a plain answer."""
    from tracker.reports.xlsx_read import check_package_size

    try:
        with zipfile.ZipFile(path) as zf:
            check_package_size(zf, path.name)
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError) as exc:
        raise TrackerError(f"无法读取“{path.name}”：文件已损坏（{exc}）") from None
    if "xl/workbook.xml" in names:
        return
    if "word/document.xml" in names:
        kind = "是 Word 文档"
    elif "opendocument.spreadsheet" in mimetype:
        kind = "是 WPS/LibreOffice 的 .ods 表格，请另存为 .xlsx"
    else:
        kind = "不是 Excel 工作簿（可能是其他压缩文件或已损坏）"
    raise TrackerError(f"文件“{path.name}”{kind}，无法导入")


def save_atomically(workbook: Any, path: Path) -> None:
    """Write to a temporary file beside the target, then replace it: never half-written.

    The workbook is serialised in memory first: when the disk is full, openpyxl's zip is never
    left half-closed on a file (it would complain again when collected)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    except OSError as exc:  # a read-only or missing folder: nothing was written
        if exc.errno in DISK_FULL_ERRNOS:
            raise os_failure(exc, f"无法保存“{path.name}”") from None
        raise TrackerError(
            f"无法在“{path.parent}”中保存文件：{os_error_text(exc)}。请换一个文件夹"
        ) from None
    try:
        with os.fdopen(fd, "wb") as out:
            data = io.BytesIO()
            workbook.save(data)
            out.write(data.getbuffer())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would follow the file into place
        os.replace(tmp, path)
    except PermissionError:
        raise FileInUseError(
            f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试"
        ) from None
    except OSError as exc:
        raise os_failure(exc, f"无法保存“{path.name}”") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def text_cell(ws: Any, value: str) -> Any:
    """For write-only sheets: ``value`` itself, or a cell forced to text when it looks like a
    formula (``ws.append`` would otherwise store ``=1+1`` as a formula)."""
    if value and value[0] in _LEAD_CHARS:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        return cell
    return value


_LEAD_CHARS = "".join(FORMULA_LEADS)


@contextmanager
def write_only_workbook() -> Iterator[Any]:
    """A write-only workbook; if the block fails or is cancelled, its temporary files are
    finished and deleted at once (openpyxl would otherwise leave them until exit, and
    complain when the half-written sheets are collected)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    try:
        yield wb
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Any) -> None:
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if not ws.closed:
                ws.close()
            writer.cleanup()
        except Exception:  # best effort: the export has already failed or been cancelled
            continue
