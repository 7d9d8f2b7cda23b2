"""Measures the 通报's PDF and .docx share: the 标志's size, the 附件 table, the 版记."""

from __future__ import annotations

MASTHEAD_MAX = 42.0  # 初号: the 发文机关标志 shrinks from here until it fits the type area
TABLE_SIZE = 12.0  # 小四, the 附件 table
TABLE_HEADERS = (
    "名次", "单位", "应报", "按时", "逾期补报", "未报/部分", "上报率", "按时率", "平均逾期天数",
)  # fmt: skip
TABLE_MM = (12, 42, 12, 12, 14, 14, 17, 17, 16)  # 156 mm; 100.0% at 小四 needs 16.1 mm
RECORD_SIZE = 14.0  # 4号: 抄送, 印发机关 and 印发日期
THICK_MM, THIN_MM = 0.35, 0.25  # the 版记's outer and inner rules
SEPARATOR_MM = 0.5  # the red line under the 发文字号
