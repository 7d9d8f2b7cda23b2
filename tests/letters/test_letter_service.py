"""Issuing 催报函: numbers per year never reused, reminders recorded, PDFs kept, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.letters.conftest import NOTICE_NUMBER
from tests.letters.pdfcheck import pages_text
from tests.write_order import record_write_order
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.letter_request import IssuedLetterRecord, LetterRequest
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.reports.pdf_output import Cancelled
from tracker.services.bundle import Services

AS_OF = date(2023, 6, 28)
pytestmark = pytest.mark.both_databases


def request(**kw: object) -> LetterRequest:
    return LetterRequest(as_of=AS_OF, letter_date=AS_OF, **kw)  # type: ignore[arg-type]


def test_one_letter_per_overdue_unit_naming_its_items(overdue_ledger: Services) -> None:
    drafts = overdue_ledger.letters.drafts(request())
    assert [d.content.addressee for d in drafts] == [
        "和平区市场监管局",
        "河西区市场监管局",
        "南开区市场监管局",
    ]
    heping = "\n".join(drafts[0].content.paragraphs)
    assert NOTICE_NUMBER in heping and "2023年6月20日" in heping
    assert "阶段性总结：加盖公章的纸质版" in heping and "电子版、" not in heping
    hexi = "\n".join(drafts[1].content.paragraphs)
    assert "阶段性总结：电子版、加盖公章的纸质版" in hexi
    assert drafts[0].content.title == "关于催报2023年标准化研学行动阶段性总结的函"
    # 5 working days after Wed 28 June 2023, with the Dragon Boat holiday (22-24 June) past
    assert "请于2023年7月5日前" in heping


def test_new_deadline_counts_holidays_and_makeup_days(overdue_ledger: Services) -> None:
    # from Thu 28 Sep 2023: 29 Sep - 6 Oct off; Sat 7 and Sun 8 Oct are make-up workdays
    assert overdue_ledger.letters.new_deadline(date(2023, 9, 28)) == date(2023, 10, 11)


def test_issue_numbers_letters_and_records_reminders(
    overdue_ledger: Services, tmp_path: Path
) -> None:
    sv = overdue_ledger
    sv.settings.update_office(letter_prefix="津市场监管标准函")
    first = sv.letters.issue(request())
    numbers = [x.number for x in first.letters]
    assert numbers == [f"津市场监管标准函〔2023〕{n}号" for n in (1, 2, 3)]
    second = sv.letters.issue(request(unit_ids=(sv.units.resolve("和平局").id,)))
    assert [x.number for x in second.letters] == ["津市场监管标准函〔2023〕4号"]
    oid = sv.ledger.find_obligation("和平局", "阶段性总结")
    row = sv.ledger.row(oid, AS_OF)
    assert row.reminders == 2 and row.last_reminder == AS_OF
    texts = pages_text_of(letter_file(sv, first.letters[0], tmp_path))
    assert "津市场监管标准函〔2023〕1号" in texts and "和平区市场监管局" in texts
    audit = [e.summary for e in sv.audit.entries()]
    assert any("津市场监管标准函〔2023〕4号" in s and "函催报" in s for s in audit)


def pages_text_of(path: Path) -> str:
    return "".join(pages_text(path))


def letter_file(sv: Services, letter: IssuedLetterRecord, folder: Path) -> Path:
    """The letter's own PDF, as a reprint gives it."""
    path = folder / f"{letter.id}.pdf"
    path.write_bytes(sv.letters.letter_pdf(letter))
    return path


def test_reprint_is_the_same_letter(overdue_ledger: Services, tmp_path: Path) -> None:
    sv = overdue_ledger
    issued = sv.letters.issue(request())
    again = sv.letters.find("津市场监管标准函〔2023〕2号")
    assert sv.letters.letter_pdf(again) == sv.letters.letter_pdf(issued.letters[1])
    text = pages_text_of(letter_file(sv, again, tmp_path))
    assert "〔2023〕2号" in text and "河西区市场监管局：" in text
    assert "〔2023〕1号" not in text and "和平区" not in text
    assert again.addressee == "河西区市场监管局"
    assert next(x.number for x in sv.letters.issued()) == "津市场监管标准函〔2023〕3号"


