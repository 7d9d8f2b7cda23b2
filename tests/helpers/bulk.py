"""A big real workspace, fast: schema by the services, rows by bulk inserts (not one by one).

Used by the 100k-row UI test and by tests/benchmarks. Deterministic (fixed random seed).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from tracker.domain.forms import Form
from tracker.services.bundle import Services
from tracker.store.models import (
    Notice,
    Obligation,
    Reminder,
    Requirement,
    Submission,
    Unit,
    UnitAlias,
)

CATEGORIES = ("区局", "委办局", "标委会", "技术机构", "协会")
REQUIRED = Form.ELECTRONIC | Form.PAPER | Form.SEAL


@dataclass(frozen=True)
class BigWorkspace:
    folder: Path
    units: int
    requirements: int
    obligations: int


def _units(n: int) -> list[dict[str, object]]:
    now = datetime(2020, 1, 1)

    def unit(i: int, name: str, short: str, category: str) -> dict[str, object]:
        return {
            "id": i, "name": name, "short_name": short, "category": category,
            "sort_order": 0 if i == 1 else i, "created_at": now, "active": True,
            "version": 1, "contact_person": "", "phone": "", "email": "", "address": "",
        }  # fmt: skip

    rows = [unit(1, "和平区市场监管局", "和平区", "区局")]
    rows += [
        unit(i, f"测试单位{i:04d}", f"单位{i:04d}", CATEGORIES[i % len(CATEGORIES)])
        for i in range(2, n + 1)
    ]
    return rows


def make_big_workspace(
    folder: Path, *, units: int = 500, requirements: int = 200, years: int = 5, seed: int = 7
) -> BigWorkspace:
    """``units`` × ``requirements`` obligations spread over ``years`` years ending 2023."""
    rng = random.Random(seed)
    with Services.open(folder) as sv, sv.ws.engine.begin() as conn:
        conn.execute(insert(Unit), _units(units))
        conn.execute(insert(UnitAlias), [{"unit_id": 1, "alias": "和平局"}])
        per_year = max(requirements // years, 1)
        notices, reqs = [], []
        for k in range(requirements):
            year = 2023 - years + 1 + k // per_year if k // per_year < years else 2023
            if k % 2 == 0:
                notices.append(
                    {
                        "id": len(notices) + 1,
                        "doc_number": f"津标〔{year}〕{k}号",
                        "title": f"关于报送{year}年第{k}项材料的通知",
                        "issuer": "",
                        "issued_on": date(year, 1, 1) + timedelta(days=k % 300),
                        "theme": "",
                        "body_note": "",
                        "created_at": datetime(year, 1, 1),
                        "version": 1,
                    }
                )
            deadline = date(year, 1, 20) + timedelta(days=(k * 37) % 330)
            reqs.append(
                {
                    "id": k + 1,
                    "notice_id": len(notices),
                    "position": k % 2,
                    "title": f"报送事项{k}",
                    "deadline": deadline,
                    "forms": int(REQUIRED),
                    "categories": "",
                    "note": "",
                }
            )
        conn.execute(insert(Notice), notices)
        conn.execute(insert(Requirement), reqs)
        obligations, subs, reminders = [], [], []
        for req in reqs:
            for unit in range(1, units + 1):
                oid = len(obligations) + 1
                obligations.append(
                    {
                        "id": oid,
                        "requirement_id": req["id"],
                        "unit_id": unit,
                        "extension_reason": "",
                        "note": "",
                        "version": 1,
                    }
                )
                roll = rng.random()
                due: date = req["deadline"]  # type: ignore[assignment]
                if roll < 0.75:
                    day = due + timedelta(days=rng.randint(-6, 4))
                    forms = REQUIRED if roll < 0.65 else Form.ELECTRONIC
                    subs.append(
                        {
                            "obligation_id": oid,
                            "received_on": day,
                            "channel": "邮件",
                            "forms": int(forms),
                            "note": "",
                            "created_at": datetime(2023, 1, 1),
                            "created_by": "bulk",
                        }
                    )
                elif roll < 0.85:
                    reminders.append(
                        {
                            "obligation_id": oid,
                            "reminded_on": due + timedelta(days=2),
                            "method": "电话",
                            "letter_number": "",
                            "note": "",
                            "created_at": datetime(2023, 1, 1),
                        }
                    )
        conn.execute(insert(Obligation), obligations)
        conn.execute(insert(Submission), subs)
        conn.execute(insert(Reminder), reminders)
    return BigWorkspace(folder, units, requirements, len(obligations))
