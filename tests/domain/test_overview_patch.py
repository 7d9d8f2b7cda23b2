"""The dashboard patched after a few writes equals the dashboard computed from every row."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.overview import build_overview
from tracker.domain.overview_patch import patch_overview
from tracker.domain.records import ReminderMethod
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.services.demo import build_demo

AS_OF = date(2023, 12, 1)


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services)
    return services


def _write(sv: Services, rng: random.Random, oid: int) -> None:
    """One of the writes that announce the obligations they touched."""
    row = sv.ledger.row(oid, AS_OF)
    kind = rng.choice(["register", "partial", "exempt", "extend", "unexempt", "remind"])
    if kind == "register" and row.status is not Status.EXEMPT:
        sv.ledger.register(oid, row.required_forms, AS_OF - timedelta(days=rng.randint(0, 400)))
    elif kind == "partial" and row.missing_forms:
        first = next(iter(row.missing_forms))
        sv.ledger.register(oid, first, AS_OF)
    elif kind == "exempt" and row.exempt_reason is None:
        sv.ledger.exempt([oid], "并入市级总结")
    elif kind == "extend" and row.exempt_reason is None:
        sv.ledger.extend([oid], row.deadline + timedelta(days=rng.randint(1, 20)), "单位申请")
    elif kind == "unexempt" and row.exempt_reason is not None:
        sv.ledger.unexempt([oid])
    else:
        sv.ledger.remind([oid], ReminderMethod.PHONE, AS_OF)


@pytest.mark.parametrize("seed", range(4))
def test_patched_overview_equals_the_full_one(demo: Services, seed: int) -> None:
    rng = random.Random(seed)
    cal, categories = demo.calendar.work_calendar(), demo.units.categories()
    query = LedgerQuery(as_of=AS_OF)
    rows = demo.ledger.rows(query)
    overview = build_overview(rows, AS_OF, cal, categories)
    for _round in range(6):
        chosen = rng.sample(range(len(rows)), rng.randint(1, 4))
        for i in chosen:
            _write(demo, rng, rows[i].obligation_id)
        fresh = demo.ledger.rows(query)
        overview = patch_overview(
            overview,
            [rows[i] for i in chosen],
            [fresh[i] for i in chosen],
            lambda req, now=fresh: [r for r in now if r.requirement_id == req],
            cal,
        )
        rows = fresh
        assert overview == build_overview(rows, AS_OF, cal, categories)
