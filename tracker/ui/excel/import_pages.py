"""The old-ledger wizard's 对应列 and 预览 pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.ledger_map import LedgerMapping, column_letter
from tracker.ui.common.errors import show_error
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.table import setup_table
from tracker.ui.common.worker import run_task
from tracker.ui.excel.import_models import ChoiceDelegate, MappingModel, MappingRow, PreviewModel

if TYPE_CHECKING:
    from tracker.services.bundle import Services

RED = "#9C0006"


def requirement_choices(services: Services) -> list[tuple[str, int]]:
    return [
        (f"{r.title}（{n.doc_number or n.title}，{format_cn(r.deadline)}）", r.id)
        for n in services.notices.list_notices()
        for r in n.requirements
    ]


class MappingPage(QWizardPage):
    """Which row is the header, which column names the unit, which columns are which item."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("对应列"))
        self.setSubTitle(
            self.tr("为每个报送事项列选择对应的事项；一列只记一种材料时（如“纸质版”），请选定它。")
        )
        self.header_row = QSpinBox()
        self.unit_column = QComboBox()
        self.model = MappingModel([], self)
        self.view = QTableView()
        form = QFormLayout()
        form.addRow(self.tr("表头所在行（最后一行）："), self.header_row)
        form.addRow(self.tr("单位名称列："), self.unit_column)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.view, 1)
        self.header_row.valueChanged.connect(self.on_header_row_changed)
        self.unit_column.activated.connect(lambda _i: self.fill_rows(keep=True))

    def initializePage(self) -> None:
        grid = self.wiz.grid
        self.model = MappingModel(requirement_choices(self.wiz.services), self)
        self.view.setModel(self.model)
        setup_table(self.view, self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.model.dataChanged.connect(lambda *_: self.completeChanged.emit())
        self.header_row.blockSignals(True)
        self.header_row.setRange(1, max(grid.rows, 1))
        self.header_row.setValue(grid.guess_header_row())
        self.header_row.blockSignals(False)
        self.on_header_row_changed(self.header_row.value())

    def on_header_row_changed(self, row: int) -> None:
        """New header → new labels: suggest the unit column and the items again."""
        grid = self.wiz.grid
        suggested = self.wiz.services.ledger_import.suggest(grid, row)
        self.unit_column.clear()
        for col in range(1, grid.cols + 1):
            self.unit_column.addItem(grid.caption(col, row), col)
        self.unit_column.setCurrentIndex(suggested.unit_column - 1)
        self.fill_rows(keep=False, suggested={c.column: c for c in suggested.columns})

    def fill_rows(self, keep: bool, suggested: dict[int, Any] | None = None) -> None:
        grid, row = self.wiz.grid, self.header_row.value()
        chosen = {r.column: r for r in self.model.rows} if keep else {}
        labels = grid.labels(row)
        rows = []
        for col in range(1, grid.cols + 1):
            if col == self.unit_column.currentData():
                continue
            base = MappingRow(col, column_letter(col), labels.get(col, ""),
                              "、".join(grid.samples(row, col)))  # fmt: skip
            if col in chosen:
                base = chosen[col]
            elif suggested and col in suggested:
                hint = suggested[col]
                base = MappingRow(base.column, base.letter, base.header, base.samples,
                                  hint.requirement_id, hint.forms)  # fmt: skip
            rows.append(base)
        self.model.set_rows(rows)
        self.completeChanged.emit()

    def mapping(self) -> LedgerMapping:
        grid = self.wiz.grid
        unit = int(self.unit_column.currentData())
        return LedgerMapping(grid.sheet, self.header_row.value(), unit, self.model.column_maps())

    def isComplete(self) -> bool:
        return bool(self.model.column_maps())

    def validatePage(self) -> bool:
        try:
            mapping = self.mapping()
            mapping.check()
        except TrackerError as exc:
            QMessageBox.warning(self, self.tr("对应列"), str(exc))
            return False
        self.wiz.mapping = mapping
        return True


class PreviewPage(QWizardPage):
    """What the import will register, every problem by cell; 导入 only when there are none."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("预览"))
        self.setSubTitle(self.tr("核对将要登记的内容。有问题时不会导入任何内容。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit(readOnly=True)
        self.problems.setStyleSheet(f"color: {RED};")
        self.problems.setMaximumHeight(self.fontMetrics().height() * 7)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view, self.model)
        self.notes = QPlainTextEdit(readOnly=True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        box = QVBoxLayout(self)
        for widget in (self.summary, self.problems, self.view, self.notes):
            box.addWidget(widget)
        box.setStretch(2, 1)
        self.plan: Any = None
        self.busy = False
        self.imported = False

    def initializePage(self) -> None:
        self.plan, self.busy, self.imported = None, True, False
        self.model.set_rows([])
        self.summary.setText(self.tr("正在读取原台账…"))
        self.problems.hide()
        self.notes.clear()
        importer, path, mapping = self.wiz.services.ledger_import, self.wiz.path, self.wiz.mapping
        self.task = run_task(
            lambda control: importer.preview(path, mapping),
            on_done=self.show_plan,
            on_error=self.on_preview_failed,
        )
        self.completeChanged.emit()

    def show_plan(self, plan: Any) -> None:
        self.plan, self.busy = plan, False
        self.model.set_rows(plan.entries)
        text = self.tr("将{0}。").format(plan.summary)
        if plan.problems:
            text += self.tr("请在原台账中改正下列问题（或上一步调整对应关系）后再导入：")
        elif not plan.writes:
            text += self.tr("没有需要新登记的内容。")
        self.summary.setText(text)
        self.problems.setPlainText("\n".join(plan.problems))
        self.problems.setVisible(bool(plan.problems))
        self.notes.setPlainText("\n".join(plan.notes))
        self.completeChanged.emit()

    def on_preview_failed(self, exc: BaseException, details: str) -> None:
        self.busy = False
        self.summary.setText(f'<span style="color:{RED}">{exc}</span>')
        if not isinstance(exc, TrackerError):
            show_error(self, exc, details)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.plan
        return not self.busy and plan is not None and not plan.problems and plan.writes > 0

    def validatePage(self) -> bool:
        """导入: run it in a worker; the wizard closes when it has landed."""
        if self.imported:
            return True
        importer, path, mapping = self.wiz.services.ledger_import, self.wiz.path, self.wiz.mapping
        self.busy = True
        self.completeChanged.emit()
        self.progress = run_with_progress(
            self,
            self.tr("导入原台账"),
            self.tr("正在登记…"),
            lambda control: importer.apply(path, mapping),
            on_done=self.on_imported,
            on_error=self.on_import_failed,
        )
        return False

    def on_imported(self, result: Any) -> None:
        _plan, change = result
        self.imported = True
        self.wiz.imported.emit(change)
        self.wiz.accept()

    def on_import_failed(self, exc: BaseException, details: str) -> None:
        self.busy = False
        show_error(self, exc, details)
        self.completeChanged.emit()
