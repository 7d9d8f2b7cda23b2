"""Issuing a 通报: numbered above the ledger's notices, archived (PDF and .docx) before the
write transaction, reprinted as issued (with the number it got when another clerk took the one
it was rendered with), all or nothing, what it counted recorded, and the list for the next 通报
(on SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document

from tests.accountability.scenario import AS_OF, NOTICE_A, NOTICE_C, E, P
from tests.write_order import record_write_order
from tracker.domain.bulletin_request import BulletinRequest
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.ledger_query import LedgerQuery
from tracker.services.bundle import Services
from tracker.services.files import read_archived

pytestmark = pytest.mark.both_databases
DAY = date(2023, 12, 4)


def request(sv: Services, notice: str = NOTICE_A, **kw: object) -> BulletinRequest:
    kw = {"as_of": AS_OF, "bulletin_date": DAY, **kw}
    return BulletinRequest(sv.notices.resolve(notice).id, **kw)  # type: ignore[arg-type]


def test_numbered_above_the_notices_of_the_same_series(office_scenario: Services) -> None:
    sv = office_scenario
    # The ledger holds 津市场监管标准〔2023〕14号 and 30号: the office's series is past 30.
    assert sv.bulletins.peek_number(2023) == "津市场监管标准〔2023〕31号"
    first = sv.bulletins.issue(request(sv))
    assert first.record.number == "津市场监管标准〔2023〕31号"
    assert first.content.number == first.record.number
    second = sv.bulletins.issue(
        request(sv, NOTICE_C, as_of=date(2023, 12, 21), bulletin_date=date(2023, 12, 22))
    )
    assert second.record.number == "津市场监管标准〔2023〕32号"
    assert sv.bulletins.peek_number(2024) == "津市场监管标准〔2024〕1号"


def test_a_number_the_clerk_gives_must_be_free(office_scenario: Services) -> None:
    sv = office_scenario
    chosen = sv.bulletins.issue(request(sv, sequence=40))
    assert chosen.record.number == "津市场监管标准〔2023〕40号"
    assert sv.bulletins.peek_number(2023) == "津市场监管标准〔2023〕41号"
    with pytest.raises(ValidationError, match="已被另一份通报使用"):
        sv.bulletins.issue(request(sv, sequence=40))
    with pytest.raises(ValidationError, match="一份通知的文号"):
        sv.bulletins.issue(request(sv, sequence=14))
    assert [b.number for b in sv.bulletins.issued()] == ["津市场监管标准〔2023〕40号"]


def test_archived_and_reprinted_as_issued(office_scenario: Services) -> None:
    sv = office_scenario
    issued = sv.bulletins.issue(request(sv))
    record = sv.bulletins.find(issued.record.number)
    assert record.pdf_path.read_bytes() == issued.pdf
    assert record.docx_path.read_bytes()[:2] == b"PK"
    assert record.pages >= 3 and record.named == 5  # 河西 ×2, 市教委 late; 和平, 南开 missing
    assert record.title == "关于2023年标准化研学行动有关材料报送情况的通报"
    # Later registrations do not change the archived 通报.
    sv.ledger.register(sv.ledger.find_obligation("南开局", "年度总结"), E | P, date(2023, 12, 1))
    assert sv.bulletins.find(record.number).pdf_path.read_bytes() == issued.pdf
    (entry,) = [a for a in sv.audit.entries() if a.action == "bulletin.issue"]
    assert "津市场监管标准〔2023〕31号" in entry.summary and "点名5项" in entry.summary


def test_the_list_for_the_next_bulletin(office_scenario: Services) -> None:
    sv = office_scenario
    nankai = sv.ledger.find_obligation("南开局", "年度总结")
    heping_c = sv.ledger.find_obligation("河西局", "联络员信息表")
    sv.bulletins.queue([nankai, heping_c, nankai])
    queued = sv.bulletins.queued()
    assert [(q.unit_name, q.requirement_title) for q in queued] == [
        ("南开区市场监管局", "年度总结"), ("河西区市场监管局", "联络员信息表"),
    ]  # fmt: skip
    assert [q.unit_name for q in sv.bulletins.queued(sv.notices.resolve(NOTICE_C).id)] == [
        "河西区市场监管局"
    ]
    sv.bulletins.issue(request(sv))  # the 通报 on notice A takes 南开 off the list
    assert [q.unit_name for q in sv.bulletins.queued()] == ["河西区市场监管局"]
    sv.bulletins.unqueue([heping_c])
    assert sv.bulletins.queued() == []
    with pytest.raises(ValidationError):
        sv.bulletins.queue([])


def test_the_list_for_the_next_bulletin_is_undone_like_other_decisions(
    office_scenario: Services,
) -> None:
    sv = office_scenario
    nankai = sv.ledger.find_obligation("南开局", "年度总结")
    hexi = sv.ledger.find_obligation("河西局", "联络员信息表")
    listed = sv.bulletins.queue([nankai, hexi], on=date(2023, 12, 1))
    sv.undo.undo(listed)
    assert sv.bulletins.queued() == []
    sv.bulletins.queue([nankai], on=date(2023, 11, 28))
    taken = sv.bulletins.unqueue([nankai])
    undone = sv.undo.undo(taken)
    (back,) = sv.bulletins.queued()
    assert (back.obligation_id, back.added_on) == (nankai, date(2023, 11, 28))  # as it was
    assert undone.summary == "撤销：移出下次通报 1 项"
    # A 通报 on its notice took 河西 off the list: undoing its listing is refused, in Chinese.
    again = sv.bulletins.queue([hexi])
    sv.bulletins.issue(
        request(sv, NOTICE_C, as_of=date(2023, 12, 21), bulletin_date=date(2023, 12, 22))
    )
    with pytest.raises(TrackerError, match="已不在下次通报的名单中"):
        sv.undo.undo(again)
    entry = next(a for a in sv.audit.entries() if a.action == "bulletin.queue")
    assert "列入下次通报" in entry.summary


# -- issuing: rendered and archived before the write transaction --------------------------
def test_both_files_are_archived_before_the_transaction_opens(
    office_scenario: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    sv = office_scenario
    events = record_write_order(monkeypatch, sv.ws)
    issued = sv.bulletins.issue(request(sv))
    # The PDF and the .docx flushed, then the one write; nothing archived while it is open.
    assert events == [("fsync", False), ("fsync", False), ("transaction", False)]
    record = sv.bulletins.find(issued.record.number)
    assert read_archived(record.pdf_path, record.number) == issued.pdf
    assert Document(str(record.docx_path)).paragraphs  # the .docx, whole, in the archive


def test_a_number_taken_meanwhile_is_printed_on_the_bulletin_and_reprinted(
    office_scenario: Services, workspace_dir: Path, db_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    sv = office_scenario
    assert sv.bulletins.peek_number(2023) == "津市场监管标准〔2023〕31号"
    with Services.open(workspace_dir, db_url) as other:

        def other_clerk_issues() -> None:  # between this clerk's rendering and its write
            other.bulletins.issue(
                request(other, NOTICE_C, as_of=date(2023, 12, 21), bulletin_date=DAY)
            )

        events = record_write_order(monkeypatch, sv.ws, other_clerk_issues)
        issued = sv.bulletins.issue(request(sv))
    # Rendered and archived with 31号; the other desk's two files; this clerk's write, in
    # which (the rare case) 32号 is rendered and archived again.
    assert events == [("fsync", False)] * 4 + [("transaction", False)] + [("fsync", True)] * 2
    number = "津市场监管标准〔2023〕32号"
    assert issued.record.number == issued.content.number == number
    record = sv.bulletins.find(number)
    reprinted = read_archived(record.pdf_path, number)  # as the reprint reads it (hash checked)
    assert reprinted == issued.pdf
    with pdfplumber.open(io.BytesIO(reprinted)) as pdf:
        first_page = pdf.pages[0].extract_text()
    assert number in first_page and "〔2023〕31号" not in first_page
    assert number in [p.text for p in Document(str(record.docx_path)).paragraphs]
    assert sorted(b.number for b in sv.bulletins.issued()) == [
        "津市场监管标准〔2023〕31号", number,
    ]  # fmt: skip


def test_a_failure_inside_the_transaction_leaves_no_bulletin_and_the_ledger_as_it_was(
    office_scenario: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import bulletins

    sv = office_scenario
    sv.bulletins.queue([sv.ledger.find_obligation("南开局", "年度总结")])
    before = (sv.ledger.rows(LedgerQuery(as_of=AS_OF)), sv.bulletins.queued(), sv.audit.entries())
    saved = bulletins.save_bulletin

    def save_then_fail(*args: Any, **kwargs: Any) -> Any:
        saved(*args, **kwargs)  # the row, its items, the list entry gone, the audit entry
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bulletins, "save_bulletin", save_then_fail)
    with pytest.raises(OSError):
        sv.bulletins.issue(request(sv))
    assert sv.bulletins.issued() == []
    after = (sv.ledger.rows(LedgerQuery(as_of=AS_OF)), sv.bulletins.queued(), sv.audit.entries())
    assert after == before
    assert sv.bulletins.peek_number(2023) == "津市场监管标准〔2023〕31号"  # not used up
    monkeypatch.setattr(bulletins, "save_bulletin", saved)
    # The files archived before the write are only unreferenced; issuing again uses them.
    again = sv.bulletins.issue(request(sv))
    assert again.record.number == "津市场监管标准〔2023〕31号" and sv.bulletins.queued() == []


def test_a_number_the_clerk_gives_that_is_used_is_refused_before_anything_is_archived(
    office_scenario: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    sv = office_scenario
    sv.bulletins.issue(request(sv, sequence=40))
    events = record_write_order(monkeypatch, sv.ws)
    with pytest.raises(ValidationError, match="已被另一份通报使用"):
        sv.bulletins.issue(request(sv, sequence=40))
    assert events == []
