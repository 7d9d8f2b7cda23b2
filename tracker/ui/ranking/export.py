"""排名 to Excel: ask where, then write the 报送情况排名表 in a worker (ExportRunner)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.ranking import RankingScope
from tracker.ui.common.folders import remember_folder, start_folder
from tracker.ui.excel.export_dialog import with_xlsx
from tracker.ui.excel.runner import ExportRunner

if TYPE_CHECKING:
    from tracker.services.bundle import Services


def export_ranking(parent: QWidget, services: Services, scope: RankingScope) -> ExportRunner | None:
    suggested = start_folder("xlsx") / parent.tr("报送情况排名表（截至{0}）.xlsx").format(
        format_cn(scope.as_of)
    )
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("导出排名"), str(suggested), parent.tr("Excel 工作簿 (*.xlsx)")
    )
    if not name:
        return None
    remember_folder("xlsx", name)

    def write(path: Path, _progress: Any) -> Any:
        return services.ranking.write_xlsx(path, scope)

    runner = ExportRunner(parent, parent.tr("导出排名"), write)
    runner.start(with_xlsx(name))
    return runner
