"""A ledger over two years with exemptions, extensions, late returns, partial returns,
reminders and an item not yet due, as of 2023-12-01 (the tests' today). Counted by hand:

=========  ====  ==================  ==================  ===============  ===============
unit       cat.  R1 阶段性总结 6-20   R2 年度总结 11-10    R3 年度报告       R4 联络员 12-20
                 (电子版)             (电子版+纸质版)      2022-11-30       (电子版)
=========  ====  ==================  ==================  ===============  ===============
和平        区局  6-19 按时           电子版 11-9: 部分,   11-30 按时        11-28 按时(早)
                                      逾期21天
河西        区局  6-25 补报 5天       11-15 补报 5天       未报 366天        未到期
南开        区局  免报                未报 21天            12-5 补报 5天     未到期
市教委      委办  延期6-30, 6-28 按时  延期11-20, 11-25     —                —
                                      补报 5天
物流标委会  标委  —                   —                    —                未到期
=========  ====  ==================  ==================  ===============  ===============

和平's 联络员信息表, sent early, is not due yet on 12-01: the Tally (and so the ranking) leaves it
out of 应报 until 12-20 has passed.

Reminders: 河西 2 (R3 2022-12-10 电话, R2 2023-11-13 电话), 南开 2 (R2 11-14 电话, 11-20
函), 和平 1 (R2 11-15 邮件).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, ReminderMethod, RequirementSpec
from tracker.services.bundle import Services

E, P = Form.ELECTRONIC, Form.PAPER
AS_OF = date(2023, 12, 1)
NOTICE_A = "津市场监管标准〔2023〕14号"
NOTICE_B = "津市场监管标准〔2022〕9号"
NOTICE_C = "津市场监管标准〔2023〕30号"


def _notices(sv: Services) -> None:
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于开展2023年标准化研学行动的通知",
            doc_number=NOTICE_A,
            issuer="天津市市场监督管理委员会",
            issued_on=date(2023, 5, 20),
            requirements=(
                RequirementSpec("阶段性总结", date(2023, 6, 20), E, ("区局", "委办局")),
                RequirementSpec("年度总结", date(2023, 11, 10), E | P, ("区局", "委办局")),
            ),
        )
    )
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于报送2022年标准化工作年度报告的通知",
            doc_number=NOTICE_B,
            issued_on=date(2022, 3, 1),
            requirements=(RequirementSpec("年度报告", date(2022, 11, 30), E, ("区局",)),),
        )
    )
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于更新标准化工作联络员的通知",
            doc_number=NOTICE_C,
            issued_on=date(2023, 11, 1),
            requirements=(
                RequirementSpec("联络员信息表", date(2023, 12, 20), E, ("区局",), ("物流标委会",)),
            ),
        )
    )


def build(sv: Services, files_dir: Path) -> Services:
    """``sv`` must hold the ``tianjin_units`` roster."""
    _notices(sv)

    def o(unit: str, req: str) -> int:
        return sv.ledger.find_obligation(unit, req)

    reg = sv.ledger.register
    reg(o("和平局", "阶段性总结"), E, date(2023, 6, 19))
    reg(o("河西局", "阶段性总结"), E, date(2023, 6, 25))
    sv.ledger.exempt([o("南开局", "阶段性总结")], "机构调整，免报")
    sv.ledger.extend([o("市教委", "阶段性总结")], date(2023, 6, 30), "领导出差")
    reg(o("市教委", "阶段性总结"), E, date(2023, 6, 28))

    reg(o("和平局", "年度总结"), E, date(2023, 11, 9))
    files_dir.mkdir(parents=True, exist_ok=True)
    report = files_dir / "河西区2023年度总结.pdf"
    report.write_bytes(b"%PDF-1.4 stand-in")
    reg(o("河西局", "年度总结"), E | P, date(2023, 11, 15), files=[report])
    sv.ledger.extend([o("市教委", "年度总结")], date(2023, 11, 20), "数据核对")
    reg(o("市教委", "年度总结"), E | P, date(2023, 11, 25))

    reg(o("和平局", "年度报告"), E, date(2022, 11, 30))
    reg(o("南开局", "年度报告"), E, date(2022, 12, 5))

    reg(o("和平局", "联络员信息表"), E, date(2023, 11, 28))

    remind = sv.ledger.remind
    remind([o("河西局", "年度报告")], ReminderMethod.PHONE, date(2022, 12, 10))
    remind([o("河西局", "年度总结")], ReminderMethod.PHONE, date(2023, 11, 13))
    remind([o("南开局", "年度总结")], ReminderMethod.PHONE, date(2023, 11, 14))
    remind([o("南开局", "年度总结")], ReminderMethod.LETTER, date(2023, 11, 20), "函〔2023〕3号")
    remind([o("和平局", "年度总结")], ReminderMethod.EMAIL, date(2023, 11, 15))
    return sv
