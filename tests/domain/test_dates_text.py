from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.dates import format_cn, parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, format_forms, parse_forms
from tracker.domain.text import normalize_name, split_aliases


@pytest.mark.parametrize(
    "text",
    [
        "2023-06-27",
        "2023年6月27日",
        "2023.6.27",
        "2023/06/27",
        "20230627",
        " 2023-6-27 ",
        "２０２３年６月２７日",
        "2023年6月27日前",
    ],
)
def test_parse_date_accepts_what_clerks_write(text: str) -> None:
    assert parse_date(text) == date(2023, 6, 27)


def test_month_day_needs_a_year() -> None:
    assert parse_date("10月27日前", default_year=2021) == date(2021, 10, 27)
    with pytest.raises(ValidationError, match="缺少年份"):
        parse_date("10月27日")


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13-01", "明天", "", "2023-6"])
def test_impossible_or_unreadable_dates_are_refused_in_chinese(text: str) -> None:
    with pytest.raises(ValidationError, match="日期"):
        parse_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_format_then_parse_round_trips_within_2000_to_2100(day: date) -> None:
    if not date(2000, 1, 1) <= day <= date(2100, 12, 31):  # a typo (1923, 3023): refused
        with pytest.raises(ValidationError, match="年份不合理"):
            parse_date(format_cn(day))
        return
    assert parse_date(format_cn(day)) == day
    assert parse_date(day.strftime("%Y.%m.%d")) == day
    assert parse_date(day.strftime("%Y/%m/%d")) == day


def test_format_cn_has_no_zero_padding() -> None:
    assert format_cn(date(2023, 6, 7)) == "2023年6月7日"


def test_normalize_name_folds_spaces_and_full_width() -> None:
    assert normalize_name("  和平区\u3000市场监管局 ") == "和平区市场监管局"
    assert normalize_name("市\u200b教委") == "市教委"
    assert normalize_name("津市场监管标准〔2023〕14号") == "津市场监管标准〔2023〕14号"
    assert normalize_name("ＡＢＣ１２３") == "ABC123"


@given(st.text(max_size=40))
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip()


def test_split_aliases_accepts_chinese_and_latin_separators() -> None:
    assert split_aliases("和平局、和平区局，和平;和平局") == ["和平局", "和平区局", "和平"]
    assert split_aliases(None) == []


def test_forms_parse_and_format() -> None:
    forms = parse_forms("电子版，纸质版、盖章")
    assert forms == Form.ELECTRONIC | Form.PAPER | Form.SEAL
    assert format_forms(forms) == "电子版、纸质版、加盖公章"
    with pytest.raises(ValidationError, match="传真"):
        parse_forms("传真")
