"""A big workspace built fast with bulk inserts (not through the services one by one).

250 units × 150 requirements (30 notices of 5) = 37,500 obligations, with a realistic mix of
submissions, reminders, extensions and exemptions drawn from a fixed seed.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from tracker.domain.records import DEFAULT_CATEGORIES
from tracker.services.bundle import Services
from tracker.store.models import Notice, Obligation, Reminder, Requirement, Submission, Unit

AS_OF = date(2023, 12, 1)
_DISTRICTS = ("和平", "河东", "河西", "南开", "河北", "红桥", "东丽", "西青", "津南", "北辰")


def _units(count: int) -> list[dict[str, Any]]:
    now = datetime(2023, 1, 1)
    rows = []
    for i in range(count):
        category = DEFAULT_CATEGORIES[i % len(DEFAULT_CATEGORIES)]
        name = f"{_DISTRICTS[i % len(_DISTRICTS)]}第{i + 1}标准化单位（{category}）"
        rows.append(
            {"id": i + 1, "name": name, "category": category, "sort_order": i, "created_at": now}
        )
    return rows


def _notices(notices: int, per_notice: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    now = datetime(2023, 1, 1)
    ns, reqs = [], []
    for n in range(notices):
        issued = date(2023, 1, 5) + timedelta(days=10 * n)
        ns.append(
            {
                "id": n + 1,
                "doc_number": f"津市场监管标准〔2023〕{n + 1}号",
                "title": f"关于报送2023年第{n + 1}批标准化工作材料的通知",
                "issued_on": issued,
                "created_at": now,
            }
        )
        for k in range(per_notice):
            reqs.append(
                {
                    "id": n * per_notice + k + 1,
                    "notice_id": n + 1,
                    "position": k,
                    "title": f"第{n + 1}批材料之{k + 1}：工作总结与佐证",
                    "deadline": issued + timedelta(days=20 + 5 * k),
                    "forms": 1 | 2 | 4,
                    "categories": "、".join(DEFAULT_CATEGORIES),
                }
            )
    return ns, reqs


def _ledger(
    rng: random.Random, units: int, reqs: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], ...]:
    obligations, submissions, reminders = [], [], []
    now = datetime(2023, 1, 1)
    for req in reqs:
        for u in range(1, units + 1):
            oid = len(obligations) + 1
            roll = rng.random()
            ob = {"id": oid, "requirement_id": req["id"], "unit_id": u}
            if roll < 0.03:
                ob["exempt_reason"] = "本年度无相关业务"
            elif roll < 0.08:
                ob["extended_to"] = req["deadline"] + timedelta(days=10)
                ob["extension_reason"] = "材料需补充盖章"
            obligations.append(ob)
            offset = rng.randint(-12, 15)
            received = min(req["deadline"] + timedelta(days=offset), AS_OF)
            if roll > 0.2:
                forms = 7 if roll > 0.35 else 1
                submissions.append(
                    {
                        "obligation_id": oid,
                        "received_on": received,
                        "channel": "邮件",
                        "forms": forms,
                        "created_at": now,
                    }
                )
            if roll < 0.3:
                reminders.append(
                    {
                        "obligation_id": oid,
                        "reminded_on": min(req["deadline"] + timedelta(days=3), AS_OF),
                        "method": "电话",
                        "created_at": now,
                    }
                )
    return obligations, submissions, reminders


def build(path: Path, units: int = 250, notices: int = 30, per_notice: int = 5) -> Services:
    """A fresh workspace at ``path`` with ``units`` × ``notices * per_notice`` obligations."""
    sv = Services.open(path)
    rng = random.Random(20231201)
    unit_rows = _units(units)
    notice_rows, req_rows = _notices(notices, per_notice)
    obligations, submissions, reminders = _ledger(rng, units, req_rows)
    with sv.ws.transaction() as s:
        for model, rows in (
            (Unit, unit_rows),
            (Notice, notice_rows),
            (Requirement, req_rows),
            (Obligation, obligations),
            (Submission, submissions),
            (Reminder, reminders),
        ):
            s.execute(insert(model), _complete(model, rows))
    return sv


def _complete(model: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """executemany needs every row to carry the same keys."""
    keys = {k for row in rows for k in row}
    defaults = {
        "exempt_reason": None,
        "extended_to": None,
        "extension_reason": "",
    }
    return [{k: row.get(k, defaults.get(k)) for k in keys} for row in rows]
