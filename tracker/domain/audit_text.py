"""An audit entry's before/after read as Chinese: ``免报理由：（无） → 机构调整``, one line per
field that changed, not raw JSON. Keys the table below does not know are shown as they are."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tracker.domain.dates import format_cn

FIELD_LABELS: dict[str, str] = {
    # obligations (免报, 延期)
    "exempt_reason": "免报理由",
    "exempt_on": "免报批准日期",
    "extended_to": "延期至",
    "extension_reason": "延期理由",
    "extended_on": "延期批准日期",
    # submissions and reminders
    "submission_id": "登记编号",
    "obligation_id": "报送义务编号",
    "received_on": "收到日期",
    "channel": "报送方式",
    "forms": "收到材料",
    "files": "文件",
    "note": "备注",
    "reminder_id": "催报编号",
    "reminded_on": "催报日期",
    "method": "催报方式",
    "letter_number": "函号",
    "letter_id": "催报函编号",
    "number": "文号",
    "obligations": "涉及的报送义务",
    "audit_ids": "撤销的操作",
    # 关键数据 corrections ("value" None: the figure as read from the files)
    "kind": "数据项",
    "value": "更正值",
    "approx": "约数（“余”）",
    # units
    "name": "名称",
    "category": "类别",
    "short_name": "简称",
    "contact_person": "联系人",
    "phone": "电话",
    "email": "电子邮箱",
    "address": "地址",
    "sort_order": "排序",
    "active": "启用",
    "aliases": "别名",
    # notices
    "doc_number": "文号",
    "title": "标题",
    "issuer": "发文单位",
    "issued_on": "发文日期",
    "theme": "主题",
    "contacts": "联系人",
    "requirements": "报送事项",
    # the office's settings
    "office_name": "处室",
    "sender_name": "本单位名称",
    "signer": "落款",
    "contact_phone": "联系电话",
    "contact_email": "电子邮箱",
    "postal_address": "通讯地址",
    "letter_prefix": "函号前缀",
    "reminder_workdays": "补报时限（工作日）",
    "letter_body": "催报函正文（致单位）",
    "letter_body_group": "催报函正文（致类别）",
    "letter_closing": "结束语",
    "letter_has_seal": "加盖公章",
    "letter_duplex": "双面打印",
    "ladder_phone_after": "逾期后电话催报（工作日）",
    "ladder_letter_after": "逾期后发催报函（工作日）",
    "ladder_phone_grace": "电话催报后等待（工作日）",
    "due_soon_workdays": "临近到期提醒（工作日）",
}
_FORM_WORDS = {1: "电子版", 2: "纸质版", 4: "加盖公章", 8: "佐证材料"}
NOTHING = "（无）"


def _value(key: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return NOTHING
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "forms" and isinstance(value, int):
        return "、".join(w for bit, w in _FORM_WORDS.items() if value & bit) or NOTHING
    if key == "files" and isinstance(value, list):
        return "、".join(str(f[1]) if isinstance(f, list) and len(f) > 1 else str(f) for f in value)
    if isinstance(value, str):
        try:
            return format_cn(date.fromisoformat(value)) if len(value) == 10 else value
        except ValueError:
            return value
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return "、".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def _load(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def change_lines(before: str | None, after: str | None) -> list[str]:
    """One line per field: created (``字段：值``), removed (``字段：值（已删除）``) or changed
    (``字段：旧 → 新``); unchanged fields are left out."""
    old, new = _load(before), _load(after)
    if not isinstance(old, dict | type(None)) or not isinstance(new, dict | type(None)):
        return [f"修改前：{_value('', old)}", f"修改后：{_value('', new)}"]
    old, new = old or {}, new or {}
    lines = []
    for key in dict.fromkeys([*old, *new]):
        label = FIELD_LABELS.get(key, key)
        if key not in old:
            lines.append(f"{label}：{_value(key, new[key])}")
        elif key not in new:
            lines.append(f"{label}：{_value(key, old[key])}（已删除）")
        elif old[key] != new[key]:
            lines.append(f"{label}：{_value(key, old[key])} → {_value(key, new[key])}")
    return lines
