"""The letter and list dialogs driven as a clerk would (offscreen), and printing to a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from tests.letters.pdfcheck import pages_text
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.letter_request import LetterRequest
from tracker.services.bundle import Services
from tracker.ui.letters import letter_dialog, preview
from tracker.ui.letters.letter_dialog import LetterDialog
from tracker.ui.letters.list_dialog import StatusListDialog
from tracker.ui.letters.pdf_pages import print_pdf

AS_OF = date(2023, 6, 28)


@pytest.fixture
def dialog(qtbot, overdue_ledger: Services) -> LetterDialog:
    d = LetterDialog(overdue_ledger, LetterRequest(as_of=AS_OF, letter_date=AS_OF))
    qtbot.addWidget(d)
    return d


def test_preview_of_first_letter_and_summary(dialog: LetterDialog) -> None:
    assert len(dialog.ui.preview.pages) == 1  # a one-item letter fits its page
    assert "将发出 3 封" in dialog.ui.summary.text()
    assert "津市场监管标准函〔2023〕1号 至 津市场监管标准函〔2023〕3号" in dialog.ui.summary.text()
    assert "2023年7月5日" in dialog.ui.summary.text()
    assert dialog.ui.issue.isEnabled()


def test_template_edit_updates_preview_and_errors_show(qtbot, dialog: LetterDialog) -> None:
    dialog.ui.template.setPlainText("请{unit}补报。{bogus}")
    dialog.refresh_preview()
    assert "bogus" in dialog.ui.problem.text() and not dialog.ui.issue.isEnabled()
    dialog.ui.template.setPlainText("请{unit}于{new_deadline}前补报<&>。")
    qtbot.waitUntil(lambda: dialog.ui.issue.isEnabled(), timeout=3000)
    assert dialog._drafts[0].content.paragraphs == ("请和平区市场监管局于2023年7月5日前补报<&>。",)


def test_category_mode_loads_its_template(dialog: LetterDialog) -> None:
    dialog.ui.by_category.setChecked(True)
    assert "名单见附件" in dialog.ui.template.toPlainText()
    assert dialog.ui.addressee.isEnabled()
    dialog.refresh_preview()
    assert "将发出 1 封" in dialog.ui.summary.text()


def test_issue_runs_in_background_and_records(
    qtbot, dialog: LetterDialog, overdue_ledger: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(
        preview.PdfPreviewDialog, "exec", lambda self: shown.append(self.windowTitle())
    )
    dialog.on_issue_clicked()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=20_000)
    assert dialog.result_ is not None and len(dialog.result_.letters) == 3
    assert shown and "已发出 3 封" in shown[0]
    oid = overdue_ledger.ledger.find_obligation("南开局", "阶段性总结")
    assert overdue_ledger.ledger.row(oid, AS_OF).reminders == 1
    assert letter_dialog is not None


def test_list_dialog_shows_totals_and_pages(qtbot, overdue_ledger: Services) -> None:
    d = StatusListDialog(overdue_ledger, LedgerQuery(as_of=AS_OF))
    qtbot.addWidget(d)
    assert "应报4家，已报1家" in d.totals.text()
    assert len(d.view.pages) == 1
    d.kind.setCurrentIndex(1)
    d.as_of.setDate(d.as_of.date().addDays(-14))
    d.refresh()
    assert "即将到期" in d.totals.text()


def test_print_sends_every_page_to_the_printer(
    qtbot, overdue_ledger: Services, tmp_path: Path
) -> None:
    data = overdue_ledger.letters.preview_pdf(LetterRequest(as_of=AS_OF, letter_date=AS_OF), 3)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    # three one-page letters, each followed by a blank back (双面打印 on by default) but the last
    assert print_pdf(data, printer) == 5
    assert len(pages_text(tmp_path / "printed.pdf")) == 5


def test_dialog_warns_of_a_year_without_holidays(qtbot, overdue_ledger: Services) -> None:
    day = date(2026, 12, 28)
    d = LetterDialog(overdue_ledger, LetterRequest(as_of=day, letter_date=day))
    qtbot.addWidget(d)
    text = d.ui.problem.text()
    assert "2027年的节假日安排尚无数据" in text and "工具 ▸ 设置 ▸ 节假日" in text
    assert d.ui.issue.isEnabled()  # a warning, not a stop


def test_letters_are_dated_today_whatever_day_is_viewed(qtbot, overdue_ledger: Services) -> None:
    d = LetterDialog(overdue_ledger, LetterRequest(as_of=AS_OF))
    qtbot.addWidget(d)
    assert d.ui.as_of.date_value() == AS_OF
    assert d.ui.letter_date.date_value() == date(2023, 12, 1)  # today, not the viewed day
    assert "2023年12月1日" in d.ui.letter_date.text()
