"""``tracker bulletin`` end to end: issue (PDF and .docx), 样稿, list, reprint, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.accountability.scenario import NOTICE_A
from tests.letters.pdfcheck import pages_text
from tracker.cli import main
from tracker.services.bundle import Services


@pytest.fixture
def run(office_scenario: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def test_issue_list_and_reprint(run, tmp_path: Path) -> None:
    pdf, docx = tmp_path / "通报.pdf", tmp_path / "通报.docx"
    out = run("bulletin", "--notice", NOTICE_A, "--date", "2023-12-04", "--out", str(pdf),
              "--docx", str(docx))  # fmt: skip
    assert "已印发 津市场监管标准〔2023〕31号" in out and "点名5项" in out
    text = "\n".join(pages_text(pdf))
    assert "津市场监管标准〔2023〕31号" in text and "上报情况排名表" in text
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert "津市场监管标准〔2023〕31号" in paragraphs
    listing = run("bulletin", "--list")
    assert "津市场监管标准〔2023〕31号" in listing and "2023年12月4日" in listing
    again = tmp_path / "重印.pdf"
    run("bulletin", "--reprint", "津市场监管标准〔2023〕31号", "--out", str(again))
    assert again.read_bytes() == pdf.read_bytes()


def test_a_reprint_from_an_altered_archive_is_refused(
    run, tmp_path: Path, office_scenario: Services
) -> None:
    """A byte changed in the archived 通报 (a disk error, a program saving over it): PDFium
    would show it anyway; the reprint is refused instead of handing out another document."""
    run("bulletin", "--notice", NOTICE_A, "--out", str(tmp_path / "通报.pdf"),
        "--docx", str(tmp_path / "通报.docx"))  # fmt: skip
    (record,) = office_scenario.bulletins.issued()
    for archived in (record.pdf_path, record.docx_path):
        data = archived.read_bytes()
        altered = bytearray(data)
        altered[len(data) // 2] ^= 0x01
        archived.write_bytes(bytes(altered))
        again = tmp_path / f"重印{archived.suffix}"
        out = run("bulletin", "--reprint", record.number, "--out", str(tmp_path / "重印.pdf"),
                  "--docx", str(tmp_path / "重印.docx"), ok=False)  # fmt: skip
        assert "存档文件已损坏" in out
        assert not again.exists()
        archived.write_bytes(data)


def test_sample_takes_no_number(run, tmp_path: Path) -> None:
    pdf = tmp_path / "样稿.pdf"
    assert "样稿" in run("bulletin", "--notice", NOTICE_A, "--preview", "--out", str(pdf))
    first = pages_text(pdf)[0]
    assert "样" in first and "稿" in first and "〔2023〕   号" in first
    assert "〔2023〕" not in run("bulletin", "--list")  # nothing issued
    out = run("bulletin", "--notice", NOTICE_A, "--out", str(tmp_path / "正式.pdf"))
    assert "〔2023〕31号" in out  # the sample did not use up a number


def test_clear_refusals(run, tmp_path: Path) -> None:
    assert "--notice" in run("bulletin", "--out", str(tmp_path / "x.pdf"), ok=False)
    assert "--out" in run("bulletin", "--notice", NOTICE_A, ok=False)
    assert "找不到通报" in run("bulletin", "--reprint", "津〔2023〕99号", "--out",
                               str(tmp_path / "y.pdf"), ok=False)  # fmt: skip
