"""Wrong types in the files a clerk hands over (notice TOML, old-ledger MAP.toml), deep nesting,
and Notepad's encodings (GBK/GB18030, BOMs) for notices, maps, letter templates and holiday
lists: the wrong field is named, nothing is stored; GBK is simply read. Property tests generate
documents of every shape."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.old_ledger import roster_and_notice
from tests.old_ledger import write as write_ledger
from tracker.cli import main
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.text import decode_text
from tracker.services.bundle import Services
from tracker.services.ledger_map_file import type_problems
from tracker.services.notice_file import parse_notice_text
from tracker.services.text_files import parse_toml, read_text_file

HEAD = '[notice]\ntitle = "关于报送总结的通知"\nissued = 2023-06-05\n'
REQ = '[[requirements]]\ntitle = "总结"\ncategories = ["区局"]\ndeadline = 2023-06-27\n'
DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"

WRONG_NOTICES = {
    "title is a number": ("[notice]\ntitle = 5\n" + REQ, "title：应为文字"),
    "contact name is a table": (
        HEAD + "contacts = [{ name = { a = 1 } }]\n" + REQ,
        "name：应为文字",
    ),
    "contact with an unknown key": (
        HEAD + 'contacts = [{ nick = "王" }]\n' + REQ,
        "不认识的字段“nick”",
    ),
    "note is a list": (HEAD + "note = [1]\n" + REQ, "note：应为文字"),
    "issued is a boolean": ('[notice]\ntitle = "通知"\nissued = true\n' + REQ, "issued：应为日期"),
    "deadline is a number": (
        HEAD + '[[requirements]]\ntitle = "总结"\ndeadline = 20230627\n',
        "deadline：应为日期",
    ),
    "deadline is a time": (
        HEAD + '[[requirements]]\ntitle = "总结"\ndeadline = 10:00:00\n',
        "应为日期",
    ),
    "forms is a number": (HEAD + REQ + "forms = 5\n", "forms：应为文字列表"),
    "requirement title is a table": (
        HEAD + "[[requirements]]\ntitle = { a = 1 }\ndeadline = 2023-06-27\n",
        "title：应为文字",
    ),
    "requirements is a string": ('requirements = "总结"\n' + HEAD, "requirements：应写成"),
    "doc number is a float": (
        HEAD.replace("[notice]\n", "[notice]\ndoc_number = 1.5\n") + REQ,
        "doc_number：应为文字",
    ),
    "deeply nested arrays": (HEAD + DEEP + REQ, "嵌套层数过多"),
}


@pytest.mark.parametrize("case", WRONG_NOTICES)
def test_a_field_of_the_wrong_type_in_a_notice_is_named(case: str) -> None:
    text, words = WRONG_NOTICES[case]
    with pytest.raises(TrackerError, match=words) as err:
        parse_notice_text(text)
    assert "Traceback" not in str(err.value)


def test_a_phone_written_as_a_number_is_read_as_text() -> None:
    spec = parse_notice_text(HEAD + 'contacts = [{ name = "吴一凡", phone = 2055997 }]\n' + REQ)
    assert spec.contacts[0].phone == "2055997"


WRONG_MAPS: dict[str, tuple[dict[str, Any], str]] = {
    "header_row is text": ({"header_row": "abc", "columns": []}, "header_row：应为表头所在的行号"),
    "header_row is a boolean": ({"header_row": True}, "header_row"),
    "header_row is huge": ({"header_row": 10**9}, "header_row"),
    "columns is a number": ({"columns": 5}, "columns：应写成"),
    "column is a boolean": (
        {"columns": [{"column": True, "requirement": "总结"}]},
        "column：应为列号",
    ),
    "requirement is a number": (
        {"columns": [{"column": "C", "requirement": 5}]},
        "requirement：应为文字",
    ),
    "forms is a number": (
        {"columns": [{"column": "C", "requirement": "x", "forms": 5}]},
        "forms：应为文字列表",
    ),
    "unknown key in a column": (
        {"columns": [{"column": "C", "requirement": "x", "what": 1}]},
        "不认识的字段",
    ),
    "sheet is a list": ({"sheet": ["a"]}, "sheet：应为文字"),
    "unit_column is a float": ({"unit_column": 1.5}, "unit_column"),
}


@pytest.mark.parametrize("case", WRONG_MAPS)
def test_a_field_of_the_wrong_type_in_a_map_is_named(case: str) -> None:
    data, words = WRONG_MAPS[case]
    assert any(words in p for p in type_problems(data)), type_problems(data)


@pytest.mark.both_databases
def test_a_bad_map_file_is_refused_before_the_ledger_is_read(
    services: Services, tmp_path: Path
) -> None:
    sv = roster_and_notice(services)
    ledger = write_ledger(tmp_path / "台账.xlsx")
    for text, words in (('header_row = "abc"\n', "header_row"), ("columns = 5\n", "columns"),
                        (DEEP, "嵌套层数过多")):  # fmt: skip
        map_file = tmp_path / "MAP.toml"
        map_file.write_text(text, encoding="utf-8")
        with pytest.raises(TrackerError, match=words):
            sv.ledger_import.load_map(map_file, ledger)


# -- encodings ------------------------------------------------------------------------------

TEMPLATE = "{intro}截至{as_of}，贵单位尚未报送：\n{item_list}\n请于{new_deadline}前补报。{closing}"


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_files_saved_by_notepad_in_any_of_its_encodings_are_read(
    tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "模板.txt"
    path.write_bytes(TEMPLATE.encode(codec))
    assert read_text_file(path, "正文模板") == TEMPLATE
    notice = tmp_path / "通知.toml"
    notice.write_bytes((HEAD + REQ).encode(codec))
    assert read_text_file(notice, "通知文件") == HEAD + REQ


@pytest.mark.both_databases
def test_a_gbk_holiday_list_and_template_work_from_the_command_line(
    ledger_ws: tuple[Services, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sv, where = ledger_ws
    days = tmp_path / "2027年节假日.txt"
    days.write_bytes(
        "# 国务院办公厅通知\n2027-01-01 休 元旦\n2027-02-07 班 春节调休\n".encode("gbk")
    )
    assert main([*where, "holidays", "2027", "--import", str(days)]) == 0
    assert [d.name for d in sv.calendar.days(2027)] == ["元旦", "春节调休"]
    template = tmp_path / "模板.txt"
    template.write_bytes(TEMPLATE.encode("gbk"))
    out = tmp_path / "预览.pdf"
    code = main([*where, "letters", "--preview", "--as-of", "2023-12-01", "--template",
                 str(template), "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert out.stat().st_size > 1000


@pytest.fixture
def ledger_ws(
    tianjin_units: Services, workspace_dir: Path, db_url: str | None
) -> tuple[Services, list[str]]:
    from tracker.domain.forms import Form
    from tracker.domain.records import NoticeSpec, RequirementSpec

    tianjin_units.settings.update_office(
        office_name="标准化处", sender_name="市场监管委", letter_prefix="津标函"
    )
    tianjin_units.notices.create(
        NoticeSpec(
            "通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),),
        )
    )
    return tianjin_units, ["--db-url", db_url] if db_url else ["--workspace", str(workspace_dir)]


# -- properties -----------------------------------------------------------------------------


def toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped + '"'


scalars = st.one_of(
    st.text(max_size=12).map(toml_string),
    st.integers(-(10**12), 10**12).map(str),
    st.sampled_from(["true", "false", "2023-06-27", "10:00:00", "1.5", "inf", "nan", "[]", "{}"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3).map(lambda v: "[" + ", ".join(v) + "]")
        | st.dictionaries(st.sampled_from(["name", "phone", "email", "a"]), inner, max_size=2).map(
            lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }"
        )
    ),
    max_leaves=8,
)
NOTICE_FIELDS = ["doc_number", "title", "issuer", "issued", "theme", "note", "contacts", "x"]
REQ_FIELDS = ["title", "deadline", "forms", "categories", "units", "note", "y"]


@st.composite
def notice_documents(draw: Any) -> str:
    notice = draw(st.dictionaries(st.sampled_from(NOTICE_FIELDS), values, max_size=6))
    reqs = draw(
        st.lists(st.dictionaries(st.sampled_from(REQ_FIELDS), values, max_size=6), max_size=3)
    )
    text = "[notice]\n" + "".join(f"{k} = {v}\n" for k, v in notice.items())
    for req in reqs:
        text += "[[requirements]]\n" + "".join(f"{k} = {v}\n" for k, v in req.items())
    return text


@settings(max_examples=400, deadline=None)
@given(notice_documents())
def test_any_notice_document_is_read_or_refused_in_chinese(text: str) -> None:
    try:
        spec = parse_notice_text(text)
    except TrackerError as exc:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))
        return
    assert spec.title and all(isinstance(r.deadline, date) for r in spec.requirements)
    assert all(isinstance(c.name, str) and isinstance(c.phone, str) for c in spec.contacts)


MAP_FIELDS = ["sheet", "header_row", "unit_column", "notice", "z"]
COLUMN_FIELDS = ["column", "requirement", "forms", "notice", "w"]


@st.composite
def map_documents(draw: Any) -> str:
    top = draw(st.dictionaries(st.sampled_from(MAP_FIELDS), values, max_size=4))
    cols = draw(
        st.lists(st.dictionaries(st.sampled_from(COLUMN_FIELDS), values, max_size=4), max_size=3)
    )
    text = "".join(f"{k} = {v}\n" for k, v in top.items())
    for col in cols:
        text += "[[columns]]\n" + "".join(f"{k} = {v}\n" for k, v in col.items())
    return text


@settings(max_examples=400, deadline=None)
@given(map_documents())
def test_any_map_document_is_typed_or_its_problems_named(text: str) -> None:
    try:
        data = parse_toml(text, "对应文件")
    except TrackerError:
        return
    problems = type_problems(data)
    if not problems:  # then every field the reader uses has its type
        assert isinstance(data.get("header_row", 1), int) and not isinstance(
            data.get("header_row"), bool
        )
        assert all(isinstance(c, dict) for c in data.get("columns", []))
        assert all(isinstance(c.get("requirement", ""), str) for c in data.get("columns", []))


@given(st.text(st.characters(codec="gbk", exclude_categories=("Cs",)), max_size=40))
def test_text_notepad_saved_in_gbk_or_utf8_decodes_back(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-16")) == text
    gbk = text.encode("gbk")
    try:
        gbk.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_text(gbk) == text  # not valid UTF-8: read as GB18030 (GBK's superset)


@given(st.binary(max_size=60))
def test_any_bytes_decode_to_text_or_a_clear_none(data: bytes) -> None:
    result = decode_text(data)
    assert result is None or isinstance(result, str)


def test_a_template_in_no_known_encoding_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "模板.txt"
    path.write_bytes(b"\x80\xff\xfe")
    with pytest.raises(ValidationError, match=r"模板.txt.*编码无法识别"):
        read_text_file(path, "正文模板")
