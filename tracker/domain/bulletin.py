"""What a 上报情况通报 says: its parts as plain data, the body from an editable template.

Placeholders are written ``{按时单位}`` or ``{on_time_units}`` (``PLACEHOLDERS``). A template
line in which any placeholder comes out empty is left out, so a 通报 with nobody late has no
line about late units, and one with nobody missing asks nobody for a 补报.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from tracker.domain.errors import ValidationError

# key: (中文名, what it stands for)
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "intro": ("缘由", "某机关于某日印发《通知》（文号），要求于某日前报送某事项"),
    "as_of": ("截至日期", "统计截止日期"),
    "notice": ("通知", "原通知：《标题》（文号）"),
    "items": ("报送事项", "报送事项名称"),
    "due": ("应报数", "应报送的单位数（多个事项时为事项数），不含免报和未到期"),
    "sent": ("已报数", "已报送齐全的数目（按时 + 逾期补报）"),
    "on_time": ("按时数", "按时报送的数目"),
    "late": ("补报数", "逾期补报的数目"),
    "missing": ("未报数", "未报送或未报送齐全的数目"),
    "rate": ("上报率", "已报数 ÷ 应报数"),
    "on_time_rate": ("按时率", "按时数 ÷ 应报数"),
    "unit_word": ("量词", "“家”（一个报送事项）或“项”（多个报送事项）"),
    "on_time_units": ("按时单位", "全部按时报送的单位，以顿号分隔"),
    "late_units": ("补报单位", "逾期补报的单位及逾期天数"),
    "missing_units": ("未报单位", "未报送或未报送齐全的单位及所缺材料"),
    "new_deadline": ("补报时限", "通报日期后若干个工作日（无未报单位时为空）"),
    "self_name": ("自称", "本单位的自称，如“我委”"),
    "sender_name": ("发文机关", "本单位名称"),
    "office_name": ("承办处室", "承办处室"),
}
_BY_NAME: dict[str, str] = {zh: key for key, (zh, _) in PLACEHOLDERS.items()} | {
    key: key for key in PLACEHOLDERS
}
_FIELD = re.compile(r"\{([A-Za-z_\u4e00-\u9fff]+)\}")

DEFAULT_BULLETIN_BODY = (
    "{缘由}现将截至{截至日期}的报送情况通报如下。\n"
    "截至{截至日期}，应报送{应报数}{量词}，已报送{已报数}{量词}（其中按时报送{按时数}{量词}、"
    "逾期补报{补报数}{量词}），上报率{上报率}，按时报送率{按时率}。\n"
    "{按时单位}按时报送了材料，予以通报表扬。\n"
    "{补报单位}未在规定时限内报送，逾期后补报。\n"
    "{未报单位}截至{截至日期}仍未报送或未报送齐全，予以通报批评。\n"
    "请未报送的单位于{补报时限}前将所缺材料报送{自称}。\n"
    "各单位要高度重视材料报送工作，指定专人负责，严格按照规定的时限和要求报送。"
)
ATTACHMENT = "上报情况排名表"


@dataclass(frozen=True, slots=True)
class RankTableRow:
    """One line of the 附件, as printed."""

    rank: str
    unit: str
    due: str
    on_time: str
    late: str
    missing: str
    rate: str
    on_time_rate: str
    days_late: str


@dataclass(frozen=True, slots=True)
class BulletinContent:
    """Everything printed on one 通报, as final text."""

    masthead: str  # 发文机关标志, red
    number: str  # 发文字号; blank in a 样稿
    title: str
    addressee: str  # 主送, without the colon
    paragraphs: tuple[str, ...]
    signer: str
    bulletin_date: date
    has_seal: bool
    table: tuple[RankTableRow, ...]
    table_note: str
    printer: str  # 印发机关 of the 版记
    copy_to: str = ""  # 抄送 of the 版记 (none when blank)
    attachment: str = ATTACHMENT
    sample: bool = False  # a 样稿: marked on every page, the number left blank
    title_words: tuple[str, ...] = ()  # never broken inside (the notice's topic, its items)

    @property
    def printed_on(self) -> date:
        """印发日期: the day it is issued."""
        return self.bulletin_date


def check_template(template: str) -> None:
    """An unknown placeholder is an error naming it and the known ones."""
    unknown = sorted({m.group(1) for m in _FIELD.finditer(template)} - set(_BY_NAME))
    if unknown:
        known = "、".join("{" + zh + "}" for zh, _ in PLACEHOLDERS.values())
        names = "、".join("{" + u + "}" for u in unknown)
        raise ValidationError(f"通报模板中有无法识别的占位符：{names}。可用：{known}")


def fill_body(template: str, values: Mapping[str, str]) -> tuple[str, ...]:
    """The paragraphs of ``template`` filled from ``values`` (keyed by the English names);
    a line in which any placeholder is empty is left out."""
    check_template(template)
    paragraphs = []
    for raw in template.splitlines():
        keys = [_BY_NAME[m.group(1)] for m in _FIELD.finditer(raw)]
        if any(not values.get(k, "") for k in keys):
            continue
        line = _FIELD.sub(lambda m: values.get(_BY_NAME[m.group(1)], ""), raw).strip()
        if line:
            paragraphs.append(line)
    return tuple(paragraphs)


def placeholder_hint() -> str:
    """One line per placeholder, for the template editor."""
    return "\n".join(f"{{{zh}}}：{what}" for zh, what in PLACEHOLDERS.values())
