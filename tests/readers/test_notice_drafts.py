"""Notices drafted from their own text: the seeds (as .docx and .pdf) and other shapes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.readers.docs import seed_text, write_docx, write_pdf
from tracker.domain.forms import Form
from tracker.domain.notice_draft import NoticeDraft, draft_notice
from tracker.domain.notice_toml import draft_to_toml
from tracker.domain.records import DEFAULT_CATEGORIES, Contact
from tracker.services.bundle import Services
from tracker.services.notice_file import parse_notice_text

E, P, S, V = Form.ELECTRONIC, Form.PAPER, Form.SEAL, Form.EVIDENCE
TODAY = date(2023, 12, 1)
TJ = ("委办局", "区局", "标委会")

# The drafts a clerk should get from the three real notices, checked by hand against the text.
EXPECTED = {
    "001": {
        "doc_number": "",
        "title": "市市场监管委关于开展2021年世界标准日宣传活动的通知",
        "issuer": "市市场监管委",
        "issued_on": date(2021, 10, 11),
        "theme": "实施标准化纲要,促进高质量发展",
        "contacts": (
            Contact("苏文博", "27182054", "scjgbzhc@tj.gov.cn"),
            Contact("范旭", "27113030", "scjgbzhc@tj.gov.cn"),
        ),
        "categories": TJ,
        "unknown": ("有关单位",),
        "doubts": {"doc_number", "issuer", "categories"},
        "requirements": [("世界标准日活动总结", date(2021, 10, 27), E | P, TJ)],
    },
    "003": {
        "doc_number": "晋市市监〔2021〕169号",
        "title": "晋城市市场监督管理局关于印发《2021年世界标准日系列活动方案》的通知",
        "issuer": "晋城市市场监督管理局",
        "issued_on": date(2021, 9, 26),
        "theme": "标准促进可持续发展，共建更加美好的世界",
        "contacts": (Contact("吴一凡", "2055997", "jcbzhk@163.com"),),
        "categories": ("县局",),
        "unknown": (),
        "doubts": {"issued"},  # taken from the 版记's 印发 date
        "requirements": [
            ("2021年世界标准日系列活动报名表", date(2021, 10, 10), E | P | S, ("县局",)),
            ("世界标准日活动亮点及总结", date(2021, 10, 20), E | V, ("县局",)),
        ],
    },
    "004": {
        "doc_number": "津市场监管标准〔2023〕14号",
        "title": "关于开展2023年标准化研学行动的通知",
        "issuer": "市市场监管委",
        "issued_on": date(2023, 6, 5),
        "theme": "",
        "contacts": (
            Contact("张永来", "27182133", "scjgbzhc@tj.gov.cn"),
            Contact("苏文博", "27182054", "scjgbzhc@tj.gov.cn"),
            Contact("范旭", "27113030", "scjgbzhc@tj.gov.cn"),
        ),
        "categories": TJ,
        "unknown": ("各有关单位",),
        "doubts": {"title", "issuer", "categories"},  # no title line, no signature
        "requirements": [
            ("阶段性总结材料", date(2023, 6, 27), E | S | V, TJ),
            ("2023年研学行动总结材料", date(2023, 11, 10), E | S | V, TJ),
        ],
    },
}


def check(draft: NoticeDraft, seed: str) -> None:
    want = EXPECTED[seed]
    got = {k: getattr(draft, k) for k in ("doc_number", "title", "issuer", "issued_on", "theme")}
    assert got == {k: want[k] for k in got}
    assert draft.contacts == want["contacts"]
    assert draft.categories == want["categories"]
    assert draft.unknown_phrases == want["unknown"]
    assert set(draft.doubts) == want["doubts"]
    reqs = [(r.title, r.deadline, r.forms, r.categories) for r in draft.requirements]
    assert reqs == want["requirements"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_text(seed: str) -> None:
    check(draft_notice(seed_text(seed), today=TODAY, categories=DEFAULT_CATEGORIES), seed)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_seed_as_file(services: Services, tmp_path: Path, seed: str, kind: str) -> None:
    path = tmp_path / f"通知{seed}.{kind}"
    (write_docx if kind == "docx" else write_pdf)(path, seed_text(seed))
    check(services.reader.read(path).draft, seed)


def test_draft_toml_is_what_notice_add_takes(services: Services) -> None:
    for seed in EXPECTED:
        draft = draft_notice(seed_text(seed), today=TODAY, categories=DEFAULT_CATEGORIES)
        text = draft_to_toml(draft, f"{seed}.docx")
        assert parse_notice_text(text) == draft.to_spec()
        doubts = [
            *draft.doubts.values(),
            *(v for r in draft.requirements for v in r.doubts.values()),
        ]
        assert doubts and all(f"# 待核对：{why}" in text for why in doubts)


def test_control_characters_in_a_notice_never_spoil_its_draft(
    services: Services, tmp_path: Path
) -> None:
    """PDFium gives \\x02 for a hyphen it joined, a .txt saved from Word holds form feeds: in a
    sentence quoted as a comment they made the draft TOML unreadable (TOML allows no control
    character there), so the draft could not be imported."""
    text = seed_text("001")
    for mark in ("\x02", "\x0c", "\x00", "\x07", "\x7f", "\x1b"):
        text = text.replace("世界标准日", f"世界{mark}标准日", 1)
    path = tmp_path / "通知.txt"
    path.write_text(text, encoding="gb18030")
    read = services.reader.read(path)
    assert not any(c in read.toml() for c in "\x02\x0c\x00\x07\x7f\x1b")
    assert parse_notice_text(read.toml()) == read.draft.to_spec()
    sentence = "请于2023年6月27日前报送总结\x07\x02（电子版）"
    comment = draft_to_toml(replace(read.draft, requirements=(
        replace(read.draft.requirements[0], sentence=sentence),)))  # fmt: skip
    assert parse_notice_text(comment) is not None


def test_a_second_sentence_gives_the_forms(services: Services) -> None:
    draft = draft_notice(seed_text("004"), today=TODAY)
    assert all("forms" in r.doubts for r in draft.requirements)  # shown, with the sentence
    assert "加盖公章" in draft.requirements[0].doubts["forms"]


NUMBERED = """津市场监管标准[2024]3号
关于报送2024年标准化工作材料的通知
各区市场监管局、市标委会各成员单位：
现将有关事项通知如下：
1.阶段性总结：6月27日前报送电子版；
2.年度总结：请各区市场监管局于十一月十日前报送加盖公章的纸质版及电子版。
联系人：王芳
联系电话：23456789
天津市市场监督管理委员会
二〇二四年三月五日
"""


def test_numbered_list() -> None:
    draft = draft_notice(NUMBERED, today=TODAY, categories=DEFAULT_CATEGORIES)
    assert draft.doc_number == "津市场监管标准〔2024〕3号"
    assert "doc_number" in draft.doubts  # written with [], said so
    assert draft.issuer == "天津市市场监督管理委员会"  # from the signature
    assert draft.issued_on == date(2024, 3, 5)  # Chinese numerals
    assert draft.contacts == (Contact("王芳", "23456789", ""),)
    reqs = [(r.title, r.deadline, r.forms, r.categories) for r in draft.requirements]
    assert reqs == [
        ("阶段性总结", date(2024, 6, 27), E, ("区局", "委办局")),
        ("年度总结", date(2024, 11, 10), E | P | S, ("区局",)),  # the sentence's own subject
    ]


TWO_IN_ONE = """晋市市监（2022）12号
晋城市市场监督管理局关于做好标准化统计工作的通知
各县（市、区）市场监管局：
请各单位于7月15日前报送上半年统计表，12月20日前报送全年统计报告（加盖公章）。
晋城市市场监督管理局
2022年6月1日
"""


def test_two_deadlines_in_one_sentence() -> None:
    draft = draft_notice(TWO_IN_ONE, today=TODAY, categories=DEFAULT_CATEGORIES)
    assert draft.doc_number == "晋市市监〔2022〕12号"
    reqs = [(r.title, r.deadline, r.forms) for r in draft.requirements]
    assert reqs == [
        ("上半年统计表", date(2022, 7, 15), E),
        ("全年统计报告", date(2022, 12, 20), E | S),
    ]
    assert "forms" in draft.requirements[0].doubts  # 电子版 assumed, and said so
    assert all(r.categories == ("县局",) for r in draft.requirements)


def test_a_formal_document_is_sealed() -> None:
    text = TWO_IN_ONE.replace("全年统计报告（加盖公章）", "全年统计报告正式文件")
    draft = draft_notice(text, today=TODAY, categories=DEFAULT_CATEGORIES)
    assert [(r.title, r.forms) for r in draft.requirements][1] == ("全年统计报告", E | S)


ATTACHMENT = """津市场监管标准〔2022〕8号
市市场监管委关于开展质量月标准化活动的通知
各区市场监管局：
请按附件要求报送材料。
2022年8月20日
附件：报送要求
序号\t报送材料\t报送时限\t报送形式
1\t活动方案\t9月5日前\t电子版
2\t活动总结\t截止10月10日\t纸质版盖章、照片
"""


def test_deadline_in_an_attachment_table(tmp_path: Path, services: Services) -> None:
    path = write_docx(tmp_path / "质量月.docx", ATTACHMENT)
    draft = services.reader.read(path).draft
    reqs = [(r.title, r.deadline, r.forms, r.categories) for r in draft.requirements]
    assert reqs == [
        ("活动方案", date(2022, 9, 5), E, ("区局",)),
        ("活动总结", date(2022, 10, 10), P | S | V, ("区局",)),
    ]


def test_clerk_teaches_a_phrase(services: Services) -> None:
    services.reader.add_rule("有关单位", "技术机构")
    draft = services.reader.read_text(seed_text("001")).draft
    assert draft.categories == ("委办局", "区局", "标委会", "技术机构")
    assert "categories" not in draft.doubts
    entry = services.audit.entries()[0]
    assert entry.action == "settings.update" and "有关单位" in entry.summary


def test_clerk_forgets_a_phrase(services: Services) -> None:
    services.reader.add_rule("有关单位", "技术机构")
    services.reader.remove_rule("有关单位")
    draft = services.reader.read_text(seed_text("001")).draft
    assert "categories" in draft.doubts and "技术机构" not in draft.categories
    assert services.audit.entries()[0].summary == "删除主送“有关单位”的自定义对应"
    with pytest.raises(Exception, match="内置的对应不能删除"):
        services.reader.remove_rule("区市场监管局")


def test_unknown_category_is_refused(services: Services) -> None:
    with pytest.raises(Exception, match="没有类别"):
        services.reader.add_rule("有关单位", "不存在的类别")


def test_nothing_to_read_is_one_line(services: Services, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "扫描.pdf", "", scanned=True)
    with pytest.raises(Exception, match="读不出文字（扫描件，没有文字层）"):
        services.reader.read(path)
    draft = draft_notice("随便写的几句话。", today=TODAY)
    assert "requirements" in draft.doubts and not draft.requirements


def test_a_long_text_is_read_in_time_proportional_to_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every deadline re-read the whole text before it for its title and subject (20,000
    characters of "6月27日前" took 11 s; a 2-million-character file, hours), and the e-mail
    pattern rescanned a long run of its characters from every start (20,000 × "1-": 0.5 s).
    Counted, not timed: the characters looked at for titles grow with the text."""
    from tracker.domain import notice_contacts, notice_deadlines

    looked_at = 0
    real = notice_deadlines.normalize_name

    def counted(text: str) -> str:
        nonlocal looked_at
        looked_at += len(text)
        return real(text)

    monkeypatch.setattr(notice_deadlines, "normalize_name", counted)
    for size in (3_000, 12_000):
        looked_at = 0
        text = "6月27日前" * (size // 6)
        draft_notice(text, today=TODAY, categories=DEFAULT_CATEGORIES)
        per_char = looked_at / size
        assert per_char < 150, (size, per_char)  # was 500 at 3,000 and 2,000 at 12,000
    import time

    run = "联系人：张三，电话：" + "1-" * 100_000 + " 王五 a@b.cn"
    started = time.perf_counter()
    assert notice_contacts._MAIL.findall(run) == ["a@b.cn"]
    assert time.perf_counter() - started < 3  # ~0.02 s; was 32 s (the regex holds the GIL)
