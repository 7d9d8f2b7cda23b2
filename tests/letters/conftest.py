"""Letters need a ledger with overdue units: the README's kind of notice, as of 2023-12-01."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services
from tracker.services.demo import DEMO_OFFICE

NOTICE_NUMBER = "津市场监管标准〔2023〕14号"


@pytest.fixture
def overdue_ledger(tianjin_units: Services) -> Services:
    """和平 sent the electronic copy only; 河西 and 南开 sent nothing; 市教委 sent everything."""
    sv = tianjin_units
    sv.settings.save_office(DEMO_OFFICE)  # the seeds' Tianjin office sends these letters
    spec = NoticeSpec(
        title="市市场监管委关于开展2023年标准化研学行动的通知",
        doc_number=NOTICE_NUMBER,
        issuer="天津市市场监督管理委员会",
        issued_on=date(2023, 5, 20),
        requirements=(
            RequirementSpec(
                "阶段性总结",
                date(2023, 6, 20),
                Form.ELECTRONIC | Form.PAPER | Form.SEAL,
                categories=("区局", "委办局"),
            ),
        ),
    )
    sv.notices.create(spec)
    oid = sv.ledger.find_obligation("和平局", "阶段性总结")
    sv.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 19))
    done = sv.ledger.find_obligation("市教委", "阶段性总结")
    sv.ledger.register(done, Form.ELECTRONIC | Form.PAPER | Form.SEAL, date(2023, 6, 19))
    return sv


# The shell's window fixtures (a demo workspace, the real main window) for the wiring tests.
from tests.ui.conftest import _ui_settings_in_tmp, demo_dir, demo_services, main_window  # noqa: E402

__all__ = ["_ui_settings_in_tmp", "demo_dir", "demo_services", "main_window"]
