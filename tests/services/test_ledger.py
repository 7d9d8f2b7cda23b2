"""Registering, exempting, extending and reminding on a real SQLite workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain.errors import ConflictError, NotFoundError, TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import (
    Channel,
    NoticeSpec,
    ReminderMethod,
    RequirementSpec,
    UnitSpec,
)
from tracker.domain.status import Status
from tracker.services.bundle import Services

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL


@pytest.fixture
def study(tianjin_units: Services) -> Services:
    """津市场监管标准〔2023〕14号: 阶段性总结 by 6-27 and 年度总结 by 11-10, sealed."""
    spec = NoticeSpec(
        title="关于开展2023年标准化研学行动的通知",
        doc_number="津市场监管标准〔2023〕14号",
        issued_on=date(2023, 6, 5),
        requirements=(
            RequirementSpec("阶段性总结", date(2023, 6, 27), E | S, ("区局",), ("市教委",)),
            RequirementSpec("年度总结", date(2023, 11, 10), E | S, ("区局",)),
        ),
    )
    tianjin_units.notices.create(spec)
    return tianjin_units


def oid(sv: Services, unit: str, req: str = "阶段性总结") -> int:
    return sv.ledger.find_obligation(unit, req)


def status_of(sv: Services, unit: str, as_of: date, req: str = "阶段性总结") -> Status:
    return sv.ledger.row(oid(sv, unit, req), as_of).status


def test_required_units_get_obligations(study: Services) -> None:
    rows = study.ledger.rows(LedgerQuery(as_of=date(2023, 6, 28)))
    names = {(r.unit_name, r.requirement_title) for r in rows}
    assert ("市教委", "阶段性总结") in names
    assert ("市教委", "年度总结") not in names
    assert ("天津市物流标准化技术委员会", "阶段性总结") not in names
    assert len(rows) == 4 + 3


def test_electronic_first_then_sealed_copy_accumulates(study: Services) -> None:
    o = oid(study, "和平局")
    study.ledger.register(o, E, date(2023, 6, 25))
    assert study.ledger.row(o, date(2023, 6, 28)).status is Status.PARTIAL
    assert study.ledger.row(o, date(2023, 6, 28)).missing_forms == S
    study.ledger.register(o, S, date(2023, 6, 29), Channel.PAPER)
    row = study.ledger.row(o, date(2023, 6, 30))
    assert row.status is Status.LATE and row.days_overdue == 2
    # Replaying an earlier day ignores what arrived later.
    assert study.ledger.row(o, date(2023, 6, 26)).status is Status.PENDING


def test_overdue_filter_lists_exactly_who_is_late(study: Services) -> None:
    study.ledger.register(oid(study, "和平局"), E | S, date(2023, 6, 27))
    study.ledger.register(oid(study, "河西局"), E, date(2023, 6, 20))
    q = LedgerQuery(
        as_of=date(2023, 6, 28),
        statuses=(Status.OVERDUE,),
        requirement_ids=(study.notices.resolve_requirement("阶段性总结").id,),
    )
    assert {r.unit_name for r in study.ledger.rows(q)} == {"南开区市场监管局", "市教委"}


def test_extension_keeps_the_original_deadline(study: Services) -> None:
    o = oid(study, "南开局")
    study.ledger.extend([o], date(2023, 7, 5), "承办活动，申请延期", on=date(2023, 6, 26))
    row = study.ledger.row(o, date(2023, 7, 1))
    assert row.deadline == date(2023, 6, 27)
    assert row.extended_to == date(2023, 7, 5) and row.status is Status.PENDING
    assert row.workdays_left == 3  # 7月3、4、5日
    study.ledger.register(o, E | S, date(2023, 7, 4))
    assert study.ledger.row(o, date(2023, 7, 10)).status is Status.ON_TIME


def test_extension_must_be_later_than_the_deadline(study: Services) -> None:
    with pytest.raises(ValidationError, match="应晚于原定时限"):
        study.ledger.extend([oid(study, "南开局")], date(2023, 6, 20), "理由")


def test_exemption_needs_a_reason_and_counts_from_the_day_granted(study: Services) -> None:
    o = oid(study, "市教委")
    with pytest.raises(ValidationError, match="免报理由"):
        study.ledger.exempt([o], "  ")
    with pytest.raises(ValidationError, match="晚于今天"):
        study.ledger.exempt([o], "机构调整", on=date(2023, 12, 2))
    study.ledger.exempt([o], "机构调整", on=date(2023, 6, 20))
    assert status_of(study, "市教委", date(2023, 6, 19)) is Status.PENDING  # not yet granted
    assert status_of(study, "市教委", date(2023, 6, 20)) is Status.EXEMPT
    row = study.ledger.row(o, date(2023, 7, 1))
    assert (row.exempt_reason, row.exempt_on) == ("机构调整", date(2023, 6, 20))
    assert study.ledger.row(o, date(2023, 6, 1)).exempt_reason is None


def test_an_extension_granted_later_does_not_rewrite_the_past(study: Services) -> None:
    o = oid(study, "南开局")
    study.ledger.extend([o], date(2023, 12, 15), "补充材料")  # granted today, 12-01
    on_1123 = study.ledger.row(o, date(2023, 11, 23))
    assert on_1123.status is Status.OVERDUE and on_1123.extended_to is None
    today = study.ledger.row(o)
    assert today.status is Status.PENDING and today.extended_on == date(2023, 12, 1)


def test_revoking_needs_a_reason_is_audited_and_undoable(study: Services) -> None:
    o = oid(study, "河西局")
    with pytest.raises(ValidationError, match="没有免报"):
        study.ledger.unexempt([o], "误操作")
    study.ledger.exempt([o], "机构调整", on=date(2023, 6, 20))
    study.ledger.extend([o], date(2023, 7, 10), "申请延期", on=date(2023, 6, 25))
    with pytest.raises(ValidationError, match="撤销的理由"):
        study.ledger.unexempt([o], " ")
    revoked = study.ledger.unexempt([o], "单位实际已开展活动")
    assert study.ledger.row(o).status is Status.OVERDUE  # owed again, past its 7-10
    [entry] = [e for e in study.audit.entries() if e.action == "obligation.unexempt"]
    assert "撤销免报（理由：单位实际已开展活动）" in entry.summary
    study.undo.undo(revoked)
    row = study.ledger.row(o)
    assert (row.exempt_reason, row.exempt_on) == ("机构调整", date(2023, 6, 20))
    unextended = study.ledger.unextend([o], "延期未获批准")
    assert study.ledger.row(o).extended_to is None
    study.undo.undo(unextended)
    row = study.ledger.row(o)
    assert (row.extended_to, row.extended_on) == (date(2023, 7, 10), date(2023, 6, 25))


def test_deleting_a_registration_needs_a_reason_and_can_be_undone(study: Services) -> None:
    o = oid(study, "和平局")
    sub_id = study.ledger.register(o, E | S, date(2023, 6, 20)).ids[0]
    with pytest.raises(ValidationError, match="撤销的理由"):
        study.ledger.delete_submission(sub_id, "")
    change = study.ledger.delete_submission(sub_id, "登记错了单位")
    assert study.ledger.submissions(o) == []
    assert "删除登记" in change.summary and "登记错了单位" in change.summary
    study.undo.undo(change)
    [back] = study.ledger.submissions(o)
    assert (back.received_on, back.forms) == (date(2023, 6, 20), E | S)


def test_reminders_are_counted_as_of_the_date(study: Services) -> None:
    o = oid(study, "南开局")
    study.ledger.remind([o], ReminderMethod.PHONE, date(2023, 6, 28))
    study.ledger.remind([o], ReminderMethod.LETTER, date(2023, 7, 3), "津市场监管标准函〔2023〕3号")
    assert study.ledger.row(o, date(2023, 7, 1)).reminders == 1
    row = study.ledger.row(o, date(2023, 7, 5))
    assert (row.reminders, row.last_reminder) == (2, date(2023, 7, 3))


def test_registration_validates_before_writing(study: Services) -> None:
    o = oid(study, "和平局")
    with pytest.raises(ValidationError, match="至少选择一种"):
        study.ledger.register(o, Form.NONE)
    with pytest.raises(ValidationError, match="晚于今天"):
        study.ledger.register(o, E, date(2030, 1, 1))
    with pytest.raises(TrackerError, match="找不到要归档的文件"):
        study.ledger.register(o, E, files=[Path("/nonexistent/x.docx")])
    assert study.ledger.submissions(o) == []


def test_files_are_archived_by_hash_and_names_cannot_escape(
    study: Services, tmp_path: Path
) -> None:
    evil = tmp_path / "..%2F..%2Fx.docx"
    evil.write_bytes(b"summary")
    con = tmp_path / "CON.txt"
    con.write_bytes(b"summary")  # same content: stored once
    o = oid(study, "和平局")
    study.ledger.register(o, E, date(2023, 6, 20), files=[evil, con])
    [sub] = study.ledger.submissions(o)
    assert [name for name, _ in sub.files] == [evil.name, "CON.txt"]
    stored = [p for p in study.ws.files.root.rglob("*") if p.is_file()]
    assert len(stored) == 2  # .docx and .txt suffixes differ, content identical
    assert all(p.parent.parent == study.ws.files.root for p in stored)
    assert all(p.name.startswith(sub.files[0][1]) for p in stored)


def test_undo_reverses_the_last_change(study: Services) -> None:
    o = oid(study, "和平局")
    change = study.ledger.register(o, E | S, date(2023, 6, 20))
    assert status_of(study, "和平局", date(2023, 6, 28)) is Status.ON_TIME
    study.undo.undo(change)
    assert status_of(study, "和平局", date(2023, 6, 28)) is Status.OVERDUE
    with pytest.raises(TrackerError, match="已经撤销"):
        study.undo.undo(change)


def test_undoing_a_deletion_restores_the_submission_whole(study: Services, tmp_path: Path) -> None:
    o = oid(study, "和平局")
    scan = tmp_path / "阶段性总结.pdf"
    scan.write_bytes(b"%PDF summary")
    study.ws.user = "张三"
    registered = study.ledger.register(o, E | S, date(2023, 6, 20), Channel.PAPER, "盖章件", [scan])
    before = study.ledger.submissions(o)
    study.ws.user = "李四"  # another clerk deletes it, then thinks better of it
    deleted = study.ledger.delete_submission(before[0].id, "删错了")
    assert study.ledger.submissions(o) == []
    study.undo.undo(deleted)
    assert study.ledger.submissions(o) == before  # author, time, id, files, note: all kept
    assert before[0].created_by == "张三"
    study.undo.undo(registered)  # and the registration itself can still be undone
    assert study.ledger.submissions(o) == []


def test_undo_of_a_batch_exemption_restores_each(study: Services) -> None:
    ids = [oid(study, "和平局"), oid(study, "河西局")]
    study.ledger.extend(ids[:1], date(2023, 7, 3), "先延期", on=date(2023, 6, 26))
    change = study.ledger.exempt(ids, "统一免报")
    study.undo.undo(change)
    first, second = (study.ledger.row(i, date(2023, 7, 1)) for i in ids)
    assert first.exempt_reason is None and first.extended_to == date(2023, 7, 3)
    assert second.status is Status.OVERDUE


def test_undo_is_refused_when_the_record_moved_on(study: Services) -> None:
    o = oid(study, "和平局")
    change = study.ledger.extend([o], date(2023, 7, 3), "第一次")
    study.ledger.extend([o], date(2023, 7, 7), "第二次")
    with pytest.raises(ConflictError):
        study.undo.undo(change)


def test_unit_added_after_the_notice_owes_nothing_until_added(study: Services) -> None:
    study.units.save(UnitSpec("红桥区市场监管局", "区局", aliases=("红桥局",)))
    with pytest.raises(NotFoundError, match="不在"):
        oid(study, "红桥局")
    notice = study.notices.resolve("津市场监管标准〔2023〕14号")
    spec = study.notices.copy_spec(notice.id, years=0)
    reqs = tuple(
        r.__class__(r.title, r.deadline, r.forms, r.categories, r.units, r.note, old.id)
        for r, old in zip(spec.requirements, notice.requirements, strict=True)
    )
    study.notices.update(
        notice.id,
        spec.__class__(**{**_fields(spec), "requirements": reqs, "doc_number": notice.doc_number}),
    )
    assert status_of(study, "红桥局", date(2023, 6, 28)) is Status.OVERDUE


def _fields(spec: NoticeSpec) -> dict[str, object]:
    return {f: getattr(spec, f) for f in spec.__dataclass_fields__}


def test_deadline_on_a_holiday_is_flagged(tianjin_units: Services) -> None:
    tianjin_units.notices.create(
        NoticeSpec(
            title="报名通知",
            issued_on=date(2021, 9, 26),
            requirements=(RequirementSpec("报名表", date(2021, 10, 10), E, ("区局",)),),
        )
    )
    req = tianjin_units.notices.resolve_requirement("报名表")
    assert req.deadline_note == "星期日"
    row = tianjin_units.ledger.rows(LedgerQuery(as_of=date(2021, 10, 1)))[0]
    assert row.deadline_note == "星期日"
    assert row.workdays_left == 2  # 8日 and 9日 (调休上班); 国庆假期不计


def test_audit_log_records_user_and_before_after(study: Services) -> None:
    o = oid(study, "和平局")
    study.ledger.extend([o], date(2023, 7, 3), "理由")
    [entry] = [e for e in study.audit.entries() if e.action == "obligation.extend"]
    assert entry.user == study.ws.user
    assert '"extended_to": null' in (entry.before or "")
    assert '"extended_to": "2023-07-03"' in (entry.after or "")


def test_audit_record_takes_its_fields_by_keyword_only(study: Services) -> None:
    from tracker.services import audit

    with study.ws.transaction() as s:
        with pytest.raises(TypeError):
            audit.record(s, "user", "undo", "audit", 1, "摘要", None, {"a": 1})  # type: ignore[call-arg]
        aid = audit.record(
            s, user="甲", action="undo", entity="audit", entity_id=1, summary="摘要", before=[1]
        )
    [entry] = [e for e in study.audit.entries() if e.id == aid]
    assert (entry.user, entry.entity_id, entry.before, entry.after) == ("甲", 1, "[1]", None)


def test_a_notice_issued_after_the_as_of_date_is_not_replayed(study: Services) -> None:
    assert study.ledger.rows(LedgerQuery(as_of=date(2023, 6, 4))) == []
    assert len(study.ledger.rows(LedgerQuery(as_of=date(2023, 6, 5)))) == 7
