"""The office's own particulars, used by letters, lists and new notices. Declared once here."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

# Placeholders: see tracker.domain.letters.PLACEHOLDERS. A line holding only {item_list}
# becomes one paragraph per item owed.
DEFAULT_LETTER_BODY = (
    "{intro}截至{as_of}，你单位尚未报送以下材料：\n"
    "{item_list}\n"
    "请于{new_deadline}前将上述材料报送{office_name}。{send_to}\n"
    "{closing}"
)
# The letter to a whole category (名单见附件).
DEFAULT_LETTER_BODY_GROUP = (
    "{intro}截至{as_of}，仍有{count}家单位未报送或未报送齐全（名单见附件）。\n"
    "请上述单位于{new_deadline}前将所缺材料报送{office_name}。{send_to}\n"
    "{closing}"
)


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    office_name: str = "市市场监管委标准化处"
    sender_name: str = "天津市市场监督管理委员会"
    signer: str = "天津市市场监督管理委员会"
    contact_person: str = "苏文博"
    contact_phone: str = "27182054"
    contact_email: str = "scjgbzhc@tj.gov.cn"
    postal_address: str = "天津市河西区友谊路"
    letter_prefix: str = "津市场监管标准函"
    reminder_workdays: int = 5  # new deadline = N working days after the letter date
    letter_body: str = DEFAULT_LETTER_BODY
    letter_body_group: str = DEFAULT_LETTER_BODY_GROUP
    letter_closing: str = "逾期未报的，将予以通报。"
    letter_has_seal: bool = True

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
