"""生成通报: choose the notice (and year), edit the body with a live preview of the 样稿, then
印发 (numbered, archived as PDF and .docx) in the background and print or save it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox, QWidget

from tracker.domain.bulletin import DEFAULT_BULLETIN_BODY
from tracker.domain.bulletin_request import BulletinIssue, BulletinRequest
from tracker.domain.clock import today
from tracker.domain.errors import TrackerError
from tracker.services.files import read_archived
from tracker.ui.bulletins.form import BulletinForm
from tracker.ui.common.folders import remember_folder, start_path
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.common.worker import run_task
from tracker.ui.letters.preview import PdfPreviewDialog

if TYPE_CHECKING:
    from tracker.services.bundle import Services

PREVIEW_DELAY_MS = 400


class BulletinDialog(FittedDialog):
    """``notice_id``: the notice to report on (default: the one with most units on the list
    for the next 通报, else the newest)."""

    def __init__(
        self,
        services: Services,
        as_of: date,
        notice_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成上报情况通报"))
        self.services = services
        self.issued: BulletinIssue | None = None
        self._generation = 0
        self.ui = BulletinForm(self)
        self.ui.as_of.set_date_value(as_of)
        self.ui.bulletin_date.set_date_value(today())
        self.ui.template.setPlainText(services.settings.office().bulletin_body)
        self._fill_notices(notice_id)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._connect()
        self._fit(parent)
        self.on_notice_changed()

    def _fit(self, parent: QWidget | None) -> None:
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(1180, screen.width() - 40), min(820, screen.height() - 60))

    def _connect(self) -> None:
        ui = self.ui
        ui.notice.currentIndexChanged.connect(self.on_notice_changed)
        for signal in (ui.year.currentIndexChanged, ui.template.textChanged,
                       ui.addressee.textChanged, ui.as_of.dateValueChanged,
                       ui.bulletin_date.dateValueChanged, ui.sequence.valueChanged):  # fmt: skip
            signal.connect(self._timer.start)
        ui.own_number.toggled.connect(self.on_own_number_toggled)
        ui.placeholders.itemDoubleClicked.connect(self.on_placeholders_double_clicked)
        ui.restore.clicked.connect(lambda: ui.template.setPlainText(DEFAULT_BULLETIN_BODY))
        ui.save_default.clicked.connect(self.on_save_default_clicked)
        ui.issue.clicked.connect(self.on_issue_clicked)
        ui.buttons.rejected.connect(self.reject)

    def _fill_notices(self, notice_id: int | None) -> None:
        self.notices = {n.id: n for n in self.services.notices.list_notices()}
        queued: dict[int, int] = {}
        for q in self.services.bulletins.queued():
            queued[q.notice_id] = queued.get(q.notice_id, 0) + 1
        for n in self.notices.values():
            self.ui.notice.addItem(n.label, n.id)
        if notice_id is None and queued:
            notice_id = max(queued, key=queued.__getitem__)
        at = self.ui.notice.findData(notice_id) if notice_id is not None else 0
        self.ui.notice.setCurrentIndex(max(at, 0))

    # -- the request -----------------------------------------------------------------------
    def request(self) -> BulletinRequest:
        ui = self.ui
        return BulletinRequest(
            notice_id=ui.notice.currentData(),
            as_of=ui.as_of.date_value(),
            year=ui.year.currentData(),
            bulletin_date=ui.bulletin_date.date_value(),
            template=ui.template.toPlainText(),
            addressee=ui.addressee.text().strip() or None,
            sequence=ui.sequence.value() if ui.own_number.isChecked() else None,
        )

    # -- slots -----------------------------------------------------------------------------
    def on_notice_changed(self, *_: object) -> None:
        notice = self.notices.get(self.ui.notice.currentData())
        combo = self.ui.year
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部事项"), None)
        years = sorted({q.deadline.year for q in notice.requirements}) if notice else []
        if len(years) > 1:
            for year in years:
                combo.addItem(self.tr("%d年的事项") % year, year)
        combo.blockSignals(False)
        self._show_queued()
        self._timer.start()

    def _show_queued(self) -> None:
        nid = self.ui.notice.currentData()
        queued = self.services.bulletins.queued(nid) if nid is not None else []
        names = "、".join(dict.fromkeys(q.unit_name for q in queued))
        self.ui.queued.setText(
            self.tr("已列入下次通报：%s（印发后移出名单）") % names if names else ""
        )

    def on_own_number_toggled(self, checked: bool) -> None:
        self.ui.sequence.setEnabled(checked)
        self._timer.start()

    def on_placeholders_double_clicked(self, item: QListWidgetItem) -> None:
        self.ui.template.insertPlainText("{" + str(item.data(Qt.ItemDataRole.UserRole)) + "}")
        self.ui.template.setFocus()

    def on_save_default_clicked(self) -> None:
        try:
            self.services.settings.update_office(bulletin_body=self.ui.template.toPlainText())
        except TrackerError as exc:
            QMessageBox.warning(self, self.tr("保存正文"), str(exc))
            return
        self.ui.summary.setText(self.tr("已保存为默认正文。") + self.ui.summary.text())

    # -- preview ---------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Compose and render the 样稿 in a worker; the newest request wins."""
        if self.ui.notice.currentData() is None:
            self._problem(self.tr("台账中还没有通知"))
            return
        self._generation += 1
        generation, req, services = self._generation, self.request(), self.services

        def work(_control: Any) -> tuple[Any, bytes, str, Any]:
            from tracker.reports.pdf_bulletin import bulletin_pdf

            content = services.bulletins.draft(req)
            data, report = bulletin_pdf(content)
            year = (req.bulletin_date or today()).year
            return content, data, services.bulletins.peek_number(year, req.sequence), report

        run_task(
            work,
            on_done=lambda result: self._show_preview(generation, *result),
            on_error=lambda exc, details: self._preview_failed(generation, exc, details),
            owner=self,
        )

    def _show_preview(
        self, generation: int, content: Any, data: bytes, number: str, report: Any
    ) -> None:
        if generation != self._generation:
            return
        self.ui.preview.show_pdf(data)
        self.ui.number.setText(number + self.tr("（印发时编定）"))
        self.ui.problem.setText(_missing_note(report.missing_chars))
        self.ui.issue.setEnabled(True)
        named = sum(1 for r in content.table[:-1] if r.late != "0" or r.missing != "0")
        self.ui.summary.setText(
            self.tr(
                "预览为样稿（不编号、不存档），共%d页；附件排名表%d个单位，其中%d个逾期或未报。"
            )
            % (report.pages, len(content.table) - 1, named)
        )

    def _preview_failed(self, generation: int, exc: BaseException, details: str) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, TrackerError):
            self._problem(str(exc))
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)

    def _problem(self, text: str) -> None:
        self.ui.problem.setText(text)
        self.ui.issue.setEnabled(False)

    # -- issuing ---------------------------------------------------------------------------
    def on_issue_clicked(self) -> None:
        req = self.request()
        sure = QMessageBox.question(
            self,
            self.tr("印发通报"),
            self.tr("将编定文号并印发这份通报，PDF 和 Word 文档一并存档。继续？"),
        )
        if sure != QMessageBox.StandardButton.Yes:
            return
        self.ui.issue.setEnabled(False)
        services = self.services
        self._progress = run_with_progress(
            self, self.tr("印发通报"), self.tr("正在生成并存档通报…"),
            lambda _control: services.bulletins.issue(req),
            on_done=self.on_issued, on_error=self.on_issue_failed,
        )  # fmt: skip

    def on_issued(self, issued: BulletinIssue) -> None:
        self.issued = issued
        self.accept()
        show_issued(issued.pdf, issued.record.number, issued.record.docx_path, self.parentWidget())

    def on_issue_failed(self, exc: BaseException, details: str) -> None:
        self.ui.issue.setEnabled(True)
        if isinstance(exc, TrackerError):
            QMessageBox.warning(self, self.tr("印发通报"), str(exc))
            return
        from tracker.ui.common.errors import report_exception

        report_exception(exc, details)


