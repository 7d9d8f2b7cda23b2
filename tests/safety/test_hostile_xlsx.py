"""Hostile workbooks: zip bombs, a styled cell at XFD1048576, entity bombs, runaway rows and
columns — each refused at once with one Chinese sentence (or, for the far styled cell, simply
read), on SQLite and PostgreSQL. Plus property tests of the bounded sheet reader."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.old_ledger import roster_and_notice
from tests.old_ledger import write as write_ledger
from tests.safety import hostile
from tracker.domain.errors import TrackerError
from tracker.reports import xlsx_read
from tracker.reports.ledger_xlsx import read_ledger_sheet
from tracker.reports.roster_xlsx import read_roster
from tracker.services.bundle import Services

TWO = [("和平区市场监管局", "区局"), ("河西区市场监管局", "区局")]


def _state(sv: Services) -> tuple[object, ...]:
    return tuple(sv.units.list_units()), len(sv.audit.entries())


def _refused(sv: Services, path: Path, message: str) -> None:
    before = _state(sv)
    for attempt in (sv.roster.preview, sv.roster.apply):
        with pytest.raises(TrackerError, match=message) as err:
            attempt(path)
        assert "Traceback" not in str(err.value)
    assert _state(sv) == before


@pytest.mark.both_databases
def test_a_sheet_that_inflates_past_the_cap_is_refused_before_inflating(
    tianjin_units: Services, tmp_path: Path
) -> None:
    bomb = hostile.zip_bomb(tmp_path / "名录.xlsx", inflated_mib=40)
    assert bomb.stat().st_size < 1 << 20  # well under a megabyte on disk
    _refused(tianjin_units, bomb, "解压后有 40.0 MB.*超过 32.0 MB")


@pytest.mark.both_databases
def test_an_empty_styled_cell_at_xfd1048576_costs_nothing(
    services: Services, tmp_path: Path
) -> None:
    path = hostile.styled_far_corner(tmp_path / "名录.xlsx", TWO)
    with zipfile.ZipFile(path) as zf:
        assert b'ref="A1:XFD1048576"' in zf.read(hostile.SHEET)  # the declared dimension
    plan, _ = services.roster.apply(path)
    assert plan.summary.startswith("新增2个")
    assert [u.name for u in services.units.list_units()] == [n for n, _ in TWO]


@pytest.mark.both_databases
def test_an_old_ledger_with_a_styled_far_corner_imports_as_usual(
    services: Services, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    sv = roster_and_notice(services)
    path = write_ledger(tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    wb.worksheets[0]["XFD1048576"].font = Font(italic=True)
    wb.save(path)
    grid = sv.ledger_import.inspect(path)
    assert (grid.rows, grid.cols) == (15, 7)  # the cells present, not the dimension
    plan = sv.ledger_import.preview(path, sv.ledger_import.suggest(grid))
    assert plan.problems == () and plan.writes == 10


@pytest.mark.both_databases
def test_runaway_rows_and_columns_are_refused_with_the_cap(
    tianjin_units: Services, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    for where, message in (("CW2", "超过 100 列"), ("A10001", "超过 10000 行")):
        wb = Workbook()
        ws = wb.active
        ws.append(["单位名称", "类别"])
        ws.append(list(TWO[0]))
        ws[where] = "x"
        path = tmp_path / f"{where}.xlsx"
        wb.save(path)
        _refused(tianjin_units, path, message)


def test_a_sheet_of_countless_empty_styled_cells_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_read, "CELL_LIMIT", 5_000)

    def styled_rows(fh: Any) -> None:
        for r in range(10, 1_000):
            fh.write(f'<row r="{r}">'.encode())
            fh.write(b"".join(f'<c r="{c}{r}" s="0"/>'.encode() for c in "ABCDEFGHIJ"))
            fh.write(b"</row>")

    path = hostile.roster_with_sheet_xml(tmp_path / "r.xlsx", TWO, tail=styled_rows)
    with pytest.raises(TrackerError, match="超过 5,000 个单元格"):
        read_roster(path)


@pytest.mark.both_databases
def test_an_entity_bomb_is_refused_by_the_defensive_parser(
    tianjin_units: Services, tmp_path: Path
) -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True  # defusedxml installed: openpyxl parses defensively
    _refused(tianjin_units, hostile.entity_bomb(tmp_path / "lol.xlsx"), "已损坏")


# -- properties of the bounded readers ------------------------------------------------------

texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co")), min_size=1, max_size=12
).filter(lambda s: s.strip() and not s.startswith("="))
values = st.one_of(
    texts,
    st.integers(-(10**9), 10**9),
    st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
)
cells = st.dictionaries(st.tuples(st.integers(1, 60), st.integers(1, 30)), values, max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells)
def test_the_sheet_reader_returns_exactly_the_cells_written(
    tmp_path: Path, written: dict[tuple[int, int], Any]
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for (r, c), v in written.items():
        ws.cell(r, c, v)
    path = tmp_path / "p.xlsx"
    wb.save(path)
    sheet = xlsx_read.read_sheet(path, max_rows=100, max_cols=50)
    got = {(r, c): v for r, row in sheet.by_row.items() for c, v in row.items()}
    assert got == written
    assert sheet.max_row == max((r for r, _ in written), default=0)
    grid = read_ledger_sheet(path)
    assert grid.rows == sheet.max_row and grid.cols == sheet.max_col


@pytest.fixture(scope="module")
def valid_roster(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("v") / "r.xlsx"
    hostile.styled_far_corner(path, TWO)
    return path.read_bytes()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 2**32), st.integers(1, 40))
def test_a_damaged_workbook_is_read_or_refused_never_a_crash(
    tmp_path: Path, valid_roster: bytes, seed: int, flips: int
) -> None:
    data = _damage_inside(valid_roster, random.Random(seed), flips)
    path = tmp_path / "d.xlsx"
    path.write_bytes(data)
    for read in (read_roster, read_ledger_sheet):
        try:
            read(path)
        except TrackerError as exc:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))


def _damage_inside(data: bytes, rnd: random.Random, flips: int) -> bytes:
    """Flip bytes inside the (inflated) XML parts, mostly the sheet's, so the zip stays readable
    and the damage reaches the sheet parser."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in src.namelist():
            part = bytearray(src.read(name))
            odds = 0.9 if name.startswith(("xl/worksheets/", "xl/sharedStrings")) else 0.05
            if name.endswith(".xml") and part and rnd.random() < odds:
                for _ in range(flips):
                    part[rnd.randrange(len(part))] = rnd.randrange(256)
            zf.writestr(name, bytes(part))
    return out.getvalue()
