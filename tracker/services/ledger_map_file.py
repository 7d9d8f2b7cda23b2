"""Column mappings for an old ledger: suggested from its headers, or read from MAP.toml.

MAP.toml (README has the full example):

    sheet = "2023年"                 # optional, default the first sheet
    header_row = 3                   # optional, default the row naming 单位 (found)
    unit_column = "A"                # a letter or the header text; optional, found
    notice = "津市场监管标准〔2023〕14号"  # optional default for the columns

    [[columns]]
    column = "C"                     # a letter or the header text (阶段性总结/电子版)
    requirement = "阶段性总结"
    forms = ["电子版"]               # optional: what a mark there means
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form, parse_forms
from tracker.domain.ledger_map import ColumnMap, LedgerMapping, column_index, column_letter
from tracker.reports.ledger_xlsx import HEADER_SCAN_ROWS, MAX_COLS, SheetGrid, read_ledger_sheet
from tracker.services.notices import find_requirement
from tracker.services.text_files import parse_toml, read_text_file
from tracker.store.models import Notice, Requirement

FORM_WORDS: dict[str, Form] = {
    "电子": Form.ELECTRONIC,
    "纸质": Form.PAPER,
    "盖章": Form.SEAL,
    "公章": Form.SEAL,
    "佐证": Form.EVIDENCE,
}
KEYS = {"sheet", "header_row", "unit_column", "notice", "columns"}
COLUMN_KEYS = {"column", "requirement", "forms", "notice"}


def forms_in(label: str) -> Form:
    found = Form.NONE
    for word, form in FORM_WORDS.items():
        if word in label:
            found |= form
    return found


def suggest_mapping(s: Session, grid: SheetGrid, header_row: int | None = None) -> LedgerMapping:
    row = header_row or grid.guess_header_row()
    unit_col = grid.guess_unit_column(row)
    stmt = (
        select(Requirement.id, Requirement.title, Notice.doc_number)
        .join(Notice)
        .order_by(Notice.issued_on.desc(), Notice.id.desc(), Requirement.position)
    )
    reqs = list(s.execute(stmt))
    columns = []
    for col, label in grid.labels(row).items():
        if col == unit_col or not label:
            continue
        matches = [r for r in reqs if r.title and r.title in label]
        if not matches:
            continue
        # the longest title wins (年度总结 over 总结); a doc number in the header decides ties
        best = max(matches, key=lambda r: (len(r.title), bool(r.doc_number in label)))
        columns.append(ColumnMap(col, best.id, forms_in(label.replace(best.title, ""))))
    return LedgerMapping(grid.sheet, row, unit_col, tuple(columns))


def _column(value: Any, labels: dict[int, str], problems: list[str], what: str) -> int | None:
    if isinstance(value, int) and value > 0:
        return value
    text = str(value).strip()
    if column_index(text):
        return column_index(text)
    exact = [c for c, label in labels.items() if label == text]
    partial = [c for c, label in labels.items() if text and text in label]
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if found:
        letters = "、".join(column_letter(c) for c in found)
        problems.append(f"{what}“{text}”对应多列（{letters}），请写列号字母")
    else:
        problems.append(f"{what}“{text}”：表头中没有这一列")
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    return parse_toml(read_text_file(path, "对应文件"), f"对应文件“{path.name}”")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_column(value: Any) -> bool:
    return (_is_int(value) and 0 < value <= MAX_COLS) or (isinstance(value, str) and bool(value))


def type_problems(data: dict[str, Any]) -> list[str]:
    """Every field of MAP.toml with the wrong type, named (before anything is looked up)."""
    problems = [f"未知的设置项“{k}”" for k in data if k not in KEYS]
    for key in ("sheet", "notice"):
        if key in data and not isinstance(data[key], str):
            problems.append(f'{key}：应为文字（加英文双引号，如 {key} = "…"）')
    row = data.get("header_row")
    if row is not None and not (_is_int(row) and 1 <= row <= HEADER_SCAN_ROWS * 10):
        problems.append(f"header_row：应为表头所在的行号（1 到 {HEADER_SCAN_ROWS * 10} 的整数）")
    if "unit_column" in data and not _is_column(data["unit_column"]):
        problems.append('unit_column：应为列号字母（如 "B"）或表头文字')
    columns = data.get("columns")
    if columns is not None and not (
        isinstance(columns, list) and all(isinstance(c, dict) for c in columns)
    ):
        return [*problems, "columns：应写成一个或多个 [[columns]] 段"]
    for i, entry in enumerate(columns or [], start=1):
        problems.extend(_entry_problems(f"第{i}个 [[columns]]", entry))
    return problems


def _entry_problems(where: str, entry: dict[str, Any]) -> list[str]:
    found = [f"{where}：不认识的字段“{k}”" for k in entry if k not in COLUMN_KEYS]
    if "column" in entry and not _is_column(entry["column"]):
        found.append(f'{where} column：应为列号字母（如 "C"）或表头文字')
    for key in ("requirement", "notice"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            found.append(f"{where} {key}：应为文字")
    forms = entry.get("forms")
    if forms is not None and not (
        isinstance(forms, str)
        or (isinstance(forms, list) and all(isinstance(f, str) for f in forms))
    ):
        found.append(f'{where} forms：应为文字列表，例如 ["电子版"]')
    return found


def _column_maps(
    s: Session, data: dict[str, Any], labels: dict[int, str], problems: list[str]
) -> list[ColumnMap]:
    columns = []
    for i, entry in enumerate(data.get("columns") or [], start=1):
        where = f"第{i}个 [[columns]]"
        if not isinstance(entry, dict) or "column" not in entry or "requirement" not in entry:
            problems.append(f"{where}：需要 column 和 requirement 两项")
            continue
        col = _column(entry["column"], labels, problems, f"{where}的列")
        try:
            req = find_requirement(
                s, str(entry["requirement"]), entry.get("notice") or data.get("notice")
            )
            forms = parse_forms(entry["forms"]) if "forms" in entry else Form.NONE
        except TrackerError as exc:
            problems.append(f"{where}：{exc}")
            continue
        if col is not None:
            columns.append(ColumnMap(col, req.id, forms))
    return columns


def read_map_file(s: Session, map_path: Path, xlsx_path: Path) -> LedgerMapping:
    data = _load_toml(map_path)
    problems = type_problems(data)
    if problems:
        raise ValidationError(f"对应文件“{map_path.name}”有误", problems)
    grid = read_ledger_sheet(xlsx_path, data.get("sheet"))
    row = int(data.get("header_row") or grid.guess_header_row())
    labels = grid.labels(row)
    unit_col = grid.guess_unit_column(row)
    if "unit_column" in data:
        unit_col = _column(data["unit_column"], labels, problems, "单位列") or unit_col
    columns = _column_maps(s, data, labels, problems)
    if not data.get("columns"):
        problems.append("对应文件中没有任何 [[columns]]")
    if problems:
        raise ValidationError(f"对应文件“{map_path.name}”有误", problems)
    return LedgerMapping(grid.sheet, row, unit_col, tuple(columns))
