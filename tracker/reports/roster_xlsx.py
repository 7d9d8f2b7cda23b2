"""单位名录 workbooks: the template, the export, and reading a clerk's file back.

Reading validates the whole file and reports every problem by sheet, row and column, so a
bad file is rejected whole and the clerk can fix it in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tracker.domain.errors import ValidationError
from tracker.domain.limits import sort_order_problem
from tracker.domain.records import UnitRecord, UnitSpec
from tracker.domain.text import normalize_name, split_aliases
from tracker.reports.xlsx_common import save_atomically, set_text
from tracker.reports.xlsx_read import SheetCells, read_sheet

COLUMNS: tuple[str, ...] = (
    "单位名称",
    "类别",
    "简称",
    "别名",
    "联系人",
    "电话",
    "邮箱",
    "通讯地址",
    "排序",
    "状态",
)
REQUIRED = ("单位名称", "类别")
WIDTHS = (34, 10, 14, 24, 10, 16, 26, 36, 6, 6)
HEADER_SCAN_ROWS = 20
# A roster is dozens of units, a few hundred at most; far more means the wrong file.
MAX_ROWS = 10_000
MAX_COLS = 100
FORMULA_HINT = (
    "是公式，但文件中没有保存公式的计算结果（文件可能由其他程序生成）。"
    "请在 Excel 或 WPS 中打开并保存一次，或把公式“粘贴为数值”后再导入"
)
_INACTIVE_WORDS = {"停用", "否", "无效", "撤销"}


@dataclass(frozen=True, slots=True)
class RosterRow:
    row: int
    spec: UnitSpec


@dataclass
class RosterFile:
    sheet: str
    columns: frozenset[str] = frozenset()
    rows: list[RosterRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _where(sheet: str, row: int, column: str) -> str:
    return f"工作表“{sheet}”第{row}行“{column}”列"


def _find_header(sheet: SheetCells) -> tuple[int, dict[str, int]] | None:
    for r in range(1, min(sheet.max_row, HEADER_SCAN_ROWS) + 1):
        names = {normalize_name(v): c for c, v in sorted(sheet.row(r).items())}
        if all(req in names for req in REQUIRED):
            return r, {k: v for k, v in names.items() if k in COLUMNS}
    return None


def _merged_fill(
    sheet: SheetCells, header_row: int, problems: list[str], notes: list[str]
) -> dict[tuple[int, int], Any]:
    """Values of vertically merged data cells, copied down; horizontal merges are errors."""
    filled: dict[tuple[int, int], Any] = {}
    for min_row, min_col, max_row, max_col in sheet.merged:
        if max_row <= header_row:
            continue  # titles and headers above the data may be merged freely
        top_left = sheet.value(min_row, min_col)
        coord = _coord(min_row, min_col, max_row, max_col)
        if min_col != max_col:
            problems.append(f"工作表“{sheet.sheet}”{coord} 是跨列合并的单元格，请取消合并后再导入")
            continue
        for r in range(min_row, max_row + 1):
            filled[(r, min_col)] = top_left
        notes.append(f"{coord} 为合并单元格，已按“{top_left}”填入每一行")
    return filled


def _coord(min_row: int, min_col: int, max_row: int, max_col: int) -> str:
    from openpyxl.utils import get_column_letter as letter

    return f"{letter(min_col)}{min_row}:{letter(max_col)}{max_row}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()  # Excel stores a typed-in date as midnight of that day
    if isinstance(value, datetime | date):
        return value.isoformat()
    return normalize_name(value)


def read_roster(path: Path) -> RosterFile:
    path = Path(path)
    sheet = read_sheet(path, max_rows=MAX_ROWS, max_cols=MAX_COLS, what="单位名录")
    header = _find_header(sheet)
    if header is None:
        raise ValidationError(
            f"工作表“{sheet.sheet}”缺少必填列：{'、'.join(REQUIRED)}（应在前{HEADER_SCAN_ROWS}行中有表头）"
        )
    header_row, cols = header
    problems: list[str] = []
    result = RosterFile(sheet.sheet, frozenset(cols))
    merged = _merged_fill(sheet, header_row, problems, result.notes)
    rows = sorted({r for r in sheet.rows_with_values() if r > header_row} | {r for r, _ in merged})
    _read_rows(sheet, [r for r in rows if r > header_row], cols, merged, problems, result)
    if problems:
        raise ValidationError(f"单位名录“{path.name}”有误，未导入任何内容", problems)
    if not result.rows:
        raise ValidationError(f"单位名录“{path.name}”中没有任何单位")
    return result


def _read_rows(
    sheet: SheetCells,
    rows: list[int],
    cols: dict[str, int],
    merged: dict[tuple[int, int], Any],
    problems: list[str],
    result: RosterFile,
) -> None:
    seen: dict[str, int] = {}
    title = sheet.sheet
    for r in rows:
        raw = {name: merged.get((r, c), sheet.value(r, c)) for name, c in cols.items()}
        uncomputed = [n for n, c in cols.items() if raw[n] is None and (r, c) in sheet.formulas]
        if uncomputed:
            problems.extend(f"{_where(title, r, n)}：{FORMULA_HINT}" for n in uncomputed)
            continue
        values = {name: _text(v) for name, v in raw.items()}
        if not any(values.values()):
            continue  # blank rows are skipped, not errors
        spec = _row_spec(title, r, values, problems)
        if spec is None:
            continue
        if spec.name in seen:
            problems.append(
                f"{_where(title, r, '单位名称')}：“{spec.name}”与第{seen[spec.name]}行重复"
            )
            continue
        seen[spec.name] = r
        result.rows.append(RosterRow(r, spec))


def _row_spec(sheet: str, r: int, v: dict[str, str], problems: list[str]) -> UnitSpec | None:
    ok = True
    for req in REQUIRED:
        if not v.get(req):
            problems.append(f"{_where(sheet, r, req)}：不能为空")
            ok = False
    order = 0
    if v.get("排序"):
        try:
            number = float(v["排序"])
            order = int(number)
            if order != number:
                raise ValueError
        except (ValueError, OverflowError):  # 1.5, inf, nan
            problems.append(f"{_where(sheet, r, '排序')}：“{v['排序']}”不是整数")
            ok = False
        else:
            problem = sort_order_problem(order)
            if problem:
                problems.append(f"{_where(sheet, r, '排序')}：{problem}")
                ok = False
    email = v.get("邮箱", "")
    if email and "@" not in email:
        problems.append(f"{_where(sheet, r, '邮箱')}：“{email}”不是有效的电子邮箱")
        ok = False
    if not ok:
        return None
    return UnitSpec(
        name=v["单位名称"],
        category=v["类别"],
        short_name=v.get("简称", ""),
        aliases=tuple(split_aliases(v.get("别名", ""))),
        contact_person=v.get("联系人", ""),
        phone=v.get("电话", ""),
        email=email,
        address=v.get("通讯地址", ""),
        sort_order=order,
        active=v.get("状态", "") not in _INACTIVE_WORDS,
    )


def write_roster(path: Path, units: Sequence[UnitRecord], categories: Sequence[str] = ()) -> None:
    """The roster as a workbook that reads back with ``read_roster`` (the template when empty)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "单位名录"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (name, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True), start=1):
        cell = ws.cell(1, col, name)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center")
        ws.column_dimensions[cell.column_letter].width = width
    for r, u in enumerate(units, start=2):
        values = (
            u.name,
            u.category,
            u.short_name,
            "、".join(u.aliases),
            u.contact_person,
            u.phone,
            u.email,
            u.address,
        )
        for col, value in enumerate(values, start=1):
            set_text(ws.cell(r, col), value)
        ws.cell(r, 9, u.sort_order)
        ws.cell(r, 10, "启用" if u.active else "停用")
    ws.freeze_panes = "A2"
    if categories:
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(categories) + '"',
            allow_blank=False,
            showErrorMessage=False,
        )
        ws.add_data_validation(dv)
        dv.add("B2:B2000")
    _add_instructions(wb, categories)
    save_atomically(wb, path)


def _add_instructions(wb: Any, categories: Sequence[str]) -> None:
    ws = wb.create_sheet("填写说明")
    lines = [
        "单位名录填写说明",
        "1. 第一张工作表为名录，表头顺序可以调整；“单位名称”“类别”为必填。",
        "2. 别名可填多个，用“、”或“，”分隔，例如：和平局、和平区局。",
        "3. 类别可选："
        + ("、".join(categories) if categories else "区局、委办局、标委会、技术机构、协会"),
        "4. 状态填“停用”表示该单位不再参加新的报送，历史记录保留。",
        "5. 再次导入时按单位名称更新，不会重复新增。",
    ]
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line)
    ws.column_dimensions["A"].width = 80
