"""The office's own particulars, used by letters, lists and new notices. Declared once here."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tracker.domain.bulletin import DEFAULT_BULLETIN_BODY
from tracker.domain.errors import ValidationError
from tracker.domain.ladder import LadderRules

# Placeholders: see tracker.domain.letters.PLACEHOLDERS (their Chinese names, CHINESE_NAMES,
# are what the clerk reads; the English ones work too). A line holding only {材料清单}
# becomes one paragraph per item owed.
DEFAULT_LETTER_BODY = (
    "{缘由}截至{统计日期}，你单位尚未报送以下材料：\n"
    "{材料清单}\n"
    "请于{补报时限}前将上述材料报送{承办处室}。{报送方式}\n"
    "{结语}"
)
# The letter to a whole category (名单见附件).
DEFAULT_LETTER_BODY_GROUP = (
    "{缘由}截至{统计日期}，仍有{单位数}家单位未报送或未报送齐全（名单见附件）。\n"
    "请上述单位于{补报时限}前将所缺材料报送{承办处室}。{报送方式}\n"
    "{结语}"
)


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """The clerk's own office. A new workspace starts blank (the demo fills in its Tianjin
    office): a letter must never go out with someone else's particulars."""

    office_name: str = ""  # 处室 (department), e.g. 标准化处
    sender_name: str = ""  # the office's name, the letterhead's 发文机关
    signer: str = ""  # 落款; the office's name when blank
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    postal_address: str = ""
    letter_prefix: str = ""  # 函号前缀, e.g. 津市场监管标准函
    reminder_workdays: int = 5  # new deadline = N working days after the letter date
    letter_body: str = DEFAULT_LETTER_BODY
    letter_body_group: str = DEFAULT_LETTER_BODY_GROUP
    letter_closing: str = "逾期未报的，将予以通报。"
    letter_has_seal: bool = True
    letter_duplex: bool = True  # 双面打印: each letter padded to an even page count
    short_name: str = ""  # 自称 in running text (我委, 我局); letters fall back to 我单位
    # The escalation ladder (tracker.domain.ladder), in working days.
    ladder_phone_after: int = 1  # overdue this long: 电话催报
    ladder_letter_after: int = 5  # overdue this long: 催报函, phoned or not
    ladder_phone_grace: int = 3  # a phone call's grace before the 催报函
    # 上报情况通报 (GB/T 9704 general form)
    bulletin_prefix: str = ""  # 发文字号前缀 of a 通报, e.g. 津市场监管标准
    bulletin_masthead: str = ""  # 发文机关标志; blank: the office's name + 文件
    bulletin_printer: str = ""  # 版记's 印发机关; blank: the office's name + 办公室
    bulletin_copy_to: str = ""  # 版记's 抄送; blank: none
    bulletin_body: str = DEFAULT_BULLETIN_BODY
    due_soon_workdays: int = 3  # amber on the dashboard: due within this many working days

    def ladder_rules(self) -> LadderRules:
        return LadderRules(
            phone_after=self.ladder_phone_after,
            letter_after=self.ladder_letter_after,
            phone_grace=self.ladder_phone_grace,
            letter_grace=self.reminder_workdays,
        )

    def ladder_problems(self) -> list[str]:
        problems = [
            f"{label}应在 0 到 60 个工作日之间"
            for label, value in (
                ("电话催报的时机", self.ladder_phone_after),
                ("发催报函的时机", self.ladder_letter_after),
                ("电话催报后的等待", self.ladder_phone_grace),
                ("临近到期的提醒", self.due_soon_workdays),
            )
            if not 0 <= value <= 60
        ]
        if self.ladder_phone_after > self.ladder_letter_after:
            problems.append("电话催报应早于发催报函")
        return problems

    @property
    def maker(self) -> str:
        """制表: who made a printed list or workbook (the 发文机关 and its 处室)."""
        return " ".join(p for p in (self.sender_name, self.office_name) if p)

    @property
    def is_set_up(self) -> bool:
        """Enough to issue a letter: the office's name and its letter prefix."""
        return bool(self.sender_name.strip() and self.letter_prefix.strip())

    def letter_gaps(self) -> list[str]:
        """What a letter still needs, as the settings form calls it."""
        gaps = [] if self.sender_name.strip() else ["本单位名称（发文机关）"]
        return gaps + ([] if self.letter_prefix.strip() else ["函号前缀"])

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficeSettings:
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue  # a setting dropped by a later version: ignore, never fail
            default = getattr(cls(), key)
            values[key] = type(default)(value)
        return cls(**values)


def require_letter_office(office: OfficeSettings) -> None:
    """Refuse a letter without the office's own particulars, saying where to fill them in."""
    gaps = office.letter_gaps()
    if gaps:
        raise ValidationError(
            f"尚未填写{'和'.join(gaps)}，不能发出催报函：请在 工具 ▸ 设置 中填写，"
            "或运行 tracker office --name 单位名称 --letter-prefix 函号前缀"
        )


def require_bulletin_office(office: OfficeSettings) -> None:
    """Refuse a 通报 without the office's name and its 发文字号 prefix, saying where to set them."""
    gaps = [] if office.sender_name.strip() else ["本单位名称（发文机关）"]
    gaps += [] if office.bulletin_prefix.strip() else ["通报的发文字号前缀"]
    if gaps:
        raise ValidationError(
            f"尚未填写{'和'.join(gaps)}，不能印发通报：请在 工具 ▸ 设置 中填写，"
            "或运行 tracker office --name 单位名称 --bulletin-prefix 发文字号前缀"
        )
