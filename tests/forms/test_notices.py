"""The notices page and editor on a real workspace: create, copy, warn, refuse, delete."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.typing import type_text
from tests.ui.conftest import ready_context
from tracker.domain.forms import Form
from tracker.domain.records import Channel
from tracker.services.bundle import Services
from tracker.ui.common.dates import CnDateEdit, to_qdate
from tracker.ui.notices.editor import NoticeEditor
from tracker.ui.notices.models import NoticeTableModel, RequirementSummaryModel
from tracker.ui.notices.page import NoticesPage
from tracker.ui.notices.requirements_model import (
    COL_DEADLINE,
    COL_FORMS,
    COL_NOTE,
    COL_TITLE,
    COL_UNITS,
)

from .helpers import oid

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL


def make_page(qtbot: QtBot, services: Services) -> NoticesPage:
    page = NoticesPage(ready_context(services))
    page.ctx.setParent(page)
    qtbot.addWidget(page)
    page.show()
    return page


def test_create_a_notice_through_the_editor(qtbot: QtBot, tianjin_units: Services) -> None:
    page = make_page(qtbot, tianjin_units)
    page.ui.new.click()
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.ui.doc_number.setText("津市场监管标准〔2023〕20号")
    editor.ui.title.setText("关于报送2023年标准化工作总结的通知")
    editor.ui.issued_on.setDate(to_qdate(date(2023, 11, 1)))
    editor.ui.add_contact.click()
    model = editor.ui.contacts_model
    model.setData(model.index(0, 0), "苏文博")
    model.setData(model.index(0, 1), "27182054")
    editor.ui.add_requirement.click()
    reqs = editor.model
    reqs.setData(reqs.index(0, COL_TITLE), "工作总结")
    reqs.setData(reqs.index(0, COL_NOTE), "附典型案例")
    reqs.setData(reqs.index(0, COL_DEADLINE), to_qdate(date(2023, 11, 24)))
    reqs.setData(
        reqs.index(0, COL_FORMS + 2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    # Whole category by a click, plus one unit from the checklist.
    editor.ui.audience.category_boxes["区局"].click()
    checklist = editor.ui.audience.model
    row = next(i for i, u in enumerate(checklist.units()) if u.name == "市教委")
    assert checklist.setData(
        checklist.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert reqs.index(0, COL_UNITS).data() == "4个"
    with qtbot.waitSignal(editor.saved):
        editor.ui.save.click()
    [notice] = tianjin_units.notices.list_notices()
    assert notice.doc_number == "津市场监管标准〔2023〕20号"
    assert notice.contacts[0].phone == "27182054"
    [req] = notice.requirements
    assert (req.title, req.deadline, req.forms) == ("工作总结", date(2023, 11, 24), E | S)
    assert req.note == "附典型案例"
    assert req.categories == ("区局", "委办局")  # 市教委 is the whole of 委办局 here
    assert req.obligations == 4
    assert page.model.rowCount() == 1
    assert page.requirements.rowCount() == 1


def test_weekend_deadline_warns_but_saves(qtbot: QtBot, tianjin_units: Services) -> None:
    editor = NoticeEditor.for_new(tianjin_units)
    qtbot.addWidget(editor)
    editor.ui.title.setText("周末时限")
    editor.ui.add_requirement.click()
    reqs = editor.model
    reqs.setData(reqs.index(0, COL_TITLE), "总结")
    reqs.setData(reqs.index(0, COL_DEADLINE), to_qdate(date(2023, 10, 1)))
    text = editor.ui.warnings.text()
    assert "2023年10月1日是国庆节" in text
    assert not editor.ui.warnings.isHidden()
    reqs.setData(reqs.index(0, COL_DEADLINE), to_qdate(date(2027, 3, 3)))
    assert "2027年节假日数据缺失" in editor.ui.warnings.text()
    editor.ui.audience.category_boxes["区局"].click()
    editor.ui.issued_on.setDate(to_qdate(date(2023, 9, 1)))
    assert editor.save()


def test_validation_problems_are_listed_and_nothing_is_lost(
    qtbot: QtBot, tianjin_units: Services
) -> None:
    editor = NoticeEditor.for_new(tianjin_units)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.issued_on.setDate(to_qdate(date(2023, 6, 5)))
    editor.ui.add_requirement.click()
    reqs = editor.model
    reqs.setData(reqs.index(0, COL_DEADLINE), to_qdate(date(2023, 6, 1)))
    reqs.setData(reqs.index(0, COL_FORMS), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    editor.ui.theme.setText("学标准")
    assert not editor.save()
    text = editor.ui.errors.text()
    for expected in ("通知标题不能为空", "名称不能为空", "早于发文日期", "请至少选择一种报送形式"):
        assert expected in text
    assert "没有指定报送单位" in text
    assert editor.isVisible()
    assert editor.ui.theme.text() == "学标准"
    assert tianjin_units.notices.list_notices() == []


def test_copy_from_last_year(qtbot: QtBot, study: Services) -> None:
    page = make_page(qtbot, study)
    page.ui.copy.click()
    editor = page.editor
    assert editor is not None
    assert editor.ui.doc_number.text() == ""
    assert editor.ui.title.text() == "关于开展2024年标准化研学行动的通知"
    first = editor.draft.requirements[0]
    assert first.deadline == date(2024, 6, 27)
    editor.ui.doc_number.setText("津市场监管标准〔2024〕9号")
    with qtbot.waitSignal(editor.saved):
        editor.ui.save.click()
    copied = study.notices.resolve("津市场监管标准〔2024〕9号")
    assert [r.obligations for r in copied.requirements] == [4, 3]
    assert page.model.rowCount() == 2


def test_editing_keeps_history_and_refuses_to_drop_a_unit_with_returns(
    qtbot: QtBot, study: Services
) -> None:
    study.ledger.register(oid(study, "市教委"), E, date(2023, 6, 20), Channel.EMAIL)
    notice = study.notices.list_notices()[0]
    editor = NoticeEditor.for_notice(study, notice.id)
    qtbot.addWidget(editor)
    assert editor.draft.requirements[0].unit_ids == set(
        study.notices.required_unit_ids(notice.requirements[0].id)
    )
    checklist = editor.ui.audience.model
    row = next(i for i, u in enumerate(checklist.units()) if u.name == "市教委")
    assert checklist.setData(
        checklist.index(row), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert not editor.save()
    assert "市教委已有报送" in editor.ui.errors.text()


def test_delete_is_refused_once_registered(qtbot: QtBot, study: Services) -> None:
    page = make_page(qtbot, study)
    page.confirm_delete = lambda n: True  # type: ignore[method-assign]
    study.ledger.register(oid(study, "和平局"), E, date(2023, 6, 20), Channel.EMAIL)
    page.ui.delete.click()
    assert "不能删除" in page.ui.message.text()
    assert page.model.rowCount() == 1


def test_delete_an_unused_notice(qtbot: QtBot, study: Services) -> None:
    page = make_page(qtbot, study)
    page.confirm_delete = lambda n: True  # type: ignore[method-assign]
    page.ui.delete.click()
    assert page.model.rowCount() == 0
    assert study.notices.list_notices() == []


@pytest.mark.parametrize("which", ["notices", "requirements", "editor"])
def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester, study: Services, which: str
) -> None:
    if which == "notices":
        model: object = NoticeTableModel()
        model.set_rows(study.notices.list_notices())  # type: ignore[attr-defined]
    elif which == "requirements":
        model = RequirementSummaryModel()
        model.set_rows(list(study.notices.list_notices()[0].requirements))  # type: ignore[attr-defined]
    else:
        editor = NoticeEditor.for_notice(study, study.notices.list_notices()[0].id)
        qtbot.addWidget(editor)
        qtmodeltester.check(editor.ui.contacts_model)
        qtmodeltester.check(editor.ui.audience.model)
        model = editor.model
    qtmodeltester.check(model)


def test_a_deactivated_unit_keeps_its_obligation_when_the_notice_is_edited(
    qtbot: QtBot, study: Services
) -> None:
    study.units.set_active(study.units.resolve("南开局").id, False)
    notice = study.notices.list_notices()[0]
    editor = NoticeEditor.for_notice(study, notice.id)
    qtbot.addWidget(editor)
    assert editor.model.index(0, COL_UNITS).data() == "3个"  # 和平、河西、市教委
    assert editor.save()
    assert study.notices.get(notice.id).requirements[0].obligations == 4  # 南开 kept


def test_typed_dates_in_the_editor_are_refused_visibly(qtbot: QtBot, study: Services) -> None:
    notice_id = study.notices.list_notices()[0].id
    editor = NoticeEditor.for_notice(study, notice_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    issued = editor.ui.issued_on
    type_text(issued, "2023年6月31日", replace=True)
    qtbot.keyClick(issued, Qt.Key.Key_Return)
    assert issued.text() == "2023年6月31日" and not editor.ui.save.isEnabled()
    type_text(issued, "2023年6月5日", replace=True)
    assert editor.ui.save.isEnabled()
    # A deadline typed in the table that is no date leaves the cell and says so.
    table, model = editor.ui.requirements, editor.model
    before = model.index(0, COL_DEADLINE).data(Qt.ItemDataRole.EditRole)
    table.setCurrentIndex(model.index(0, COL_DEADLINE))
    table.edit(model.index(0, COL_DEADLINE))
    qtbot.waitUntil(lambda: table.findChild(CnDateEdit) is not None)
    cell = table.findChild(CnDateEdit)
    type_text(cell, "2023年2月30日", replace=True)
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: editor.ui.errors.isVisible())
    assert model.index(0, COL_DEADLINE).data(Qt.ItemDataRole.EditRole) == before
    assert "时限未修改" in editor.ui.errors.text() and "不存在" in editor.ui.errors.text()


def test_cancel_asks_before_dropping_edits(
    qtbot: QtBot, study: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.ui.notices import editor as editor_module

    asked: list[bool] = []
    answer = {"discard": False}
    monkeypatch.setattr(
        editor_module, "ask_discard", lambda _p: asked.append(True) or answer["discard"]
    )
    editor = NoticeEditor.for_notice(study, study.notices.list_notices()[0].id)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.cancel.click()  # nothing changed: closes at once
    assert not editor.isVisible() and asked == []
    editor = NoticeEditor.for_notice(study, study.notices.list_notices()[0].id)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.title.setText("改过的标题")
    editor.ui.cancel.click()
    assert editor.isVisible() and asked == [True]  # 继续编辑: the edit is still there
    assert editor.ui.title.text() == "改过的标题"
    answer["discard"] = True
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and len(asked) == 2
    assert study.notices.list_notices()[0].title != "改过的标题"
