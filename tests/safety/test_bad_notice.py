"""Bad notice files, odd text and hostile attachment names: clear answers, nothing changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain.errors import TrackerError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services
from tracker.services.files import FileArchive, safe_file_name
from tracker.services.notice_file import parse_notice_text, read_notice_file

pytestmark = pytest.mark.both_databases

HEAD = '[notice]\ntitle = "关于报送总结的通知"\nissued = 2023-06-05\n'
DUE = "deadline = 2023-06-27\n"
REQ = '[[requirements]]\ntitle = "总结"\ncategories = ["区局"]\n'
NOTICES: dict[str, tuple[str, str]] = {
    "empty file": ("", "缺少 \\[notice\\] 段"),
    "no [notice]": (REQ + "deadline = 2023-06-27\n", "缺少 \\[notice\\] 段"),
    "no title": ("[notice]\nissued = 2023-06-05\n" + REQ + "deadline = 2023-06-27\n", "缺少 title"),
    "no requirements": (HEAD, "至少一个报送事项"),
    "no deadline": (HEAD + REQ, "缺少日期"),
    "February 30th": (HEAD + REQ + "deadline = 2023-02-30\n", "第7行第12列日期不存在"),
    "month 13 as text": (HEAD + REQ + 'deadline = "2023.13.1"\n', "不存在"),
    "2月30日 as text": (HEAD + REQ + 'deadline = "2月30日"\n', "不存在"),
    "year 3023": (HEAD + REQ + 'deadline = "3023年6月27日"\n', "年份不合理"),
    "month-day without a year": (
        '[notice]\ntitle = "通知"\n' + REQ + 'deadline = "6月27日"\n',
        "缺少年份",
    ),
    "gibberish date": (HEAD + REQ + 'deadline = "下周五"\n', "无法识别的日期"),
    "unquoted text": ("[notice]\ntitle = 关于报送总结的通知\n", "第2行第9列取值写法不对"),
    "field written twice": (HEAD + 'title = "又一个"\n', "同一个字段写了两次"),
    "unknown form": (HEAD + REQ + 'deadline = 2023-06-27\nforms = ["传真"]\n', "传真"),
    "unknown field": (HEAD + REQ + "deadline = 2023-06-27\nowner = 1\n", "不认识的字段"),
    "categories not a list": (
        HEAD + '[[requirements]]\ntitle = "总结"\ndeadline = 2023-06-27\ncategories = 3\n',
        "应为文字列表",
    ),
}
STORED: dict[str, tuple[str, str]] = {  # parse fine, refused by the service
    "deadline before issue": (HEAD + REQ + "deadline = 2023-06-01\n", "早于发文日期"),
    "unknown category": (HEAD + REQ.replace("区局", "市属医院") + DUE, "未知类别"),
    "600-character title": (HEAD.replace("关于报送总结的通知", "长" * 600) + REQ + DUE, "过长"),
    "unknown unit": (HEAD + REQ + 'deadline = 2023-06-27\nunits = ["火星局"]\n', "找不到单位"),
}


@pytest.mark.parametrize("case", NOTICES)
def test_a_bad_notice_file_is_refused_clearly(case: str) -> None:
    text, message = NOTICES[case]
    with pytest.raises(TrackerError, match=message):
        parse_notice_text(text, "通知文件")


@pytest.mark.parametrize("case", STORED)
def test_a_notice_the_ledger_cannot_take_changes_nothing(
    case: str, tianjin_units: Services
) -> None:
    text, message = STORED[case]
    spec = parse_notice_text(text, "通知文件")
    with pytest.raises(TrackerError, match=message):
        tianjin_units.notices.create(spec)
    assert tianjin_units.notices.list_notices() == []


def test_the_dates_clerks_write_all_mean_the_same_day(tianjin_units: Services) -> None:
    for written in ("2023.6.27", "6月27日", "2023/06/27", "2023年6月27日前", "６月２７日前"):
        spec = parse_notice_text(HEAD + REQ + f'deadline = "{written}"\n')
        assert spec.requirements[0].deadline == date(2023, 6, 27), written


def test_a_file_saved_by_notepad_in_gbk_reads_the_same(tmp_path: Path) -> None:
    text = HEAD + REQ + "deadline = 2023-06-27\n"
    path = tmp_path / "通知.toml"
    for data in (text.encode("gbk"), text.encode("gb18030"), "\ufeff".encode() + text.encode(),
                 text.encode("utf-16")):  # fmt: skip
        path.write_bytes(data)
        assert read_notice_file(path) == parse_notice_text(text)


def test_a_file_in_no_known_encoding_says_so(tmp_path: Path) -> None:
    path = tmp_path / "通知.toml"
    path.write_bytes(HEAD.encode() + b'note = "\x80\xff"\n')
    with pytest.raises(TrackerError, match=r"编码无法识别.*UTF-8"):
        read_notice_file(path)


ODD = ["<script>&\"'</script>", "进度😀已完成", "𠀀𠀁𪚥", "䶮", "备注" * 250]


def test_odd_text_is_stored_and_read_back_exactly(tianjin_units: Services) -> None:
    sv = tianjin_units
    for i, text in enumerate(ODD):
        title = f"{text[:200]}{i}"
        sv.notices.create(
            NoticeSpec(title, body_note=text, requirements=(
                RequirementSpec(f"事项{text[:50]}", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),
            ))
        )  # fmt: skip
        oid = sv.ledger.rows()[0].obligation_id
        sv.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 20), note=text)
        assert sv.ledger.submissions(oid)[-1].note == text
    titles = {n.title for n in sv.notices.list_notices()}
    assert {f"{t[:200]}{i}" for i, t in enumerate(ODD)} == titles
    assert sv.ledger.rows()  # and the ledger still reads


def test_hostile_attachment_names_stay_inside_the_workspace(
    tianjin_units: Services, tmp_path: Path
) -> None:
    sv = tianjin_units
    sv.notices.create(
        NoticeSpec("通知", requirements=(RequirementSpec("总结", date(2023, 6, 27), 1, ("区局",)),))
    )
    oid = sv.ledger.rows()[0].obligation_id
    incoming = tmp_path / "收件"
    incoming.mkdir()
    names = ["CON.txt", "..\\..\\x.docx", "aux", "总结 (终稿).docx", "a:b?.pdf", "结尾点. "]
    files = []
    for i, name in enumerate(names):
        (incoming / name).write_bytes(f"内容{i}".encode())
        files.append(incoming / name)
    sv.ledger.register(oid, Form.ELECTRONIC, files=files)
    stored = sv.ledger.submissions(oid)[-1].files
    assert [n for n, _ in stored] == names  # original names kept, in the database only
    archive_root = sv.ws.files.root.resolve()
    out = tmp_path / "导出"
    for name, sha in stored:
        inside = sv.ws.files.path_for(sha, name).resolve()
        assert inside.is_relative_to(archive_root) and inside.name.startswith(sha)
        copy = sv.ws.files.export_copy(sha, name, out)
        assert copy.parent == out and copy.read_bytes() == inside.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == sorted(safe_file_name(n) for n in names)
    assert "_CON.txt" in {p.name for p in out.iterdir()}


def test_names_that_are_only_dots_still_export(tmp_path: Path) -> None:
    archive = FileArchive(tmp_path / "files")
    src = tmp_path / "x.docx"
    src.write_bytes(b"x")
    stored = archive.store(src)
    for name in ("../../x.docx", "/etc/x.docx", "C:\\Windows\\x.docx", "...docx", "CON.docx"):
        copy = archive.export_copy(stored.sha256, name, tmp_path / "out")
        assert copy.parent == tmp_path / "out"
        assert copy.resolve().is_relative_to((tmp_path / "out").resolve())
