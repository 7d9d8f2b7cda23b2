"""Small helpers for the UI tests."""

from __future__ import annotations

from tracker.services.bundle import Services


def oid(sv: Services, unit: str, req: str = "阶段性总结") -> int:
    return sv.ledger.find_obligation(unit, req)
