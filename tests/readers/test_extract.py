"""Text extraction from real files, and what a hostile or careless world sends: one Chinese
line each, never a traceback."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.readers.docs import seed_text, write_docx, write_pdf
from tracker.services import extract
from tracker.services.extract import ExtractError, decode_text, extract_text
from tracker.services.seal import has_red_seal


def test_docx_keeps_paragraphs_and_table_rows(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", "标题\n正文一段。\n序号\t材料\t时限\n1\t总结\t6月27日前")
    got = extract_text(path)
    assert got.kind == "docx"
    assert got.text.splitlines() == ["标题", "正文一段。", "序号\t材料\t时限", "1\t总结\t6月27日前"]


def test_pdf_text_and_scanned_pages(tmp_path: Path) -> None:
    got = extract_text(write_pdf(tmp_path / "a.pdf", seed_text("004")))
    assert "津市场监管标准〔2023〕14号" in got.text and not got.scanned
    scan = extract_text(write_pdf(tmp_path / "scan.pdf", "", scanned=True))
    assert scan.scanned and scan.scanned_pages == (1,) and scan.note == "扫描件，没有文字层"


def test_huge_pdf_reads_only_the_first_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "MAX_PDF_PAGES", 2)
    path = write_pdf(tmp_path / "long.pdf", "\n".join(f"第{i}行内容" for i in range(300)))
    got = extract_text(path)
    assert got.pages > 2 and "只读了前 2 页" in got.note


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_files_in_every_notepad_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("请于10月27日前报送总结。".encode(encoding))
    assert extract_text(path).text == "请于10月27日前报送总结。"


def test_undecodable_text_is_one_line() -> None:
    with pytest.raises(ExtractError, match="编码无法识别"):
        decode_text(b"\x81\x20\xff\xfe\x00" * 3)


def test_xlsx_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["序号", "姓名", "单位"])
    wb.active.append([1, "王芳", "城区局"])
    wb.save(tmp_path / "报名表.xlsx")
    assert extract_text(tmp_path / "报名表.xlsx").text == "序号\t姓名\t单位\n1\t王芳\t城区局"


def test_a_sheet_is_read_by_its_cells_not_its_declared_size(tmp_path: Path) -> None:
    """An empty styled cell at XFD1048576 (Excel's last) declared the sheet 17 billion cells:
    a 2-row 报名表 was refused as 单元格过多. Only the cells present count; every sheet read."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.active.append(["单位", "参加人次"])
    wb.active.append(["和平区市场监管局", 120])
    wb.active["XFD1048576"].font = Font(bold=True)
    second = wb.create_sheet("汇总")
    second["C3"] = "合计"
    wb.save(tmp_path / "报名表.xlsx")
    got = extract_text(tmp_path / "报名表.xlsx")
    assert got.text == "单位\t参加人次\n和平区市场监管局\t120\n\t\t合计"


def _bomb(path: Path, member: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(member, b"0" * (60 * 1024 * 1024))  # 60 MB of zeros: ~60 KB packed
    return path


BOMBS = [("炸弹.docx", "word/document.xml"), ("炸弹.xlsx", "xl/worksheets/sheet1.xml")]


@pytest.mark.parametrize(("name", "member"), BOMBS)
def test_zip_bombs_are_refused_unopened(tmp_path: Path, name: str, member: str) -> None:
    with pytest.raises(ExtractError, match="压缩炸弹"):
        extract_text(_bomb(tmp_path / name, member))


def _content_bomb(path: Path, operators: int) -> Path:
    """A one-page PDF whose content stream is ``operators`` times ``(a) Tj``, deflated."""
    import zlib

    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * operators + b"ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)  # fmt: skip
    path.write_bytes(bytes(out))
    return path


def test_a_pdf_whose_page_contents_inflate_past_reason_is_not_parsed(tmp_path: Path) -> None:
    """PDFium makes an object of every drawing operator: a 50 KB PDF whose one content stream
    inflates to 35 MB of ``(a) Tj`` took 6 s and 3 GB (a 100 KB one, all memory). Refused
    before PDFium parses it, for the text and for the seal check alike."""
    from tracker.services.intake_files import Incoming, read_file

    bomb = _content_bomb(tmp_path / "总结.pdf", 5_000_000)
    assert bomb.stat().st_size < 60_000
    with pytest.raises(ExtractError, match="疑为压缩炸弹"):
        extract_text(bomb)
    assert not has_red_seal(bomb)
    read = read_file(Incoming(bomb, bomb.name), None, date(2023, 12, 1))
    assert "疑为压缩炸弹" in read.note and read.sha256  # still registrable, said why
    small = _content_bomb(tmp_path / "正常.pdf", 1_000)  # the same shape, ordinary size
    assert extract_text(small).text.count("a") == 1_000


@pytest.mark.parametrize("wrap", ["ASCIIHexDecode", "ASCII85Decode"])
def test_a_content_bomb_wrapped_in_an_ascii_filter_is_refused_too(
    tmp_path: Path, wrap: str
) -> None:
    """``/Filter [/ASCIIHexDecode /FlateDecode]``: the deflated data written out as text, which
    PDFium decodes and inflates all the same (3 GB for a 100 KB file) — the guard decodes it
    the same way before inflating it, bounded."""
    import base64

    path = _content_bomb(tmp_path / "总结.pdf", 5_000_000)
    data = path.read_bytes()
    start, end = data.index(b"stream\n") + 7, data.index(b"\nendstream")
    raw = data[start:end]
    text = raw.hex().encode() + b">" if wrap == "ASCIIHexDecode" else base64.a85encode(raw)
    head = data[:start].replace(b"/Length %d" % len(raw), b"/Length %d" % len(text))
    head = head.replace(b"/Filter /FlateDecode", b"/Filter [/%s /FlateDecode]" % wrap.encode())
    path.write_bytes(head + text + b"~>" * (wrap == "ASCII85Decode") + data[end:])
    with pytest.raises(ExtractError, match="疑为压缩炸弹"):
        extract_text(path)


@pytest.mark.parametrize("name", ["坏.docx", "坏.pdf", "坏.xlsx"])
def test_damaged_and_mislabelled_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"this is not what the name says" * 10)
    with pytest.raises(ExtractError) as err:
        extract_text(path)
    assert "\n" not in str(err.value) and name in str(err.value)


def test_empty_file_and_unknown_type(tmp_path: Path) -> None:
    (tmp_path / "空.docx").write_bytes(b"")
    with pytest.raises(ExtractError, match="空文件"):
        extract_text(tmp_path / "空.docx")
    (tmp_path / "a.exe").write_bytes(b"MZ")
    with pytest.raises(ExtractError, match="无法读取文字"):
        extract_text(tmp_path / "a.exe")


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_docx(tmp_path / "占用.docx", "正文")

    def locked(*args: object, **kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(extract, "_docx", locked)
    with pytest.raises(ExtractError, match="被占用或没有读取权限"):
        extract_text(path)


def test_old_word_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    monkeypatch.setattr(extract, "soffice", lambda: None)
    with pytest.raises(ExtractError, match="需要安装 LibreOffice"):
        extract_text(tmp_path / "旧.doc")


@pytest.mark.slow
@pytest.mark.skipif(extract.soffice() is None, reason="LibreOffice not installed")
def test_old_word_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    src = write_docx(tmp_path / "通知.docx", seed_text("003"))
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        [extract.soffice() or "", f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(src)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    got = extract_text(tmp_path / "old" / "通知.doc")
    assert got.kind == "doc" and "晋市市监〔2021〕169号" in got.text


def test_red_seal_seen_below_the_masthead(tmp_path: Path) -> None:
    assert has_red_seal(write_pdf(tmp_path / "盖章.pdf", "总结", seal=True))
    assert not has_red_seal(write_pdf(tmp_path / "无章.pdf", "总结"))
    (tmp_path / "坏.pdf").write_bytes(b"%PDF-1.4 broken")
    assert not has_red_seal(tmp_path / "坏.pdf")


def test_a_poster_sized_page_is_rendered_small(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    from tracker.services.seal import MAX_PIXELS, render_scale

    assert render_scale(595, 842) == 0.5  # A4: half scale, as ever
    side = 14400  # PDF's largest page: 200 inches
    assert (side * render_scale(side, side)) ** 2 <= MAX_PIXELS * 1.01
    path = tmp_path / "海报.pdf"
    c = canvas.Canvas(str(path), pagesize=(side, side))
    c.setStrokeColorRGB(0.85, 0.05, 0.05)
    c.setLineWidth(60)
    c.circle(side / 2, side / 3, 1200)
    c.showPage()
    c.save()
    assert has_red_seal(path)


def test_a_huge_text_part_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from tracker.services import zip_guard

    monkeypatch.setattr(zip_guard, "MAX_XML", 2 * 1024 * 1024)
    path = tmp_path / "巨大.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:  # honest, not compressed
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", os.urandom(3 * 1024 * 1024))
    with pytest.raises(ExtractError, match=r"word/document\.xml.*3 MB，过大"):
        extract_text(path)