def test_a_batch_is_archived_once_as_printed(overdue_ledger: Services, tmp_path: Path) -> None:
    """One archived file for the batch (not one per letter, each carrying the batch's fonts);
    each letter its own pages of it, the blank backs of duplex printing belonging to none."""
    sv = overdue_ledger
    issued = sv.letters.issue(request())
    archived = [p for p in sv.ws.files.root.rglob("*.pdf")]
    assert archived == [issued.letters[0].archive_path]
    assert archived[0].read_bytes() == issued.combined
    assert {x.archive_path for x in sv.letters.issued()} == {archived[0]}
    assert [x.first_page for x in issued.letters] == [0, 2, 4]  # 双面打印: a blank back each
    assert len(pages_text(archived[0])) == 5  # nothing to keep apart after the last
    for letter in issued.letters:
        texts = pages_text(letter_file(sv, letter, tmp_path))
        assert len(texts) == 1 and f"{letter.addressee}：" in texts[0]
    sv.settings.update_office(letter_duplex=False)
    single = sv.letters.issue(request(unit_ids=(sv.units.resolve("河西局").id,)))
    assert single.letters[0].first_page == 0
    assert len(list(sv.ws.files.root.rglob("*.pdf"))) == 2


def test_a_missing_or_damaged_archive_is_said_plainly(overdue_ledger: Services) -> None:
    sv = overdue_ledger
    letter = sv.letters.issue(request()).letters[0]
    letter.archive_path.write_bytes(b"%PDF-1.4 cut off")
    with pytest.raises(TrackerError, match="存档文件已损坏"):
        sv.letters.letter_pdf(sv.letters.find(letter.number))
    letter.archive_path.unlink()
    with pytest.raises(TrackerError, match=r"找不到.*存档文件"):
        sv.letters.letter_pdf(letter)


