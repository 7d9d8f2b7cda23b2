"""Makers of bad input files: each returns a path the clerk might really pick."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADER = ("单位名称", "类别", "简称", "别名", "联系人", "电话", "邮箱")


def workbook(path: Path, rows: Sequence[Sequence[Any]], merge: str = "") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def roster(path: Path, *rows: Sequence[Any]) -> Path:
    return workbook(path, [HEADER, *rows])


def encrypted(path: Path, password: str = "bzc2023") -> Path:
    """A real password-protected workbook (ECMA-376 agile encryption, as Excel writes it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = roster(path.with_name("plain-" + path.name), ("和平区市场监管局", "区局"))
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt(password, out)
    return path


def word_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return path


def ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    return path


def truncated(path: Path) -> Path:
    good = roster(path.with_name("whole-" + path.name), ("和平区市场监管局", "区局"))
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return path


_made: dict[int, Path] = {}


def huge(path: Path, rows: int = 50_000) -> Path:
    """Made once per test session (it takes seconds), copied after that."""
    import shutil

    if rows in _made and _made[rows].exists():
        shutil.copyfile(_made[rows], path)
        return path
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("单位名录")
    ws.append(list(HEADER))
    for i in range(rows):
        ws.append([f"单位{i:05d}", "区局", f"简{i}", "", "张三", "022-12345678", ""])
    wb.save(path)
    _made[rows] = path
    return path


def recalculated_by_libreoffice(path: Path, rows: Sequence[Sequence[Any]]) -> Path | None:
    """A workbook with formulas saved by a spreadsheet program, so it holds their results."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    source = workbook(path.with_name("src-" + path.name), [HEADER, *rows])
    out = path.parent / "lo-out"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{path.parent}/lo-profile",
         "--convert-to", "xlsx", "--outdir", str(out), str(source)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    made = out / source.name
    if not made.exists():
        return None
    made.rename(path)
    return path
