"""Two clerks at the same instant on the newer writes (SQLite and PostgreSQL): 删除登记 of one
registration, 撤销免报/撤销延期 of one obligation, the year's first 通报, 列入/移出下次通报 —
one of them lands, the other is told in one sentence (or finds nothing left to do); never a
driver error, never a half-done write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.services.test_races import at_once, together
from tracker.domain.bulletin_request import BulletinRequest
from tracker.domain.errors import TrackerError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services

DAY = date(2023, 12, 1)


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    req = RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",))
    tianjin_units.notices.create(
        NoticeSpec("关于报送总结的通知", doc_number="津标〔2023〕2号", requirements=(req,))
    )
    tianjin_units.settings.update_office(
        office_name="标准化处", sender_name="市场监管委", short_name="我委",
        letter_prefix="津标函", bulletin_prefix="津标通",
    )  # fmt: skip
    return tianjin_units


@pytest.fixture
def second(ledger: Services, workspace_dir: Path, db_url: str | None) -> Iterator[Services]:
    with Services.open(workspace_dir, db_url) as other:
        yield other


def _obligation(sv: Services, unit: str = "和平局") -> int:
    return sv.ledger.find_obligation(unit, "总结")


def _only_sentences(results: list[object]) -> list[BaseException]:
    failures = [r for r in results if isinstance(r, BaseException)]
    for f in failures:
        assert isinstance(f, TrackerError), repr(f)
    return failures


def test_one_registration_deleted_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import ledger as ledger_module

    oid = _obligation(ledger)
    ledger.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 20))
    (sub,) = ledger.ledger.submissions(oid)
    together(monkeypatch, ledger_module, "revoke_reason", after=True)
    results = at_once(
        lambda: ledger.ledger.delete_submission(sub.id, "登错了"),
        lambda: second.ledger.delete_submission(sub.id, "登错了"),
    )
    failures = _only_sentences(results)
    assert len(failures) == 1, results
    assert ledger.ledger.submissions(oid) == []
    deletes = [e for e in ledger.audit.entries() if e.action == "submission.delete"]
    assert len(deletes) == 1


@pytest.mark.parametrize("revoke", ["unexempt", "unextend"])
def test_one_decision_revoked_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch, revoke: str
) -> None:
    from tracker.services import ledger as ledger_module

    oid = _obligation(ledger)
    if revoke == "unexempt":
        ledger.ledger.exempt([oid], "合并报送", on=DAY)
    else:
        ledger.ledger.extend([oid], date(2023, 12, 20), "请假", on=DAY)
    together(monkeypatch, ledger_module, "revoke_reason", after=True)
    results = at_once(
        lambda: getattr(ledger.ledger, revoke)([oid], "批错了"),
        lambda: getattr(second.ledger, revoke)([oid], "批错了"),
    )
    failures = _only_sentences(results)
    assert len(failures) == 1, results
    row = ledger.ledger.row(oid)
    assert row.exempt_reason is None and row.extended_to is None


def test_the_years_first_bulletin_issued_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import bulletins

    notice = ledger.notices.resolve("津标〔2023〕2号").id
    together(monkeypatch, bulletins, "take_sequence")  # both in their transactions, no row yet

    def issue(sv: Services) -> object:
        return sv.bulletins.issue(BulletinRequest(notice, as_of=DAY, bulletin_date=DAY))

    results = at_once(lambda: issue(ledger), lambda: issue(second))
    assert not [r for r in results if isinstance(r, BaseException)], results
    numbers = sorted(b.number for b in ledger.bulletins.issued())
    assert numbers == ["津标通〔2023〕1号", "津标通〔2023〕2号"]


@pytest.mark.parametrize("action", ["queue", "unqueue"])
def test_one_unit_put_on_or_off_the_next_bulletin_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    from tracker.services import bulletins

    oid = _obligation(ledger)
    if action == "unqueue":
        ledger.bulletins.queue([oid])
    together(monkeypatch, bulletins, "_obligation", after=True)
    results = at_once(
        lambda: getattr(ledger.bulletins, action)([oid]),
        lambda: getattr(second.bulletins, action)([oid]),
    )
    _only_sentences(results)
    queued = [q.obligation_id for q in ledger.bulletins.queued()]
    assert queued == ([oid] if action == "queue" else [])
    kind = f"bulletin.{action}"
    assert len([e for e in ledger.audit.entries() if e.action == kind]) == 1


def _meeting(monkeypatch: pytest.MonkeyPatch, *places: tuple[object, str]) -> None:
    """Each thread waits, once, after the first of ``places`` it runs, until both got there
    (one barrier for all: the two clerks run different code)."""
    import contextlib
    import threading

    barrier, seen = threading.Barrier(2), threading.local()

    def meet() -> None:
        if not getattr(seen, "met", False):
            seen.met = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=3)

    for owner, name in places:
        real = getattr(owner, name)

        def wrapped(*args: object, _real: object = real, **kwargs: object) -> object:
            result = _real(*args, **kwargs)  # type: ignore[operator]
            meet()
            return result

        monkeypatch.setattr(owner, name, wrapped)


@pytest.mark.parametrize("race", ["undo 列入 / 移出", "undo 移出 / 列入", "one undo twice"])
def test_undoing_a_list_entry_while_another_clerk_changes_it(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch, race: str
) -> None:
    """Ctrl+Z of 列入/移出下次通报 racing the other clerk: one of them changes the list, the
    other is told in one sentence or finds nothing left — never the entry taken off twice,
    one change undone twice, or a unique-violation traceback (PostgreSQL)."""
    from tracker.services import bulletins, undo

    oid = _obligation(ledger)
    listed = ledger.bulletins.queue([oid])
    if race == "undo 列入 / 移出":
        _meeting(monkeypatch, (undo, "_take_off_list"), (bulletins, "_obligation"))
        other, kind, stays = (lambda: second.bulletins.unqueue([oid])), "bulletin.unqueue", []
        change = listed
    elif race == "undo 移出 / 列入":
        change = ledger.bulletins.unqueue([oid])
        _meeting(monkeypatch, (undo, "_put_back_on_list"), (bulletins, "_audit_queue"))
        other, kind, stays = (lambda: second.bulletins.queue([oid])), "bulletin.queue", [oid]
    else:
        _meeting(monkeypatch, (undo, "_take_off_list"))
        other, kind, stays = (lambda: second.undo.undo(listed)), "undo", []
        change = listed
    before = len([e for e in ledger.audit.entries() if e.action in ("undo", kind)])
    results = at_once(lambda: ledger.undo.undo(change), other)
    _only_sentences(results)
    assert [q.obligation_id for q in ledger.bulletins.queued()] == stays
    done = [e for e in ledger.audit.entries() if e.action in ("undo", kind)]
    assert len(done) == before + 1, results  # exactly one of the two changed the list


def test_the_same_files_registered_in_bulk_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """批量登记 never registers one file twice — also when two clerks register the same folder
    at the same instant: the ledger's hashes are read only once the obligations are locked
    (read before, both saw none and both registered everything)."""
    from tests.readers.docs import write_docx
    from tracker.services import intake_commit

    box = tmp_path / "收件"
    box.mkdir()
    for unit in ("和平区市场监管局", "河西区市场监管局"):
        write_docx(box / f"{unit}总结.docx", f"关于报送总结的通知\n总结\n{unit}")
    first = ledger.intake.propose([box], notice="津标〔2023〕2号", on=DAY)
    again = second.intake.propose([box], notice="津标〔2023〕2号", on=DAY)
    assert [p.status for p in first] == ["matched", "matched"], first
    together(monkeypatch, intake_commit, "_obligation", after=True)
    results = at_once(lambda: ledger.intake.register(first), lambda: second.intake.register(again))
    _only_sentences(results)
    for unit in ("和平局", "河西局"):
        (sub,) = ledger.ledger.submissions(_obligation(ledger, unit))  # once, not twice
        assert len(sub.files) == 1


def test_one_figure_corrected_by_two_clerks_at_once(
    ledger: Services, second: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """关键数据 corrected for the first time by two clerks at the same instant: one value stays,
    the other clerk's run again over it — never a unique-violation traceback (PostgreSQL)."""
    from sqlalchemy.orm import Session

    oid = _obligation(ledger)
    together(monkeypatch, Session, "add", after=True)  # both past "no correction yet"
    results = at_once(
        lambda: ledger.figures.correct(oid, "参与人次", 120),
        lambda: second.figures.correct(oid, "参与人次", 130),
    )
    assert not [r for r in results if isinstance(r, BaseException)], results
    fixes = [e for e in ledger.audit.entries() if e.action == "figure.correct"]
    assert len(fixes) == 2
