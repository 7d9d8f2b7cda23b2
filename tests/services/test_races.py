"""Two clerks at the same instant (SQLite and PostgreSQL): the same 文号, the year's first
letter, the same new roster — never an IntegrityError, never two notices with one 文号.

Each clerk is a separate Services (its own engine). A barrier holds the first clerk just before
the write that could collide until the second one has got that far too (or 2 s have passed:
on SQLite the second waits for the write lock instead, which is the point of BEGIN IMMEDIATE).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.safety.bad_files import roster
from tests.safety.helpers import REPO, child_env
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.letter_request import LetterRequest
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services


@pytest.fixture
def second(tianjin_units: Services, workspace_dir: Path, db_url: str | None) -> Iterator[Services]:
    with Services.open(workspace_dir, db_url) as other:
        yield other


def together(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, after: bool = False) -> None:
    """``owner.name`` waits (once per thread) until both threads reach it."""
    real = getattr(owner, name)
    barrier = threading.Barrier(2)
    seen = threading.local()

    def meet() -> None:
        if not getattr(seen, "met", False):
            seen.met = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=2)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not after:
            meet()
        result = real(*args, **kwargs)
        if after:
            meet()
        return result

    monkeypatch.setattr(owner, name, wrapped)


def at_once(*work: Callable[[], object]) -> list[object]:
    """Each callable in its own thread; what each returned or raised."""
    results: list[object] = [None] * len(work)

    def run(i: int, fn: Callable[[], object]) -> None:
        try:
            results[i] = fn()
        except BaseException as exc:  # the test looks at it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _notice(doc: str) -> NoticeSpec:
    req = RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",))
    return NoticeSpec("关于报送总结的通知", doc_number=doc, requirements=(req,))


def test_the_same_doc_number_at_the_same_instant_is_stored_once(
    tianjin_units: Services, second: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import notices

    together(monkeypatch, notices, "validate_notice", after=True)  # both checked, then insert
    doc = "津市场监管标准〔2023〕14号"
    results = at_once(
        lambda: tianjin_units.notices.create(_notice(doc)),
        lambda: second.notices.create(_notice(doc)),
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) == 1, results
    assert isinstance(failures[0], ValidationError) and "已存在" in str(failures[0])
    assert [n.doc_number for n in tianjin_units.notices.list_notices()] == [doc]


def test_the_database_itself_refuses_a_second_notice_with_one_doc_number(
    tianjin_units: Services,
) -> None:
    from sqlalchemy.exc import IntegrityError

    from tracker.store.models import Notice
    from tracker.store.time import now

    tianjin_units.notices.create(_notice("津标〔2023〕1号"))
    with pytest.raises(IntegrityError), tianjin_units.ws.transaction() as s:
        s.add(Notice(doc_number="津标〔2023〕1号", title="另一个", created_at=now()))
    with tianjin_units.ws.transaction() as s:  # notices without 文号 are many
        s.add_all(Notice(doc_number="", title=f"无文号{i}", created_at=now()) for i in range(3))


def test_the_years_first_letter_issued_by_two_clerks_at_once(
    tianjin_units: Services, second: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import letters

    tianjin_units.settings.update_office(
        office_name="标准化处", sender_name="市场监管委", letter_prefix="津标函"
    )
    tianjin_units.notices.create(_notice("津标〔2023〕2号"))
    units = {r.unit_name: r.unit_id for r in tianjin_units.ledger.rows()}
    together(monkeypatch, letters, "next_numbers")  # both inside their transactions, no row yet

    def issue(sv: Services, unit: str) -> Any:
        return sv.letters.issue(LetterRequest(as_of=date(2023, 12, 1), unit_ids=(units[unit],)))

    results = at_once(
        lambda: issue(tianjin_units, "和平区市场监管局"),
        lambda: issue(second, "河西区市场监管局"),
    )
    assert not [r for r in results if isinstance(r, BaseException)], results
    numbers = sorted(x.number for x in tianjin_units.letters.issued())
    assert numbers == ["津标函〔2023〕1号", "津标函〔2023〕2号"]


def test_the_same_new_roster_imported_by_two_clerks_at_once(
    tianjin_units: Services, second: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services.unit_import import RosterImport

    path = roster(
        tmp_path / "名录.xlsx", ("红桥区市场监管局", "区局"), ("河北区市场监管局", "区局")
    )
    together(monkeypatch, RosterImport, "_plan", after=True)
    results = at_once(lambda: tianjin_units.roster.apply(path), lambda: second.roster.apply(path))
    assert not [r for r in results if isinstance(r, BaseException)], results
    summaries = sorted(plan.summary for plan, _ in results)  # type: ignore[misc]
    assert summaries == ["新增0个、更新0个、不变2个单位", "新增2个、更新0个、不变0个单位"]
    names = [u.name for u in tianjin_units.units.list_units()]
    assert names.count("红桥区市场监管局") == 1


def test_a_lost_race_is_run_again_and_a_persistent_one_is_one_sentence(
    tianjin_units: Services,
) -> None:
    from sqlalchemy.exc import IntegrityError

    from tracker.services.failures import known_failure

    class Unique(Exception):
        sqlstate = "23505"

    runs: list[int] = []

    def flaky() -> str:
        runs.append(1)
        if len(runs) < 3:
            raise IntegrityError("INSERT", {}, Unique("duplicate key"))
        return "done"

    assert tianjin_units.ws.retrying(flaky) == "done" and len(runs) == 3
    always = IntegrityError("INSERT", {}, Unique("duplicate key"))
    with pytest.raises(IntegrityError):
        tianjin_units.ws.retrying(lambda: (_ for _ in ()).throw(always))
    said = known_failure(always)
    assert isinstance(said, TrackerError) and "另一位同事" in str(said)


ROSTER_CHILD = """
import sys
from pathlib import Path
from tracker.services.bundle import Services
url = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
with Services.open(Path(sys.argv[1]), url) as sv:
    plan, _ = sv.roster.apply(Path(sys.argv[3]))
    print(plan.summary)
"""


@pytest.mark.slow
def test_two_processes_importing_the_same_roster_again_and_again(
    tianjin_units: Services, workspace_dir: Path, db_url: str | None, tmp_path: Path
) -> None:
    for round_ in range(3):
        path = roster(tmp_path / f"r{round_}.xlsx",
                      *[(f"第{round_}批单位{i}", "区局") for i in range(20)])  # fmt: skip
        cmd = [sys.executable, "-c", ROSTER_CHILD, str(workspace_dir), db_url or "", str(path)]
        pipe = subprocess.PIPE
        children = [
            subprocess.Popen(cmd, stdout=pipe, stderr=pipe, text=True, env=child_env(), cwd=REPO)
            for _ in range(2)
        ]
        outs = [c.communicate(timeout=120) for c in children]
        assert [c.returncode for c in children] == [0, 0], outs
        assert sorted(o for o, _ in outs) == [
            "新增0个、更新0个、不变20个单位\n",
            "新增20个、更新0个、不变0个单位\n",
        ]
    names = [u.name for u in tianjin_units.units.list_units()]
    assert len(names) == len(set(names)) == 5 + 60
