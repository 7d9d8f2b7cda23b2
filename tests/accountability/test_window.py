"""The window's parts of issue 15 on the hand-counted scenario: the 排名 section, a unit's
history (from 排名 and from 单位名录), 催报 ▸ 生成通报…, 列入下次通报, the 通报 settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from tests.accountability.scenario import AS_OF, NOTICE_A
from tests.ui.conftest import open_main_window
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.ui.common.table import ROW_ROLE
from tracker.ui.common.worker import wait_all
from tracker.ui.ledger.filtering import LedgerFilter


@pytest.fixture
def window(qtbot, office_scenario: Services):  # type: ignore[no-untyped-def]
    window = open_main_window(qtbot, office_scenario)
    window.ctx.set_as_of(AS_OF)
    yield window
    window.close()
    wait_all()


def action(window, text: str) -> QAction:  # type: ignore[no-untyped-def]
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def ranking_page(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_section("ranking")
    page = window.section_widget("ranking")
    qtbot.waitUntil(lambda: page.ranking is not None and len(page.model.rows) == 5, timeout=10_000)
    return page


def shown(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    model = page.proxy
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_the_ranking_section_shows_the_hand_counted_figures(qtbot, window) -> None:
    page = ranking_page(qtbot, window)
    assert shown(page) == [
        ("1", "和平区市场监管局"), ("2", "市教委"), ("3", "河西区市场监管局"),
        ("4", "南开区市场监管局"), ("", "天津市物流标准化技术委员会"),
    ]  # fmt: skip
    hexi = page.proxy.index(2, 0).data(ROW_ROLE)
    assert (hexi.figures.due, hexi.figures.late, hexi.figures.missing) == (3, 2, 1)
    assert "上报率70.0%" in page.total.text()
    page.category.setCurrentIndex(page.category.findData("区局"))
    qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=10_000)
    assert [u for _, u in shown(page)] == [
        "和平区市场监管局",
        "河西区市场监管局",
        "南开区市场监管局",
    ]
    page.year.setCurrentIndex(page.year.findData(2022))
    qtbot.waitUntil(lambda: page.query().year == 2022 and shown(page)[1][1] == "南开区市场监管局",
                    timeout=10_000)  # fmt: skip


def test_a_units_history_from_the_ranking_and_the_roster(qtbot, window) -> None:
    from tracker.ui.ranking.history_dialog import UnitHistoryDialog

    page = ranking_page(qtbot, window)
    page.view.selectRow(2)
    page.history_button.click()
    dialog = next(d for d in window.findChildren(UnitHistoryDialog))
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert dialog.history.unit.name == "河西区市场监管局"
    years = dialog.years.rows
    assert [(y.year, y.rank, y.ranked) for y in years] == [(2023, 2, 3), (2022, 3, 3)]
    assert dialog.entries.rowCount() == 4
    files = dialog.entries.index(1, 7).data()
    assert files == "河西区2023年度总结.pdf"
    assert "在区局中排第2名（共3家）" in dialog.summary.text()
    dialog.close()

    window.show_section("units")
    units = window.section_widget("units")
    qtbot.waitUntil(lambda: units.model.rowCount() == 5, timeout=10_000)
    units.select_unit(units.services.units.resolve("市教委").id)
    units.ui.history.click()
    assert isinstance(units.dialog, UnitHistoryDialog)
    qtbot.waitUntil(lambda: units.dialog.history is not None, timeout=10_000)
    assert units.dialog.history.unit.name == "市教委"


def test_a_units_history_opens_its_files_and_names_its_bulletins(
    qtbot, window, office_scenario: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from tracker.domain.bulletin_request import BulletinRequest
    from tracker.ui.ranking.history_dialog import UnitHistoryDialog

    notice = office_scenario.notices.resolve(NOTICE_A).id
    office_scenario.bulletins.issue(BulletinRequest(notice, AS_OF, bulletin_date=AS_OF))
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    hexi = office_scenario.units.resolve("河西局").id
    dialog = UnitHistoryDialog(office_scenario, hexi, AS_OF, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    columns = [dialog.entries.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dialog.entries.columnCount())]  # fmt: skip
    named = dialog.entries.index(1, columns.index("已通报")).data()
    assert named == "津市场监管标准〔2023〕31号（2023年12月1日）"
    assert dialog.entries.index(3, columns.index("已通报")).data() == ""  # another notice's
    assert not dialog.open_button.isEnabled()
    view = dialog.entry_view
    view.setCurrentIndex(view.model().index(0, 0))  # 联络员信息表: nothing received
    assert not dialog.open_button.isEnabled() and dialog.open_files() is None
    view.setCurrentIndex(view.model().index(1, 0))
    assert dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.opener.opened) as handed:
        dialog.open_button.click()  # copied in a worker, then handed to the system
    (path,) = opened
    assert handed.args == [opened]
    assert Path(path).name == "河西区2023年度总结.pdf"
    assert Path(path).read_bytes() == b"%PDF-1.4 stand-in"
    assert office_scenario.ws.files.root not in Path(path).parents  # a copy, never the archive
    view.doubleClicked.emit(view.model().index(1, 3))
    qtbot.waitUntil(lambda: len(opened) == 2)


def test_a_received_program_is_named_and_the_other_files_still_open(
    qtbot, window, office_scenario: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtGui import QDesktopServices

    from tracker.domain.forms import Form
    from tracker.ui.ranking import history_dialog
    from tracker.ui.ranking.history_dialog import UnitHistoryDialog

    sv = office_scenario
    (program := tmp_path / "年度总结.pdf.exe").write_bytes(b"MZ")
    (report := tmp_path / "年度总结.pdf").write_bytes(b"%PDF-1.4 sent")
    oid = sv.ledger.find_obligation("南开局", "年度总结")
    sv.ledger.register(oid, Form.ELECTRONIC, AS_OF, files=[program, report])
    opened: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    monkeypatch.setattr(history_dialog, "show_error", lambda _parent, exc: said.append(str(exc)))
    dialog = UnitHistoryDialog(sv, sv.units.resolve("南开局").id, AS_OF, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    row = next(i for i, e in enumerate(dialog.history.entries) if e.files)
    dialog.entry_view.setCurrentIndex(dialog.entry_view.model().index(row, 0))
    dialog.open_button.click()
    qtbot.waitUntil(lambda: bool(said))
    assert [Path(p).name for p in opened] == ["年度总结.pdf"]  # never the program
    (message,) = said
    assert "年度总结.pdf.exe" in message and "不直接打开" in message


def test_generate_and_issue_a_bulletin_from_the_menu(
    qtbot, window, monkeypatch: pytest.MonkeyPatch, office_scenario: Services
) -> None:
    from tracker.ui.bulletins.dialog import BulletinDialog

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert action(window, "生成通报…") in window.menu("催报").actions()
    action(window, "生成通报…").trigger()
    dialog = window.features.bulletins.dialog
    assert isinstance(dialog, BulletinDialog)
    dialog.ui.notice.setCurrentIndex(dialog.ui.notice.findData(
        office_scenario.notices.resolve(NOTICE_A).id))  # fmt: skip
    qtbot.waitUntil(
        lambda: dialog.ui.issue.isEnabled() and bool(dialog.ui.preview.pages), timeout=15_000
    )
    assert "津市场监管标准〔2023〕31号" in dialog.ui.number.text()
    dialog.ui.template.setPlainText("截至{截至日期}，上报率{上报率}。\n{未知}")
    qtbot.waitUntil(lambda: not dialog.ui.issue.isEnabled(), timeout=15_000)
    assert "{未知}" in dialog.ui.problem.text()
    dialog.ui.restore.click()
    qtbot.waitUntil(lambda: dialog.ui.issue.isEnabled(), timeout=15_000)
    dialog.ui.issue.click()
    qtbot.waitUntil(lambda: dialog.issued is not None, timeout=20_000)
    (issued,) = office_scenario.bulletins.issued()
    assert issued.number == "津市场监管标准〔2023〕31号"
    assert issued.pdf_path.read_bytes() == dialog.issued.pdf


def test_grid_puts_units_on_the_list_for_the_next_bulletin(
    qtbot, window, office_scenario: Services
) -> None:
    page = window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=10_000)
    page.view.selectionModel().select(
        page.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = page.selected_obligation_ids()
    action(window, "列入下次通报").trigger()
    assert [q.obligation_id for q in office_scenario.bulletins.queued()] == chosen
    assert "列入下次通报" in window.statusBar().currentMessage()
    action(window, "移出下次通报").trigger()
    assert office_scenario.bulletins.queued() == []
    undo = window.features.forms.stack.action
    assert undo.text() == "撤销：移出下次通报 1 项"
    qtbot.keyClick(window, "z", Qt.KeyboardModifier.ControlModifier)  # back on the list
    assert [q.obligation_id for q in office_scenario.bulletins.queued()] == chosen
    assert undo.text() == "撤销：列入下次通报 1 项"
    undo.trigger()
    assert office_scenario.bulletins.queued() == []


def test_the_bulletin_settings_tab(qtbot, office_scenario: Services) -> None:
    from tracker.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(office_scenario)
    qtbot.addWidget(dialog)
    tab = dialog.bulletin
    assert tab.lines["bulletin_prefix"].text() == "津市场监管标准"
    tab.lines["bulletin_copy_to"].setText("市标准化研究院")
    assert dialog.save()
    assert office_scenario.settings.office().bulletin_copy_to == "市标准化研究院"


def test_the_ranking_exports_to_a_workbook(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "排名"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = ranking_page(qtbot, window)
    page.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "排名.xlsx").exists(), timeout=15_000)
    wait_all()
    ws = load_workbook(tmp_path / "排名.xlsx")["排名"]
    assert [c.value for c in ws[4]][:3] == [1, "和平区市场监管局", "区局"]


def test_the_models_pass_qt_model_tester(qtmodeltester, office_scenario: Services) -> None:
    from tracker.domain.ranking import RankingScope
    from tracker.ui.bulletins.issued_dialog import IssuedBulletinsModel
    from tracker.ui.ranking.models import HistoryModel, RankingModel, YearModel

    history = office_scenario.ranking.history("河西局", AS_OF)
    for model, rows in (
        (RankingModel(), office_scenario.ranking.ranking(RankingScope(AS_OF)).rows),
        (YearModel(), history.years),
        (HistoryModel(), history.entries),
        (IssuedBulletinsModel(), office_scenario.bulletins.issued()),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)
