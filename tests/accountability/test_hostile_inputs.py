"""The commands added after issue 12 (通报, 排名, 单位历史, 撤销) held to its rules, on SQLite and
PostgreSQL: values out of range and over-long texts refused in one sentence before anything is
numbered; a Notepad (GBK) template read; an output that cannot be written refused before
issuing, and a failure after issuing says the 通报 is numbered and how to reprint it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.accountability.scenario import AS_OF, NOTICE_A
from tracker.cli import main
from tracker.domain.bulletin_request import BulletinRequest
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form
from tracker.domain.letter_request import LetterRequest
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services

pytestmark = pytest.mark.both_databases


@pytest.fixture
def run(office_scenario: Services, workspace_dir: Path, db_url: str | None, capsys):  # type: ignore[no-untyped-def]
    where = ["--db-url", db_url] if db_url else ["--workspace", str(workspace_dir)]

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main([*where, "--files-dir", str(workspace_dir / "files"), *argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err and "意外错误" not in err, err
        return code, out, err

    return _run


def _issued(sv: Services) -> list[str]:
    return [b.number for b in sv.bulletins.issued()]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--number", "99999999999999999999"), "超出范围"),  # SQLite: OverflowError
        (("--number", "3000000000"), "超出范围"),  # PostgreSQL: integer out of range
        (("--number", "0"), "超出范围"),
        (("--year", "-5"), "年份 -5 不合理"),
        (("--year", "abc"), "不是整数"),
        (("--to", "各" * 600), "主送机关过长"),  # bulletins.addressee is VARCHAR(500)
    ],
)
def test_bulletin_values_out_of_range(
    run, office_scenario: Services, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    code, _, err = run("bulletin", "--notice", NOTICE_A, "--out", str(tmp_path / "t.pdf"), *args)
    assert code != 0 and said in err
    assert _issued(office_scenario) == [] and not (tmp_path / "t.pdf").exists()


def test_a_chosen_number_out_of_range_through_the_service(office_scenario: Services) -> None:
    sv = office_scenario
    notice = sv.notices.resolve(NOTICE_A).id
    for n in (0, -1, 100_000, 2**31, 10**20):
        with pytest.raises(ValidationError, match="1 至 99999"):
            sv.bulletins.issue(BulletinRequest(notice, AS_OF, sequence=n))
    assert _issued(sv) == []


def test_a_bulletin_title_too_long_for_its_column(office_scenario: Services) -> None:
    """The title is made from the notice's title (≤500) and its item (≤300): it may pass the
    500 of bulletins.title, which PostgreSQL enforced with a driver error."""
    sv = office_scenario
    req = RequirementSpec("阶段性总结" * 58, date(2023, 6, 27), Form.ELECTRONIC, ("区局",))
    title = "关于" + "标准化工作" * 96 + "的通知"
    nid, _ = sv.notices.create(NoticeSpec(title, doc_number="津〔2023〕77号", requirements=(req,)))
    with pytest.raises(ValidationError, match="通报标题过长"):
        sv.bulletins.issue(BulletinRequest(nid, AS_OF))
    assert _issued(sv) == []


def test_a_notepad_template_is_read_and_a_huge_one_refused(
    run, office_scenario: Services, tmp_path: Path
) -> None:
    gbk = tmp_path / "模板.txt"
    gbk.write_bytes("{缘由}\n请各单位于{补报时限}前补报。".encode("gbk"))
    code, _, err = run("bulletin", "--notice", NOTICE_A, "--template", str(gbk), "--preview",
                       "--out", str(tmp_path / "样稿.pdf"))  # fmt: skip
    assert code == 0, err
    huge = tmp_path / "大.txt"
    huge.write_text("{缘由}\n" + "请尽快报送。" * 3000, encoding="utf-8")
    for command in (["bulletin", "--notice", NOTICE_A], ["letters"]):
        code, _, err = run(*command, "--template", str(huge), "--out", str(tmp_path / "x.pdf"))
        assert code != 0 and "模板过长" in err
    assert _issued(office_scenario) == [] and office_scenario.letters.issued() == []


def test_a_huge_template_through_the_services(office_scenario: Services) -> None:
    sv = office_scenario
    huge = "{缘由}\n" + "请尽快报送。" * 3000  # 5 MB of this took five minutes to set
    with pytest.raises(ValidationError) as letters:
        sv.letters.drafts(LetterRequest(as_of=AS_OF, template=huge))
    assert "模板过长" in " ".join(letters.value.problems)
    notice = sv.notices.resolve(NOTICE_A).id
    with pytest.raises(ValidationError) as bulletin:
        sv.bulletins.draft(BulletinRequest(notice, AS_OF, template=huge))
    assert "模板过长" in " ".join(bulletin.value.problems)


def test_an_output_that_cannot_be_written_is_refused_before_numbering(
    run, office_scenario: Services, tmp_path: Path
) -> None:
    a_file = tmp_path / "已有文件.pdf"
    a_file.write_bytes(b"%PDF")
    for flag in ("--out", "--docx"):
        argv = ["--out", str(tmp_path / "通报.pdf"), flag, str(a_file / "通报.x")]
        code, _, err = run("bulletin", "--notice", NOTICE_A, *argv)
        assert code != 0 and "没有印发通报" in err, err
    assert _issued(office_scenario) == []  # before: issued as 31号, the clerk saw 文件已存在


def test_a_failure_after_issuing_says_it_was_issued(
    run, office_scenario: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.cli import bulletin

    a_file = tmp_path / "已有文件"
    a_file.write_bytes(b"x")
    monkeypatch.setattr(bulletin, "_check_writable", lambda folder: None)  # it fails afterwards
    code, _, err = run("bulletin", "--notice", NOTICE_A, "--out", str(a_file / "通报.pdf"))
    (number,) = _issued(office_scenario)
    assert code != 0 and f"通报 {number} 已印发" in err and "--reprint" in err, err
