"""The grid over a real 100,000-obligation workspace (made by bulk inserts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.bulk import make_big_workspace
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.ui.context import AppContext
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.ledger.model import COL_DEADLINE
from tracker.ui.ledger.page import LedgerPage
from tracker.ui.snapshot import load_snapshot

pytestmark = pytest.mark.slow


def test_grid_filters_and_searches_100k_rows(qtbot, tmp_path: Path) -> None:
    big = make_big_workspace(tmp_path / "大台账")
    assert big.obligations == 100_000
    with Services.open(big.folder) as services:
        snapshot = load_snapshot(services, services.ledger.rows()[0].as_of)
    page = LedgerPage(AppContext("big"))
    qtbot.addWidget(page)
    page.show()
    page.on_snapshot(snapshot)
    assert page.proxy.rowCount() == 100_000

    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    expected = sum(r.status is Status.OVERDUE for r in snapshot.rows)
    assert page.proxy.rowCount() == expected > 0
    assert page.proxy.index(0, 0).data() is not None

    page.apply_filter(LedgerFilter(text="hp"))  # pinyin initials of 和平区市场监管局
    assert page.proxy.rowCount() == big.requirements
    assert {r.unit_name for r in page.visible_rows()} == {"和平区市场监管局"}
    page.apply_filter(LedgerFilter(text="和平局"))  # its alias
    assert page.proxy.rowCount() == big.requirements

    page.apply_filter(LedgerFilter())
    page.view.sortByColumn(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
    first = page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row())
    assert first.deadline == max(r.deadline for r in snapshot.rows)
    page.view.selectAll()
    assert len(page.selected_obligation_ids()) == 100_000
