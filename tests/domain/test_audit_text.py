"""An audit entry's change reads as Chinese field: before → after."""

from __future__ import annotations

import json

from tracker.domain.audit_text import change_lines


def test_changed_fields_read_as_before_and_after() -> None:
    before = json.dumps({"exempt_reason": None, "extended_to": "2023-07-03", "note": ""})
    after = json.dumps({"exempt_reason": "机构调整", "extended_to": "2023-07-03", "note": ""})
    assert change_lines(before, after) == ["免报理由：（无） → 机构调整"]


def test_a_created_and_a_deleted_record() -> None:
    sub = json.dumps({"received_on": "2023-06-20", "forms": 5, "files": [["ab", "总结.docx", 3]],
                      "channel": "邮件"})  # fmt: skip
    assert change_lines(None, sub) == [
        "收到日期：2023年6月20日",
        "收到材料：电子版、加盖公章",
        "文件：总结.docx",
        "报送方式：邮件",
    ]
    assert change_lines(sub, None)[0] == "收到日期：2023年6月20日（已删除）"


def test_unknown_keys_and_lists_stay_readable() -> None:
    lines = change_lines(
        json.dumps({"aliases": ["和平局"]}),
        json.dumps({"aliases": ["和平局", "和平"], "x_y": True}),
    )
    assert lines == ["别名：和平局 → 和平局、和平", "x_y：是"]
    assert change_lines(json.dumps([[1]]), None) == ["修改前：[[1]]", "修改后：（无）"]
