"""Makers of hostile files: crafted backups and workbooks an attacker (or a broken tool) sends."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHEET = "xl/worksheets/sheet1.xml"


def rewrite_zip(
    src: Path,
    dest: Path,
    *,
    manifest: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A copy of the backup ``src`` with its manifest changed and members added."""
    with zipfile.ZipFile(src) as zf, zipfile.ZipFile(dest, "w") as out:
        data = json.loads(zf.read("manifest.json"))
        for name in zf.namelist():
            if name != "manifest.json":
                out.writestr(name, zf.read(name))
        for name, payload in (extra or {}).items():
            out.writestr(name, payload)
        out.writestr("manifest.json", json.dumps(manifest(data) if manifest else data))
    return dest


def roster_with_sheet_xml(
    path: Path, rows: list[tuple[str, str]], *, tail: Callable[[Any], None] | None = None
) -> Path:
    """A real roster whose sheet XML is streamed through ``tail(fh)`` just before
    ``</sheetData>`` (so a test can append gigabytes without holding them)."""
    from openpyxl import Workbook

    plain = path.with_name("plain-" + path.name)
    wb = Workbook()
    ws = wb.active
    ws.append(["单位名称", "类别"])
    for row in rows:
        ws.append(list(row))
    wb.save(plain)
    with zipfile.ZipFile(plain) as zf, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in zf.namelist():
            if name != SHEET or tail is None:
                out.writestr(name, zf.read(name))
                continue
            head, end = zf.read(name).split(b"</sheetData>")
            with out.open(name, "w", force_zip64=True) as fh:
                fh.write(head)
                tail(fh)
                fh.write(b"</sheetData>" + end)
    return path


def zip_bomb(path: Path, inflated_mib: int) -> Path:
    """A roster whose sheet inflates to ``inflated_mib`` MiB (blanks compress ~1000:1)."""
    chunk = b" " * (1 << 20)

    def blanks(fh: Any) -> None:
        for _ in range(inflated_mib):
            fh.write(chunk)

    return roster_with_sheet_xml(path, [("和平区市场监管局", "区局")], tail=blanks)


def styled_far_corner(path: Path, rows: list[tuple[str, str]]) -> Path:
    """A roster with one empty, styled cell at XFD1048576 (the dimension says A1:XFD1048576)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.append(["单位名称", "类别"])
    for row in rows:
        ws.append(list(row))
    ws["XFD1048576"].font = Font(bold=True)
    wb.save(path)
    return path


def entity_bomb(path: Path) -> Path:
    """A sheet carrying a 'billion laughs' entity declaration."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["单位名称", "类别"])
    plain = path.with_name("plain-" + path.name)
    wb.save(plain)
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]>"
    )
    with zipfile.ZipFile(plain) as zf, zipfile.ZipFile(path, "w") as out:
        for name in zf.namelist():
            data = zf.read(name)
            if name == SHEET:
                body = data.split(b"?>", 1)[-1]  # openpyxl may write no XML declaration
                body = body.replace(b"</sheetData>", b'<row r="9"><c r="A9" t="inlineStr"><is>'
                                    b"<t>&lol9;</t></is></c></row></sheetData>")  # fmt: skip
                data = lol + body
            out.writestr(name, data)
    return path
