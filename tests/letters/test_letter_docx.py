"""催报函 as .docx (python-docx), read back: the PDF's content, 信函格式 frame, name list."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tracker.cli import main
from tracker.domain.letter_request import LetterRequest
from tracker.reports.docx_letter import letters_docx
from tracker.services.bundle import Services

AS_OF = date(2023, 6, 28)


def test_a_unit_letter_reads_back_with_its_frame(overdue_ledger: Services) -> None:
    (draft, *_) = overdue_ledger.letters.drafts(LetterRequest(as_of=AS_OF, letter_date=AS_OF))
    letter = draft.content
    doc = Document(io.BytesIO(letters_docx([letter])))
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert texts[0] == letter.number  # a 样稿 here: the number left blank
    assert "样稿" in [p.text for p in doc.sections[0].first_page_header.paragraphs]
    assert texts[1].replace("\n", "") == letter.title
    assert texts[2] == f"{letter.addressee}："
    assert texts[3 : 3 + len(letter.paragraphs)] == list(letter.paragraphs)
    assert letter.signer in texts and "2023年6月28日" in texts
    assert texts[-1] == letter.contact_line
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    head = section.first_page_header.paragraphs[0]
    assert head.text == letter.sender_name
    assert str(head.runs[0].font.color.rgb) == "DE0000"
    assert round(section.header_distance.mm) == 30  # the 标志 30 mm from the top edge
    rule = head._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:val")) == "thickThinSmallGap" and rule.get(qn("w:color")) == "DE0000"
    low = section.first_page_footer.paragraphs[0]._p.pPr.find(qn("w:pBdr")).find(qn("w:top"))
    assert low.get(qn("w:val")) == "thinThickSmallGap"
    assert "PAGE" not in section.first_page_footer._element.xml  # page 1 carries no number
    assert "PAGE" in section.footer._element.xml and "PAGE" in section.even_page_footer._element.xml


def test_a_category_letter_has_its_name_list(overdue_ledger: Services) -> None:
    req = LetterRequest(as_of=AS_OF, letter_date=AS_OF, mode="category")
    letters = [d.content for d in overdue_ledger.letters.drafts(req)]
    doc = Document(io.BytesIO(letters_docx(letters)))
    assert len(doc.sections) == len(letters)  # one section each, numbered from 1
    assert all(s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1" for s in doc.sections)
    (table, *_) = doc.tables
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "单位",
        "报送事项",
        "缺少的材料",
        "原定时限",
    ]
    units = [row.cells[1].text for row in table.rows[1:]]
    assert units == [r.unit for r in letters[0].name_list]
    assert any(p.text == "附件" and p.paragraph_format.page_break_before for p in doc.paragraphs)


@pytest.fixture
def run(overdue_ledger: Services, capsys: pytest.CaptureFixture[str]):
    root = str(overdue_ledger.ws.root)

    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", root, *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def test_cli_letters_docx_on_issue_and_preview(run, tmp_path: Path) -> None:
    out, docx = tmp_path / "函.pdf", tmp_path / "函.docx"
    run("letters", "--as-of", "2023-06-28", "--preview", "--out", str(out), "--docx", str(docx))
    assert Document(str(docx)).paragraphs
    text = run("letters", "--as-of", "2023-06-28", "--out", str(out), "--docx", str(docx))
    assert "Word 文档" in text
    numbers = [
        p.text for p in Document(str(docx)).paragraphs if p.text.startswith("津市场监管标准函")
    ]
    assert numbers and all("号" in n and "〔2023〕" in n for n in numbers)
    assert "只存档 PDF" in run("letters", "--reprint", numbers[0], "--out", str(out), "--docx",
                               str(docx), ok=False)  # fmt: skip
