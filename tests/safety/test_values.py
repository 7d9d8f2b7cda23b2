"""Values out of range, typed by a person anywhere (command line, services the dialogs call,
roster cells, old-ledger cells, settings): each refused in one Chinese sentence before anything
is written — on SQLite and on PostgreSQL, whose INTEGER and VARCHAR limits SQLite ignores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.safety.bad_files import workbook
from tracker.cli import main
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import NoticeSpec, ReminderMethod, RequirementSpec, UnitSpec
from tracker.domain.workdays import DayOverride
from tracker.services.bundle import Services

pytestmark = pytest.mark.both_databases
FAR = date(9999, 12, 31)


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    tianjin_units.notices.create(
        NoticeSpec(
            "通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),),
        )
    )
    return tianjin_units


def _state(sv: Services) -> tuple[object, ...]:
    return tuple(sv.units.list_units()), tuple(sv.ledger.rows()), len(sv.audit.entries())


@pytest.fixture
def run(
    ledger: Services, workspace_dir: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
):  # type: ignore[no-untyped-def]
    where = ["--db-url", db_url] if db_url else ["--workspace", str(workspace_dir)]

    def _run(*argv: str) -> tuple[int, str]:
        code = main([*where, *argv])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return code, err

    return _run


@pytest.mark.parametrize("order", ["1e30", "inf", "-inf", "nan", "2147483648", "-10000000", "1.5"])
def test_a_roster_order_out_of_range_is_refused(
    ledger: Services, tmp_path: Path, order: str
) -> None:
    path = workbook(tmp_path / "r.xlsx", [("单位名称", "类别", "排序"), ("新单位", "区局", order)])
    before = _state(ledger)
    with pytest.raises(ValidationError, match="排序"):
        ledger.roster.apply(path)
    assert _state(ledger) == before


def test_a_unit_order_past_postgresql_integer_is_refused(ledger: Services) -> None:
    for order in (2**31, -(2**31) - 1, 10**30):
        with pytest.raises(ValidationError, match="排序"):
            ledger.units.save(UnitSpec("新单位", "区局", sort_order=order))
    assert ledger.units.resolve("和平局").sort_order == 0


def test_dates_outside_2000_to_2100_are_refused_by_every_service(ledger: Services) -> None:
    oid = ledger.ledger.rows()[0].obligation_id
    before = _state(ledger)
    attempts = [
        lambda: ledger.ledger.extend([oid], FAR, "延到天荒地老"),
        lambda: ledger.ledger.register(oid, Form.ELECTRONIC, date(1999, 12, 31)),
        lambda: ledger.ledger.remind([oid], ReminderMethod.PHONE, date(1900, 1, 1)),
        lambda: ledger.ledger.rows(LedgerQuery(as_of=FAR)),
        lambda: ledger.notices.create(
            NoticeSpec(
                "新通知",
                requirements=(RequirementSpec("x", date(2101, 1, 1), Form.ELECTRONIC, ("区局",)),),
            )
        ),
        lambda: ledger.calendar.set_year(0, []),
        lambda: ledger.calendar.days(10000),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="年份"):
            attempt()
    assert _state(ledger) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("extend", "和平局", "总结", "--to", "9999-12-31", "--reason", "r"),
        ("status", "--as-of", "9999-12-31"),
        ("due-soon", "--within", "1000000"),
        ("holidays", "0"),
        ("log", "--limit", "-1"),
        ("register", "和平局", "总结", "--forms", "电子版", "--date", "1900-01-01"),
    ],
)
def test_the_command_line_refuses_out_of_range_values_before_opening(
    run, argv: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    code, err = run(*argv)
    assert code == 2 and "参数错误" in err and ("不合理" in err or "超出范围" in err)


def test_an_invalid_tracker_today_is_one_sentence(run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    for value in ("garbage", "1900-01-01", "2023-02-30"):
        monkeypatch.setenv("TRACKER_TODAY", value)
        code, err = run("status")
        assert code == 1 and "TRACKER_TODAY" in err and len(err.strip().splitlines()) == 1


def test_a_database_url_that_cannot_work_is_one_sentence(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = port_that_refuses()
    for url, words in (("foo", "无法识别"), ("mysql://x@y/z", "未安装"), (refused, "无法连接")):
        assert main(["--db-url", url, "status"]) == 1
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def port_that_refuses() -> str:
    import socket

    with socket.socket() as probe:  # bound and closed again: nothing listens there now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://nobody@127.0.0.1:{port}/x"


def test_letter_prefixes_and_numbers_that_would_break_or_overflow_are_refused(
    ledger: Services,
    run,  # type: ignore[no-untyped-def]
) -> None:
    for prefix, words in (("津标函〔2023〕", "不能含有"), ("函" * 150, "过长")):
        with pytest.raises(ValidationError, match=words):
            ledger.settings.update_office(office_name="标准化处", letter_prefix=prefix)
    oid = ledger.ledger.rows()[0].obligation_id
    with pytest.raises(ValidationError, match="函号过长"):
        ledger.ledger.remind([oid], ReminderMethod.LETTER, letter_number="号" * 500)
    code, err = run("remind", "和平局", "总结", "--method", "函", "--letter-number", "号" * 500)
    assert code == 1 and "函号过长" in err
    with pytest.raises(ValidationError, match="类别名称过长"):
        ledger.units.add_category("类" * 60)
    with pytest.raises(ValidationError, match="节假日名称过长"):
        ledger.calendar.set_year(2027, [DayOverride(date(2027, 1, 1), False, "节" * 60)])
    assert ledger.ledger.reminders() == []


def test_a_prefix_stored_with_brackets_by_an_older_version_stops_letters_plainly(
    ledger: Services,
) -> None:
    import json

    from tracker.domain.letter_request import LetterRequest
    from tracker.store.models import Setting

    office = {**ledger.settings.office().to_dict(), "office_name": "标准化处",
              "sender_name": "市场监管委", "letter_prefix": "津标函〔"}  # fmt: skip
    with ledger.ws.transaction() as s:
        s.merge(Setting(key="office", value=json.dumps(office, ensure_ascii=False)))
    with pytest.raises(TrackerError, match="不能含有〔"):
        ledger.letters.issue(LetterRequest(as_of=date(2023, 12, 1)))
    assert ledger.letters.issued() == []


def test_an_excel_date_out_of_range_in_an_old_ledger_is_named_not_registered(
    ledger: Services, tmp_path: Path
) -> None:
    from datetime import datetime

    from tracker.domain.ledger_map import ColumnMap, LedgerMapping

    path = workbook(
        tmp_path / "台账.xlsx", [("单位名称", "总结"), ("和平局", datetime(9999, 12, 31))]
    )
    req = ledger.notices.resolve_requirement("总结").id
    plan = ledger.ledger_import.preview(
        path, LedgerMapping(None, 1, 1, (ColumnMap(2, req, Form.ELECTRONIC),))
    )
    assert any("B2" in p for p in plan.problems)
    assert plan.writes == 0


def test_a_notice_with_thousands_of_requirements_is_refused_at_once(
    ledger: Services, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """20,000 requirements in one notice file wrote for over an hour (one flush each)."""
    import time

    item = '[[requirements]]\ntitle = "事项{i}"\ndeadline = 2023-06-27\nforms = ["电子版"]\n'
    body = "".join(item.format(i=i) + 'categories = ["区局"]\n' for i in range(20_000))
    path = tmp_path / "通知.toml"
    path.write_text(f'[notice]\ntitle = "多"\nissued = 2023-06-01\n{body}', encoding="utf-8")
    before = _state(ledger)
    started = time.perf_counter()
    code, err = run("notice", "add", str(path))
    assert code != 0 and "报送事项过多（20,000项，最多200项）" in err
    assert time.perf_counter() - started < 20
    day = date(2023, 6, 27)
    reqs = tuple(RequirementSpec(f"事项{i}", day, Form.ELECTRONIC, ("区局",)) for i in range(201))
    with pytest.raises(ValidationError) as too_many:
        ledger.notices.create(NoticeSpec("多", requirements=reqs))
    assert "最多200项" in " ".join(too_many.value.problems)
    assert _state(ledger) == before