def test_a_letter_is_never_cut_from_an_altered_batch(overdue_ledger: Services) -> None:
    """PDFium reads a batch with a changed byte as best it can and would reprint a letter that
    differs from the one sent: the batch is checked against its SHA-256 first."""
    sv = overdue_ledger
    letters = sv.letters.issue(request()).letters
    good = sv.letters.letter_pdf(letters[2])
    data = letters[0].archive_path.read_bytes()
    altered = bytearray(data)
    altered[len(data) // 3] ^= 0x20
    letters[0].archive_path.write_bytes(bytes(altered))
    for letter in letters:
        with pytest.raises(TrackerError, match="存档文件已损坏"):
            sv.letters.letter_pdf(sv.letters.find(letter.number))
    letters[0].archive_path.write_bytes(data)
    assert sv.letters.letter_pdf(letters[2]) == good


def test_sequence_is_per_year_and_never_reused(overdue_ledger: Services) -> None:
    sv = overdue_ledger
    sv.letters.issue(request(unit_ids=(sv.units.resolve("和平局").id,)))
    jan = LetterRequest(
        as_of=AS_OF, letter_date=date(2024, 1, 3), unit_ids=(sv.units.resolve("河西局").id,)
    )
    assert [x.number for x in sv.letters.issue(jan).letters] == ["津市场监管标准函〔2024〕1号"]
    later = sv.letters.issue(request(unit_ids=(sv.units.resolve("南开局").id,)))
    assert later.letters[0].number == "津市场监管标准函〔2023〕2号"


def test_the_batch_is_archived_before_the_transaction_opens(
    overdue_ledger: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = record_write_order(monkeypatch, overdue_ledger.ws)
    overdue_ledger.letters.issue(request())
    assert events == [("fsync", False), ("transaction", False)]  # nothing flushed inside


def test_numbers_another_clerk_took_meanwhile_are_not_printed(
    overdue_ledger: Services, workspace_dir: Path, db_url: str | None,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    sv = overdue_ledger
    with Services.open(workspace_dir, db_url) as other:
        hexi = other.units.resolve("河西局").id
        events = record_write_order(  # 1号 to 河西 between this clerk's rendering and its write
            monkeypatch, sv.ws, lambda: other.letters.issue(request(unit_ids=(hexi,)))
        )
        issued = sv.letters.issue(request())
    assert events == [("fsync", False)] * 2 + [("transaction", False), ("fsync", True)]
    assert [x.number[-8:] for x in issued.letters] == ["〔2023〕2号", "〔2023〕3号", "〔2023〕4号"]
    reprinted = pages_text_of(letter_file(sv, sv.letters.find(issued.letters[0].number), tmp_path))
    assert "〔2023〕2号" in reprinted and "〔2023〕1号" not in reprinted
    assert "和平区市场监管局" in reprinted


def test_cancel_leaves_nothing_issued(overdue_ledger: Services) -> None:
    sv = overdue_ledger
    calls: list[int] = []

    def cancelled() -> bool:
        return len(calls) >= 1

    with pytest.raises(Cancelled):
        sv.letters.issue(request(), progress=lambda n, total: calls.append(n), cancelled=cancelled)
    assert sv.letters.issued() == []
    oid = sv.ledger.find_obligation("和平局", "阶段性总结")
    assert sv.ledger.row(oid, AS_OF).reminders == 0
    assert sv.letters.issue(request()).letters[0].number.endswith("〔2023〕1号")


def test_category_letter_lists_units_in_attachment(
    overdue_ledger: Services, tmp_path: Path
) -> None:
    sv = overdue_ledger
    result = sv.letters.issue(request(mode="category"))
    assert [x.addressee for x in result.letters] == ["各区市场监管局"]
    text = pages_text_of(letter_file(sv, result.letters[0], tmp_path))
    assert "各区市场监管局：" in text and "3家单位" in text
    assert "附件：未报送单位名单" in text
    for unit in ("和平区市场监管局", "河西区市场监管局", "南开区市场监管局"):
        assert unit in text
    assert "市教委" not in text
    assert len(result.letters[0].obligation_ids) == 3


def test_template_placeholders_and_errors(overdue_ledger: Services) -> None:
    sv = overdue_ledger
    with pytest.raises(ValidationError, match="x_y"):
        sv.letters.drafts(request(template="致{unit}：请于{new_deadline}前补报{missing}。{x_y}"))
    drafts = sv.letters.drafts(
        request(template="{unit}请于{new_deadline}前补报{missing}。<b>&amp;{不是占位符}")
    )
    text = drafts[0].content.paragraphs[0]
    assert text == (
        "和平区市场监管局请于2023年7月5日前补报阶段性总结的加盖公章的纸质版。<b>&amp;{不是占位符}"
    )


def test_nothing_overdue_is_a_clear_message(overdue_ledger: Services) -> None:
    with pytest.raises(ValidationError, match="没有逾期未报"):
        overdue_ledger.letters.drafts(LetterRequest(as_of=date(2023, 6, 1)))


def test_a_new_workspace_has_no_office_and_refuses_letters(tianjin_units: Services) -> None:
    sv = tianjin_units
    assert sv.settings.office().sender_name == ""  # nobody's Tianjin particulars by default
    sv.notices.create(
        NoticeSpec(
            "关于报送总结的通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 20), Form.ELECTRONIC, ("区局",)),),
        )
    )
    with pytest.raises(ValidationError) as refused:
        sv.letters.issue(LetterRequest(as_of=date(2023, 6, 28)))
    assert "工具 ▸ 设置" in str(refused.value) and "tracker office" in str(refused.value)
    assert sv.letters.issued() == []
    sv.settings.update_office(sender_name="晋城市市场监督管理局", letter_prefix="晋市市监函")
    result = sv.letters.issue(LetterRequest(as_of=date(2023, 6, 28)))
    assert result.letters[0].number == "晋市市监函〔2023〕1号"


def test_the_ladder_follows_what_was_done(overdue_ledger: Services) -> None:
    from tracker.domain.ladder import Step
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.domain.records import ReminderMethod

    sv = overdue_ledger
    sv.settings.update_office(ladder_phone_after=1, ladder_letter_after=10, ladder_phone_grace=3)

    def steps(day: date) -> dict[str, Step]:
        rows = sv.ledger.rows(LedgerQuery(as_of=day))
        by_id = {r.obligation_id: r.unit_name for r in rows}
        whole = sv.ladder.suggestions(rows)
        for r in rows:  # a write's few rows read only their own chasing: the same steps
            mine = {oid: s for oid, s in whole.items() if oid == r.obligation_id}
            assert sv.ladder.suggestions([r]) == mine
        return {by_id[oid]: s.step for oid, s in whole.items()}

    assert steps(date(2023, 6, 28)) == {
        "和平区市场监管局": Step.PHONE,
        "河西区市场监管局": Step.PHONE,
        "南开区市场监管局": Step.PHONE,
    }  # 市教委 sent everything: nothing to suggest
    hexi = sv.ledger.find_obligation("河西局", "阶段性总结")
    sv.ledger.remind([hexi], ReminderMethod.PHONE, date(2023, 6, 28))
    assert steps(date(2023, 6, 29))["河西区市场监管局"] is Step.WAIT
    assert steps(date(2023, 7, 3))["河西区市场监管局"] is Step.LETTER
    nankai = sv.ledger.find_obligation("南开局", "阶段性总结")
    sv.letters.issue(LetterRequest(as_of=date(2023, 7, 3), letter_date=date(2023, 7, 3),
                                   obligation_ids=(nankai,)))  # fmt: skip
    deadline = sv.letters.issued()[0].new_deadline
    assert steps(deadline)["南开区市场监管局"] is Step.WAIT
    assert steps(date(2023, 7, 3))["南开区市场监管局"] is Step.WAIT
    later = date.fromordinal(deadline.toordinal() + 1)
    assert steps(later)["南开区市场监管局"] is Step.BULLETIN
    assert steps(date(2023, 7, 2))["南开区市场监管局"] is Step.PHONE  # replayed before the letter


def test_ladder_thresholds_are_checked(services: Services) -> None:
    with pytest.raises(ValidationError, match="督办升级"):
        services.settings.update_office(ladder_phone_after=6, ladder_letter_after=5)


def test_each_letter_item_names_its_own_reminder(overdue_ledger: Services) -> None:
    """Ids come back from one bulk INSERT … RETURNING matched by key, not by position."""
    from sqlalchemy import select

    from tracker.store.models import IssuedLetter, IssuedLetterItem, Obligation, Reminder, Unit

    sv = overdue_ledger
    sv.letters.issue(request())
    with sv.ws.reading() as s:
        rows = s.execute(
            select(IssuedLetter.number, IssuedLetter.addressee, IssuedLetterItem, Reminder)
            .join(IssuedLetterItem, IssuedLetterItem.letter_id == IssuedLetter.id)
            .join(Reminder, Reminder.id == IssuedLetterItem.reminder_id)
        ).all()
        units = {o: s.scalar(select(Unit.name).join(Obligation).where(Obligation.id == o))
                 for o in {item.obligation_id for _, _, item, _ in rows}}  # fmt: skip
    assert len(rows) == 3
    for number, addressee, item, reminder in rows:
        assert reminder.obligation_id == item.obligation_id
        assert reminder.letter_number == number
        assert units[item.obligation_id] == addressee


def test_bulk_ids_keep_the_rows_order_when_keys_repeat(overdue_ledger: Services) -> None:
    from datetime import datetime

    from tracker.services.letter_store import _insert_returning_ids
    from tracker.store.models import Reminder

    sv = overdue_ledger
    oid = sv.ledger.find_obligation("河西局", "阶段性总结")
    rows = [
        {"obligation_id": oid, "reminded_on": AS_OF, "method": "电话", "letter_number": "",
         "note": f"第{n}次", "created_at": datetime(2023, 6, 28, 9, n)}
        for n in range(5)
    ]  # fmt: skip
    with sv.ws.transaction() as s:
        ids = _insert_returning_ids(s, Reminder, rows, "obligation_id")
        assert [s.get(Reminder, i).note for i in ids] == [r["note"] for r in rows]
        again = _insert_returning_ids(s, Reminder, rows[:1], "obligation_id")
        assert s.get(Reminder, again[0]).note == "第0次"


def test_placeholders_have_chinese_names_and_the_english_ones_keep_working(
    overdue_ledger: Services,
) -> None:
    sv = overdue_ledger
    chinese = sv.letters.drafts(
        request(template="{单位}请于{补报时限}前补报{所缺材料}。{不是占位符}")
    )
    english = sv.letters.drafts(
        request(template="{unit}请于{new_deadline}前补报{missing}。{不是占位符}")
    )
    assert chinese[0].content.paragraphs == english[0].content.paragraphs
    assert chinese[0].content.paragraphs[0].startswith("和平区市场监管局请于2023年7月5日前补报")
    listed = sv.letters.drafts(request(template="截至{统计日期}：\n{材料清单}\n{结语}"))
    assert len(listed[0].content.paragraphs) >= 3  # {材料清单} alone on its line: one per item
    with pytest.raises(ValidationError, match=r"可用：.*\{单位\}"):
        sv.letters.drafts(request(template="{unit_name}"))
