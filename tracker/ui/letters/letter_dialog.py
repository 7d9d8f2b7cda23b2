"""生成催报函: choose how, edit the body with a live preview of the first letter, then issue
(numbered, recorded as 催报, archived) in the background and print, save or open the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox, QWidget

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.letter_request import IssueResult, LetterRequest, split_name
from tracker.domain.office import DEFAULT_LETTER_BODY, DEFAULT_LETTER_BODY_GROUP
from tracker.ui.common.folders import remember_folder, start_folder, start_path
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.letters.letter_form import LetterForm
from tracker.ui.letters.preview import PdfPreviewDialog

if TYPE_CHECKING:
    from tracker.services.bundle import Services

PREVIEW_DELAY_MS = 400


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class LetterDialog(FittedDialog):
    """``base`` says whom to chase (obligation ids from the grid, or a requirement)."""

    def __init__(
        self, services: Services, base: LetterRequest, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("生成催报函")
        self.services = services
        self.base = base
        self.result_: IssueResult | None = None
        self.ui = LetterForm(self)
        self.ui.as_of.setDate(qdate(base.as_of))
        # Letters go out today unless the clerk says otherwise, whatever day is being viewed:
        # the viewed day is only what they count up to.
        self.ui.letter_date.setDate(qdate(base.letter_date or today()))
        self.ui.by_category.setChecked(base.mode == "category")
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._load_template()
        self._connect()
        self.resize(1180, 820)
        self.refresh_preview()

    def _connect(self) -> None:
        ui = self.ui
        ui.template.textChanged.connect(self._timer.start)
        ui.addressee.textChanged.connect(self._timer.start)
        ui.as_of.dateChanged.connect(self._timer.start)
        ui.letter_date.dateChanged.connect(self._timer.start)
        ui.as_of.validityChanged.connect(self._timer.start)
        ui.letter_date.validityChanged.connect(self._timer.start)
        ui.mode.buttonToggled.connect(self.on_mode_toggled)
        ui.placeholders.itemDoubleClicked.connect(self.on_placeholders_double_clicked)
        ui.restore.clicked.connect(self.on_restore_clicked)
        ui.save_default.clicked.connect(self.on_save_default_clicked)
        ui.preview_all.clicked.connect(self.on_preview_all_clicked)
        ui.issue.clicked.connect(self.on_issue_clicked)
        ui.buttons.rejected.connect(self.reject)

    # -- the request -----------------------------------------------------------------
    @property
    def mode(self) -> str:
        return "category" if self.ui.by_category.isChecked() else "unit"

    def request(self) -> LetterRequest:
        ui = self.ui
        return replace(
            self.base,
            as_of=pydate(ui.as_of.date()),
            letter_date=pydate(ui.letter_date.date()),
            mode=self.mode,
            template=ui.template.toPlainText(),
            addressee=ui.addressee.text().strip() or None,
        )

    def _load_template(self) -> None:
        office = self.services.settings.office()
        body = office.letter_body_group if self.mode == "category" else office.letter_body
        self.ui.template.setPlainText(body)
        self.ui.addressee.setEnabled(self.mode == "category")

    # -- slots -----------------------------------------------------------------------
    def on_mode_toggled(self, _button: Any, checked: bool) -> None:
        if checked:
            self._load_template()
            self._timer.start()

    def on_placeholders_double_clicked(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        self.ui.template.insertPlainText("{" + str(name) + "}")
        self.ui.template.setFocus()

    def on_restore_clicked(self) -> None:
        default = DEFAULT_LETTER_BODY_GROUP if self.mode == "category" else DEFAULT_LETTER_BODY
        self.ui.template.setPlainText(default)

    def on_save_default_clicked(self) -> None:
        field = "letter_body_group" if self.mode == "category" else "letter_body"
        try:
            self.services.settings.update_office(**{field: self.ui.template.toPlainText()})
        except TrackerError as exc:
            QMessageBox.warning(self, "保存正文", str(exc))
            return
        self.ui.summary.setText("已保存为默认正文。" + self.ui.summary.text())

    def refresh_preview(self) -> None:
        """Re-compose and show the first letter; a template error shows in red instead."""
        try:
            req = self.request()
            drafts = self.services.letters.drafts(req)
            from tracker.reports.pdf_letters import letters_pdf

            data, report = letters_pdf([drafts[0].content])
        except TrackerError as exc:
            self.ui.problem.setText(str(exc))
            self.ui.issue.setEnabled(False)
            return
        notes = [*self.services.letters.warnings(req), _missing_note(report.missing_chars)]
        self.ui.problem.setText("\n".join(n for n in notes if n))
        self.ui.issue.setEnabled(True)
        self.ui.preview.show_pdf(data)
        self._drafts = drafts
        letter_date = drafts[0].content.letter_date
        numbers = self.services.letters.peek_numbers(len(drafts), letter_date)
        first, last = numbers[0], numbers[-1]
        items = sum(len(d.obligation_ids) for d in drafts)
        self.ui.summary.setText(
            f"将发出 {len(drafts)} 封（文号 {first}" + (f" 至 {last}" if len(drafts) > 1 else "")
            + f"），涉及 {items} 项；补报时限 {format_cn(drafts[0].new_deadline)}。"
            "预览为第一封。"
        )  # fmt: skip

    def on_preview_all_clicked(self) -> None:
        from tracker.reports.pdf_letters import letters_pdf

        try:
            drafts = self.services.letters.drafts(self.request())
            duplex = self.services.settings.office().letter_duplex
            data, _ = letters_pdf([d.content for d in drafts], duplex=duplex)
        except TrackerError as exc:
            QMessageBox.warning(self, "预览", str(exc))
            return
        PdfPreviewDialog(data, "催报函（预览，未编号）", "催报函预览", self).exec()

    def on_issue_clicked(self) -> None:
        try:
            req = self.request()
        except TrackerError as exc:
            self.ui.problem.setText(str(exc))
            self.ui.issue.setEnabled(False)
            return
        count = len(getattr(self, "_drafts", []))
        sure = QMessageBox.question(
            self,
            "发出催报函",
            f"将发出 {count} 封催报函并编号，为每个所涉事项记录一次“函”催报，函件存档。继续？",
        )
        if sure != QMessageBox.StandardButton.Yes:
            return
        self.ui.issue.setEnabled(False)

        def work(control: Any) -> IssueResult:
            def progress(n: int, total: int) -> None:
                control.progress(n, total, "正在生成并存档催报函…")

            return self.services.letters.issue(req, progress, lambda: control.cancelled)

        self._progress = run_with_progress(
            self, "发出催报函", "正在生成催报函…", work,
            on_done=self.on_issued, on_error=self.on_issue_failed,
        )  # fmt: skip

    def on_issued(self, result: IssueResult) -> None:
        self.result_ = result
        self.accept()
        self.show_result(result)

    def on_issue_failed(self, exc: BaseException, details: str) -> None:
        self.ui.issue.setEnabled(True)
        if isinstance(exc, TrackerError):
            text = "已取消，没有发出任何函件。" if str(exc) == "已取消" else str(exc)
            QMessageBox.warning(self, "发出催报函", text)
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)

    def show_result(self, result: IssueResult) -> None:
        numbers = [x.number for x in result.letters]
        title = f"已发出 {len(numbers)} 封：{numbers[0]}" + (
            f" 至 {numbers[-1]}" if len(numbers) > 1 else ""
        )
        dialog = PdfPreviewDialog(result.combined, title, "催报函", self.parentWidget())
        dialog.saved_elsewhere = archived_note(result)
        letters = self.services.letters
        dialog.add_action("每封另存到文件夹…", lambda: save_each(result, letters, dialog))
        dialog.add_action("另存为 Word…", lambda: save_word(result, numbers[0], dialog))
        dialog.exec()


def archived_note(result: IssueResult) -> str:
    folder = result.letters[0].archive_path.parent.parent if result.letters else ""
    return (
        f"这些函已编号、记为催报，并已存档在台账的归档文件夹（{folder}）中；"
        "可随时在“已发催报函”中重新打印或另存。"
    )


def save_word(result: IssueResult, first: str, parent: QWidget) -> Path | None:
    """The issued letters as one Word document (each a section), to edit before signing."""
    from tracker.reports.docx_letter import write_letters_docx

    name, _ = QFileDialog.getSaveFileName(
        parent, "另存为 Word 文档", start_path("docx", f"{first}.docx"), "Word 文档 (*.docx)"
    )
    if not name:
        return None
    remember_folder("docx", name)
    path = Path(name) if name.lower().endswith(".docx") else Path(name + ".docx")
    try:
        write_letters_docx(path, result.contents)
    except TrackerError as exc:
        QMessageBox.warning(parent, "另存为", str(exc))
        return None
    return path


def save_each(result: IssueResult, letters: Any, parent: QWidget) -> None:
    """Each letter as its own PDF (cut from the archived batch) into a folder the clerk picks."""
    from tracker.domain.errors import os_failure

    folder = QFileDialog.getExistingDirectory(
        parent, "每封函另存到文件夹", str(start_folder("pdf"))
    )
    if not folder:
        return
    remember_folder("pdf", folder)
    try:
        for letter in result.letters:
            target = Path(folder) / split_name(letter.number, letter.addressee)
            target.write_bytes(letters.letter_pdf(letter))
    except OSError as exc:
        why = os_failure(exc, f"无法存入“{folder}”")
        QMessageBox.warning(parent, "另存", f"{why}\n\n{archived_note(result)}")
        return
    except TrackerError as exc:
        QMessageBox.warning(parent, "另存", f"{exc}\n\n{archived_note(result)}")
        return
    QMessageBox.information(parent, "另存", f"已存入 {len(result.letters)} 个 PDF：{folder}")


def _missing_note(chars: set[str]) -> str:
    if not chars:
        return ""
    return f"注意：以下字符没有可用字体，打印时显示为方框：{''.join(sorted(chars))}"
