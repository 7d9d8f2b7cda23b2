"""概览 says what to do today: 今日待办 with the ladder's step (a click does it), red / amber /
green per item and per unit, 归档 for closed notices, and an empty workspace's next step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import open_main_window
from tracker.domain.ladder import Step
from tracker.domain.status import Status
from tracker.domain.today import Light
from tracker.services.bundle import Services
from tracker.ui.dashboard.models import LIGHT_ROLE, ProgressModel
from tracker.ui.dashboard.todo import TodoModel
from tracker.ui.dialogs.obligation_actions import RemindDialog


def _click(qtbot, view, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_today_lists_the_ladders_steps_and_a_click_does_one(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    dash = main_window.dashboard
    items = dash.todo.rows
    assert items and all(i.obligation_ids for i in items)
    order = [Step.BULLETIN, Step.LETTER, Step.PHONE, None, Step.QUEUED]
    ranks = [order.index(i.step) for i in items]
    assert ranks == sorted(ranks)  # 列入通报, 发催报函, 电话催报, due soon, then 生成通报
    phone = next(r for r, i in enumerate(items) if i.step in (Step.PHONE, None))
    wanted = items[phone].obligation_ids
    _click(qtbot, dash.views["todo"], phone, TodoModel.COL_ACTION)
    dialog = main_window.features.forms.dialog
    assert isinstance(dialog, RemindDialog) and dialog.method.currentText() == "电话"
    assert dialog.obligation_ids == list(wanted)
    dialog.reject()


def test_items_and_units_are_red_amber_or_green(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    dash = main_window.dashboard
    lights = dash.board.requirement_lights
    for r, item in enumerate(dash.progress.rows):
        colour = dash.progress.index(r, ProgressModel.COL_PROGRESS).data(LIGHT_ROLE)
        assert colour == lights[item.requirement_id].colour
        if item.tally[Status.OVERDUE] or item.tally[Status.PARTIAL]:
            assert lights[item.requirement_id] is Light.RED
    units = dash.unit_lights.rows
    assert units[0].light is Light.RED and units[0].late > 0
    assert {u.light for u in units} >= {Light.RED, Light.GREEN}


def test_a_closed_notice_can_be_archived_out_of_the_unfinished_view(
    qtbot, main_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    dash = main_window.dashboard
    item = next(p for p in dash.progress.rows if p.tally.open)
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=20_000):
        dash.archiveRequested.emit(item.notice_id, True)
    assert item.notice_id not in {p.notice_id for p in dash.progress.rows}
    assert not [t for t in dash.todo.rows if t.requirement_id == item.requirement_id]
    assert "归档通知" in demo_services.audit.entries()[0].summary
    dash.open_only.setChecked(False)
    assert item.notice_id in {p.notice_id for p in dash.progress.rows}  # still there, greyed
    with qtbot.waitSignal(main_window.ctx.snapshots.loaded, timeout=20_000):
        dash.archiveRequested.emit(item.notice_id, False)
    assert item.notice_id not in demo_services.archive.archived()


def test_an_empty_workspace_shows_the_next_step(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    with Services.open(tmp_path / "新台账") as sv:
        window = open_main_window(qtbot, sv)
        dash = window.dashboard
        assert dash.pages.currentWidget() is dash.guide
        assert dash.guide.text.text().startswith("第一步：导入单位名录")
        asked: list[str] = []
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *a, **k: asked.append("x") or ("", "")
        )
        dash.guide.units_button.click()
        assert window.current_section() == "units" and asked == ["x"]
        from tracker.domain.records import UnitSpec

        with qtbot.waitSignal(window.ctx.snapshots.loaded, timeout=20_000):
            sv.units.save(UnitSpec("和平区市场监管局", "区局"))
        assert dash.guide.text.text().startswith("下一步：新建通知")
        assert dash.guide.notices_button.isVisibleTo(dash.guide)
        window.close()


def test_the_demo_has_closed_the_notices_of_past_years_and_nothing_of_them_is_chased(
    qtbot, main_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    """As of 2023-12-01 the 2021 notices are 归档: out of 今日待办, no 建议 in the grid (still
    rows of the ledger); the 2023 one is open."""
    archived = demo_services.archive.archived()
    by_number = {n.doc_number: n.id for n in demo_services.notices.list_notices()}
    old = {i for number, i in by_number.items() if "〔2021〕" in number}
    assert old and archived == old
    assert by_number["津市场监管标准〔2023〕14号"] not in archived
    snapshot = main_window.ctx.snapshots.current
    old_rows = [r for r in snapshot.rows if r.notice_id in old]
    assert any(r.status.needs_action for r in old_rows)  # still late in the ledger …
    assert not any(r.obligation_id in snapshot.suggestions for r in old_rows)  # … not chased
    assert all(t.notice_id not in old for t in main_window.dashboard.todo.rows)
    assert any(s.step.is_action for s in snapshot.suggestions.values())


def test_the_count_of_a_bulletin_line_opens_its_notice_with_the_listed_units_selected(
    qtbot, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    """A 生成通报 line's 家数 are the units on the list; its notice's overdue rows open in the
    grid (the grid has no "listed" filter) with exactly those units selected."""
    from collections import Counter

    overdue = [r for r in demo_services.ledger.rows() if r.status is Status.OVERDUE]
    notice, _ = Counter(r.notice_id for r in overdue).most_common(1)[0]
    listed = {r.obligation_id for r in overdue if r.notice_id == notice}
    listed = set(sorted(listed)[:2])
    demo_services.bulletins.queue(listed)
    window = open_main_window(qtbot, demo_services)
    dash = window.dashboard
    items = dash.todo.rows
    queued = next(r for r, i in enumerate(items) if i.step is Step.QUEUED)
    assert set(items[queued].obligation_ids) == listed
    _click(qtbot, dash.views["todo"], queued, TodoModel.COL_COUNT)
    grid = window.ledger_page
    assert window.current_section() == "ledger"
    shown = {r.obligation_id for r in grid.visible_rows()}
    assert listed < shown  # the notice's other overdue rows too
    assert set(grid.selected_obligation_ids()) == listed
    assert dash.todo.index(queued, TodoModel.COL_COUNT).data() == "2"
    window.close()
