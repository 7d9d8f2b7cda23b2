"""催报函 and the lists from the real main window: grid actions and the 催报 menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction

from tracker.domain.status import Status
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.letters import issued_dialog, letter_dialog, list_dialog


def _action(window, text: str) -> QAction:  # type: ignore[no-untyped-def]
    for action in window.findChildren(QAction):
        if action.text() == text:
            return action
    raise AssertionError(f"no action {text}")


@pytest.fixture
def window(main_window):  # type: ignore[no-untyped-def]
    """The real main window, as the app builds it."""
    return main_window


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    shown: list[object] = []
    for cls in (
        letter_dialog.LetterDialog,
        list_dialog.StatusListDialog,
        issued_dialog.IssuedLettersDialog,
    ):
        monkeypatch.setattr(cls, "exec", lambda self: shown.append(self) or 0)
    return shown


def test_selected_overdue_rows_open_the_letter_dialog(qtbot, window, opened) -> None:
    page = window.ledger_page
    page.apply_filter(LedgerFilter(statuses=frozenset({Status.OVERDUE})))
    sel = page.view.selectionModel()
    for row in (0, 1):
        sel.select(
            page.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    ids = page.selected_obligation_ids()
    assert len(ids) == 2
    _action(window, "生成催报函…").trigger()
    dialog = opened[-1]
    assert isinstance(dialog, letter_dialog.LetterDialog)
    assert set(dialog.base.obligation_ids) == set(ids)
    assert dialog.ui.preview.pages, "the first letter is previewed"
    _action(window, "本事项全部逾期单位催报…").trigger()
    whole = opened[-1]
    assert isinstance(whole, letter_dialog.LetterDialog)
    assert whole.base.requirement_ids and not whole.base.obligation_ids


def test_menu_opens_lists_and_issued_letters(qtbot, window, opened) -> None:
    _action(window, "逾期未报名单…").trigger()
    assert isinstance(opened[-1], list_dialog.StatusListDialog)
    assert "逾期未报名单" in opened[-1].totals.text()
    _action(window, "即将到期名单…").trigger()
    assert opened[-1].kind.currentData() == "due_soon"
    _action(window, "已发催报函…").trigger()
    assert isinstance(opened[-1], issued_dialog.IssuedLettersDialog)


def test_reprint_and_save_each_cut_the_letters_from_their_archived_batch(
    qtbot, demo_services, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """重新打印 shows exactly the chosen letter's pages; 每封另存 writes one PDF a letter."""
    import pypdfium2

    from tracker.domain.clock import today
    from tracker.domain.letter_request import LetterRequest
    from tracker.ui.letters import preview

    sv = demo_services
    result = sv.letters.issue(LetterRequest(as_of=today()))
    assert len(result.letters) >= 2
    shown: list[preview.PdfPreviewDialog] = []
    monkeypatch.setattr(preview.PdfPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    dialog = issued_dialog.IssuedLettersDialog(sv)
    qtbot.addWidget(dialog)
    second = dialog.model.rows.index(
        next(r for r in dialog.model.rows if r.id == result.letters[1].id)
    )
    dialog.open_letter(second)
    assert shown[-1].data == sv.letters.letter_pdf(result.letters[1])
    assert len(shown[-1].view.pages) == result.letters[1].pages

    folder = tmp_path / "each"
    folder.mkdir()
    monkeypatch.setattr(letter_dialog.QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    told: list[str] = []
    monkeypatch.setattr(letter_dialog.QMessageBox, "information", lambda *a: told.append(a[2]))
    letter_dialog.save_each(result, sv.letters, dialog)
    assert told and f"已存入 {len(result.letters)} 个 PDF" in told[0]
    saved = sorted(folder.iterdir())
    assert len(saved) == len(result.letters)
    for path in saved:
        doc = pypdfium2.PdfDocument(path)
        try:
            text = doc[0].get_textpage().get_text_range().replace("\r\n", "")
        finally:
            doc.close()
        letter = next(x for x in result.letters if path.name.startswith(x.number))
        assert f"{letter.addressee}：" in text and letter.number in text
