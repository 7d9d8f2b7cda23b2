"""Two clerks on one ledger (SQLite file or PostgreSQL server): no lost update, ever.

Each clerk is a separate Services (its own engine and connections), as two desktops are.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.safety.helpers import REPO, child_env
from tracker.domain.errors import ConflictError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services


@pytest.fixture
def clerks(
    tianjin_units: Services, workspace_dir: Path, db_url: str | None
) -> Iterator[tuple[Services, Services, int]]:
    spec = NoticeSpec(
        title="关于报送年度标准化工作总结的通知",
        requirements=(
            RequirementSpec("年度总结", date(2023, 11, 10), Form.ELECTRONIC | Form.SEAL, ("区局",)),
        ),
    )
    tianjin_units.notices.create(spec)
    oid = tianjin_units.ledger.find_obligation("和平局", "年度总结")
    with Services.open(workspace_dir, db_url) as other:
        yield tianjin_units, other, oid


def test_an_edit_from_a_stale_screen_is_refused(clerks: tuple[Services, Services, int]) -> None:
    a, b, oid = clerks
    seen_by_a = a.ledger.row(oid)
    seen_by_b = b.ledger.row(oid)
    a.ledger.exempt([oid], "已并入市局材料", expected={oid: seen_by_a.version})
    with pytest.raises(ConflictError, match="已被他人修改"):
        b.ledger.extend(
            [oid], date(2023, 12, 20), "材料需补盖公章", expected={oid: seen_by_b.version}
        )
    row = b.ledger.row(oid)
    assert row.exempt_reason == "已并入市局材料" and row.extended_to is None  # A's edit stands
    b.ledger.extend([oid], date(2023, 12, 20), "材料需补盖公章", expected={oid: row.version})
    assert a.ledger.row(oid).extended_to == date(2023, 12, 20)


def test_a_registration_makes_a_stale_exemption_fail(
    clerks: tuple[Services, Services, int],
) -> None:
    a, b, oid = clerks
    seen_by_b = b.ledger.row(oid)
    a.ledger.register(oid, Form.ELECTRONIC, date(2023, 11, 9))
    with pytest.raises(ConflictError, match="已被他人修改"):
        b.ledger.exempt([oid], "未收到材料", expected={oid: seen_by_b.version})
    assert a.ledger.row(oid).exempt_reason is None
    assert [e.action for e in a.audit.entries()][:1] == ["submission.create"]


def test_a_batch_with_one_stale_obligation_changes_none(
    clerks: tuple[Services, Services, int],
) -> None:
    a, b, oid = clerks
    rows = b.ledger.rows()
    a.ledger.register(oid, Form.ELECTRONIC)
    expected = {r.obligation_id: r.version for r in rows}
    with pytest.raises(ConflictError):
        b.ledger.exempt(list(expected), "统一免报", expected=expected)
    assert all(r.exempt_reason is None for r in a.ledger.rows())


def test_clerks_editing_at_the_same_moment_lose_nothing(
    clerks: tuple[Services, Services, int],
) -> None:
    """Both clerks hammer one obligation: every edit either lands (and is in the audit log,
    in order) or is refused with 已被他人修改; registrations all land."""
    a, b, oid = clerks
    start = threading.Barrier(2)
    outcome: dict[str, list[str]] = {"甲": [], "乙": []}
    errors: list[BaseException] = []

    def clerk(sv: Services, name: str) -> None:
        try:
            start.wait()
            for i in range(12):
                sv.ledger.register(oid, Form.ELECTRONIC, note=f"{name}{i}")
                seen = sv.ledger.row(oid)
                try:
                    sv.ledger.extend(
                        [oid], date(2023, 12, 1 + i), f"{name}{i}", expected={oid: seen.version}
                    )
                    outcome[name].append(f"{name}{i}")
                except ConflictError as exc:
                    assert "已被他人修改" in str(exc)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=(sv, n)) for sv, n in ((a, "甲"), (b, "乙"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert outcome["甲"] or outcome["乙"]
    landed = outcome["甲"] + outcome["乙"]
    extends = [e for e in a.audit.entries() if e.action == "obligation.extend"]
    assert sorted(e.summary.rsplit("（", 1)[1].rstrip("）") for e in extends) == sorted(landed)
    final = a.ledger.row(oid)
    assert final.extension_reason == extends[0].summary.rsplit("（", 1)[1].rstrip("）")
    notes = sorted(s.note for s in a.ledger.submissions(oid))
    assert notes == sorted(f"{n}{i}" for n in "甲乙" for i in range(12))
    assert final.version == 1 + 24 + len(landed)  # every write moved the version once


REGISTER = """
import sys
from tracker.domain.forms import Form
from tracker.services.bundle import Services
sv = Services.open(sys.argv[1], sys.argv[2] or None)
for i in range(int(sys.argv[4])):
    sv.ledger.register(int(sys.argv[3]), Form.PAPER, note=f"{sys.argv[5]}{i}")
    print(i, flush=True)
"""


def test_two_processes_register_on_the_same_ledger(
    clerks: tuple[Services, Services, int], workspace_dir: Path, db_url: str | None
) -> None:
    a, _b, oid = clerks
    args = [str(workspace_dir), db_url or "", str(oid), "25"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", REGISTER, *args, name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=REPO,
        )
        for name in ("甲", "乙")
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert len(out.split()) == 25
    notes = sorted(s.note for s in a.ledger.submissions(oid))
    assert notes == sorted(f"{n}{i}" for n in "甲乙" for i in range(25))
