"""Property tests: date parsing and the normalisation every import goes through."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain.dates import format_cn, parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.records import UnitRecord
from tracker.domain.text import normalize_name, normalize_text, split_aliases
from tracker.services.files import safe_file_name

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


@given(days, st.sampled_from(["", "前", "之前", "以前"]), st.booleans(), st.booleans())
def test_every_way_clerks_write_a_date_parses_to_it(
    day: date, suffix: str, wide: bool, padded: bool
) -> None:
    y, m, d = day.year, day.month, day.day
    forms = [
        format_cn(day),
        day.isoformat(),
        f"{y}.{m}.{d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}-{m}-{d}",
        f"{y}{m:02d}{d:02d}",
    ]
    for text in forms:
        written = text + suffix
        if wide:
            written = written.translate(WIDE)
        if padded:
            written = f"　{written} "
        assert parse_date(written) == day, written
    assert parse_date(f"{m}月{d}日{suffix}", default_year=y) == day


@given(st.integers(1900, 2100), st.integers(0, 40), st.integers(0, 40))
def test_impossible_dates_are_refused_never_guessed(y: int, m: int, d: int) -> None:
    try:
        date(y, m, d)
    except ValueError:
        for text in (f"{y}-{m}-{d}", f"{y}年{m}月{d}日", f"{y}.{m}.{d}"):
            try:
                parse_date(text)
            except ValidationError as exc:
                assert "不存在" in str(exc) or "无法识别" in str(exc)
            else:
                raise AssertionError(f"{text} was accepted")


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    try:
        parse_date(text, default_year=2023)
    except ValidationError as exc:
        assert str(exc)  # a message, never an IndexError/ValueError from inside


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(names)
def test_normalised_names_are_clean_and_stable(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip() and "  " not in once
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in once)
    assert "\u3000" not in once


@given(names)
def test_normalised_text_keeps_lines_and_drops_controls(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\x00" not in once


@given(st.lists(names, max_size=6))
def test_alias_lists_split_into_unique_clean_names(parts: list[str]) -> None:
    aliases = split_aliases("、".join(parts))
    assert len(aliases) == len(set(aliases))
    assert all(a and normalize_name(a) == a for a in aliases)
    assert split_aliases("、".join(aliases)) == aliases


@given(names)
def test_a_safe_file_name_is_one_plain_file(name: str) -> None:
    safe = safe_file_name(name)
    assert "/" not in safe and "\\" not in safe
    assert not safe.endswith((".", " ")) and len(safe) <= 120
    assert safe.split(".")[0].strip().upper() not in {"CON", "PRN", "AUX", "NUL"}


unit_names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: normalize_name(s) and not normalize_name(s).startswith(("=", "+", "-", "@")))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(unit_names, min_size=1, max_size=8, unique_by=normalize_name))
def test_a_roster_written_then_read_gives_the_normalised_names(
    tmp_path: Path, raw: list[str]
) -> None:
    from tracker.reports.roster_xlsx import read_roster, write_roster

    units = [UnitRecord(i, n, "区局", "", (), "", "", "", "", i, True) for i, n in enumerate(raw)]
    path = tmp_path / "r.xlsx"
    write_roster(path, units)
    assert [r.spec.name for r in read_roster(path).rows] == [normalize_name(n) for n in raw]
