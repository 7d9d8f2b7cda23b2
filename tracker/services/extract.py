"""Text out of the files units and offices send: .docx, .pdf, .txt, .xlsx, and .doc/.wps.

Every failure is one Chinese line (:class:`ExtractError`); nothing here raises anything else
for a bad file. Heavy libraries are imported on first use.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError, os_error_text
from tracker.services.zip_guard import check_zip

MAX_FILE = 100 * 1024 * 1024  # bytes read from any one file
MAX_TEXT_FILE = 20 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_SHEET_CELLS = 200_000  # holding a value, all sheets together
MAX_SHEET_ROWS, MAX_SHEET_COLS = 50_000, 500
MAX_CHARS = 2_000_000  # text kept from one file
CONVERT_SECONDS = 90

TEXT_KINDS = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".xlsx": "xlsx", ".xlsm": "xlsx"}
OLD_KINDS = {".doc": "doc", ".wps": "wps"}


class ExtractError(TrackerError):
    """A file whose text cannot be read; the message says why, in one line."""


class NeedsConverter(ExtractError):
    """A sound old .doc/.wps that only LibreOffice (not installed) could read."""


@dataclass(frozen=True, slots=True)
class Extracted:
    kind: str  # docx / pdf / txt / xlsx / doc / wps
    text: str
    scanned_pages: tuple[int, ...] = ()  # 1-based PDF pages with no text layer
    pages: int = 0
    note: str = ""  # what the clerk should know (扫描件, 只读了前 300 页 …)

    @property
    def scanned(self) -> bool:
        return self.kind == "pdf" and not self.text.strip() and bool(self.scanned_pages)


def _os_words(exc: OSError) -> str:
    return os_error_text(OSError(exc.errno, exc.strerror))  # in Chinese, without the path


def readable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_KINDS or suffix in OLD_KINDS


def _check_size(path: Path, limit: int) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractError(f"无法读取“{path.name}”：{_os_words(exc)}") from None
    if size > limit:
        raise ExtractError(f"“{path.name}”有 {size // (1024 * 1024)} MB，过大，未读取")
    if size == 0:
        raise ExtractError(f"“{path.name}”是空文件")
    return size


def extract_text(path: Path) -> Extracted:
    """The text of ``path`` by its extension; raises :class:`ExtractError` with one line."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_KINDS and suffix not in OLD_KINDS:
        raise ExtractError(f"“{path.name}”的类型（{suffix or '无扩展名'}）无法读取文字")
    _check_size(path, MAX_TEXT_FILE if suffix == ".txt" else MAX_FILE)
    try:
        if suffix in OLD_KINDS:
            return _old_word(path, OLD_KINDS[suffix])
        reader = {"docx": _docx, "pdf": _pdf, "txt": _txt, "xlsx": _xlsx}[TEXT_KINDS[suffix]]
        return reader(path)
    except ExtractError:
        raise
    except TrackerError as exc:  # the zip guard's refusal
        raise ExtractError(str(exc)) from None
    except PermissionError:
        raise ExtractError(
            f"“{path.name}”被占用或没有读取权限（是否正在其他程序中打开？）"
        ) from None
    except OSError as exc:
        raise ExtractError(f"无法读取“{path.name}”：{_os_words(exc)}") from None
    except MemoryError:
        raise ExtractError(f"“{path.name}”过大，内存不足，未读取") from None
    except Exception as exc:  # a damaged file makes the parsers raise anything at all
        raise ExtractError(
            f"“{path.name}”已损坏或格式不对，无法读取（{type(exc).__name__}）"
        ) from exc


# Control characters a file may hold (PDFium's \x02 for a hyphen it joined, a .txt's form
# feed, a NUL): as line breaks or dropped, never passed on — a TOML draft may not hold them
# (the draft of a notice with one could not be imported); a lone surrogate (a broken PDF
# font map) cannot be written as UTF-8 at all.
_CONTROLS = {c: None for c in (*range(0, 9), *range(14, 32), 0x7F)} | {0x0B: "\n", 0x0C: "\n"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    return _SURROGATE.sub("\ufffd", text)


def _clip(text: str) -> str:
    return clean_text(text[:MAX_CHARS])


def _docx(path: Path) -> Extracted:
    check_zip(path, "Word")
    import docx  # python-docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in cell.iter(qn("w:t")))
                    for cell in row.iter(qn("w:tc"))
                ]
                lines.append("\t".join(c.replace("\t", " ") for c in cells))
    return Extracted("docx", _clip("\n".join(lines)))


