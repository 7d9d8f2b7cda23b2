"""催报记录: every reminder sent (函、电话、邮件、短信), filterable by date, method and text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from tracker.domain.changes import Topic
from tracker.domain.dates import format_cn
from tracker.domain.ledger_query import ReminderQuery
from tracker.domain.records import ReminderMethod, ReminderRecord
from tracker.ui.common.table import DATE_SAMPLE, TOOLTIP_ONLY, Column, RowTableModel
from tracker.ui.context import AppContext
from tracker.ui.query_page import QueryPage

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class ReminderModel(RowTableModel[ReminderRecord]):
    extra_roles = TOOLTIP_ONLY
    COL_DATE, COL_UNIT, COL_NOTICE, COL_REQUIREMENT, COL_METHOD, COL_LETTER, COL_NOTE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(
                "催报日期",
                lambda r: format_cn(r.reminded_on),
                lambda r: r.reminded_on,
                sample=DATE_SAMPLE,
            ),
            Column("单位", lambda r: r.unit_name, width_chars=13),
            Column("通知", lambda r: r.notice_label, width_chars=20),
            Column("报送事项", lambda r: r.requirement_title, width_chars=10),
            Column("方式", lambda r: r.method, width_chars=3),
            Column("函号", lambda r: r.letter_number, width_chars=10),
            Column("备注", lambda r: r.note, width_chars=12),
        )


class ReminderPage(QueryPage):
    state_key = "reminders"
    topics = Topic.REMINDERS | Topic.UNITS | Topic.NOTICES  # rows name units and notices

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ReminderModel(), parent)
        self.method = QComboBox()
        self.method.addItem(self.tr("全部方式"), None)
        for m in ReminderMethod:
            self.method.addItem(m.value, m.value)
        self.add_standard_filters(self.tr("方式"), self.method, self.tr("搜索单位、函号或备注"))

    def query(self) -> ReminderQuery:
        return ReminderQuery(
            since=self.since.date_value_or_none(),
            until=self.until.date_value_or_none(),
            method=self.method.currentData(),
            text=self.search.text().strip(),
        )

    def fetch(self, services: Services, query: ReminderQuery) -> list[ReminderRecord]:
        return list(services.ledger.reminders(query))