def show_issued(pdf: bytes, number: str, docx: Path, parent: QWidget | None) -> PdfPreviewDialog:
    """The issued 通报's pages with 打印… / 另存为… and 另存为 Word…."""
    dialog = PdfPreviewDialog(pdf, number, number, parent)
    dialog.add_action(dialog.tr("另存为 Word…"), lambda: save_docx(docx, number, dialog))
    dialog.open()
    return dialog


def save_docx(source: Path, number: str, parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        parent.tr("另存为 Word 文档"),
        start_path("docx", f"{number}.docx"),
        parent.tr("Word 文档 (*.docx)"),
    )
    if not path:
        return None
    remember_folder("docx", path)
    target = Path(path) if path.lower().endswith(".docx") else Path(path + ".docx")
    try:
        data = read_archived(source, f"{number}的 Word 文档")
    except TrackerError as exc:
        QMessageBox.warning(parent, parent.tr("另存为"), str(exc))
        return None
    try:
        target.write_bytes(data)
    except OSError as exc:
        QMessageBox.warning(
            parent, parent.tr("另存为"), parent.tr("无法写入：%s") % (exc.strerror or exc)
        )
        return None
    return target


def _missing_note(chars: set[str]) -> str:
    if not chars:
        return ""
    return f"注意：以下字符没有可用字体，打印时显示为方框：{''.join(sorted(chars))}"