def open_pdf(path: Path) -> Any:
    """PDFium's document of ``path``, read through Python's file (PDFium is handed the name
    as UTF-8: a name in GBK bytes, as a zip from Windows unpacks on Linux, was 'not a PDF')."""
    import pypdfium2 as pdfium

    handle = path.open("rb")
    try:
        return pdfium.PdfDocument(handle, autoclose=True)
    except BaseException:
        handle.close()
        raise


def _pdf(path: Path) -> Extracted:
    from tracker.reports.pdf_split import PDFIUM_LOCK

    with PDFIUM_LOCK:  # PDFium is not thread-safe: a letter preview may be rendering
        return _pdf_text(path)


def _pdf_text(path: Path) -> Extracted:
    import pypdfium2 as pdfium

    from tracker.services.pdf_guard import check_pdf

    if why := check_pdf(path):
        raise ExtractError(f"“{path.name}”{why}，未读取文字")
    try:
        pdf = open_pdf(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractError(f"“{path.name}”设有打开密码，无法读取") from None
        raise ExtractError(f"“{path.name}”不是有效的 PDF 文件（已损坏或扩展名不对）") from None
    try:
        total = len(pdf)
        texts: list[str] = []
        scanned: list[int] = []
        for i in range(min(total, MAX_PDF_PAGES)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            if not text.strip():
                scanned.append(i + 1)
            texts.append(text)
    finally:
        pdf.close()
    notes = []
    if scanned and len(scanned) == min(total, MAX_PDF_PAGES):
        notes.append("扫描件，没有文字层")
    elif scanned:
        notes.append(f"第{'、'.join(map(str, scanned[:10]))}页为扫描件，没有文字")
    if total > MAX_PDF_PAGES:
        notes.append(f"共 {total} 页，只读了前 {MAX_PDF_PAGES} 页")
    text = _clip("\n".join(texts).replace("\r\n", "\n").replace("\r", "\n"))
    return Extracted("pdf", text, tuple(scanned), total, "；".join(notes))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Notepad's 'ANSI')."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ExtractError("文本文件的编码无法识别（不是 UTF-8 或 GB18030）") from None


def _txt(path: Path) -> Extracted:
    try:
        return Extracted("txt", _clip(decode_text(path.read_bytes())))
    except ExtractError as exc:
        raise ExtractError(f"“{path.name}”：{exc}") from None


def _xlsx(path: Path) -> Extracted:
    """Every sheet's cells that hold a value, read as rosters are (``xlsx_read``): only the
    cells present, never the declared dimension (one styled cell at XFD1048576 made a 2-row
    sheet "too many cells"), chart sheets skipped."""
    check_zip(path, "Excel")
    from tracker.reports.xlsx_read import read_sheet

    first = read_sheet(path, max_rows=MAX_SHEET_ROWS, max_cols=MAX_SHEET_COLS, what="表")
    lines: list[str] = []
    cells = 0
    for name in first.sheets:
        try:
            sheet = (
                first
                if name == first.sheet
                else read_sheet(
                    path, name, max_rows=MAX_SHEET_ROWS, max_cols=MAX_SHEET_COLS, what="表"
                )
            )
        except TrackerError as exc:
            if "是图表" in str(exc):
                continue
            raise
        for r in sheet.rows_with_values():
            row = sheet.row(r)
            cells += len(row)
            if cells > MAX_SHEET_CELLS:
                raise ExtractError(f"“{path.name}”的单元格过多，未读取")
            values = [str(row.get(c, "")).replace("\t", " ") for c in range(1, max(row) + 1)]
            lines.append("\t".join(values))
    return Extracted("xlsx", _clip("\n".join(lines)))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _old_word(path: Path, kind: str) -> Extracted:
    program = soffice()
    if program is None:
        raise NeedsConverter(
            f"“{path.name}”是旧版 Word/WPS 文件（.{kind}），读取它需要安装 LibreOffice；"
            "也可以在 Word 或 WPS 中另存为 .docx 后再读"
        )
    with tempfile.TemporaryDirectory(prefix="tracker-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"in.{kind}"  # a plain name: the original may hold anything
        shutil.copyfile(path, source)
        profile = (folder / "profile").as_uri()
        cmd = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
        cmd += ["docx", "--outdir", str(folder / "out"), str(source)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ExtractError(f"“{path.name}”转换超时，未读取") from None
        out = folder / "out" / "in.docx"
        if not out.is_file():
            raise ExtractError(f"“{path.name}”无法转换（文件可能已损坏），未读取")
        return Extracted(kind, _docx(out).text)
