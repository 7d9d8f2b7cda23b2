"""The 催报函 PDF read back: GB/T 9704 measures, fonts, page numbers, text intact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.letters.pdfcheck import fonts, page_sizes_mm, pages_text, words
from tracker.domain.letters import LetterContent, NameListRow
from tracker.reports.pdf_fonts import FontSet
from tracker.reports.pdf_letters import write_letters

NASTY = "A&B <b>粗体</b> \"引号\" '单引号' {unit} 100%"


def width_mm(text: str, size: float, tracking: float = 0.0) -> float:
    """Drawn width: full-width characters one em, ASCII half, plus the tracking between."""
    points = sum(size if ord(ch) > 255 else size / 2 for ch in text)
    return (points + tracking * (len(text) - 1)) / (72 / 25.4)


GRID_TRACKING = 156 * 72 / 25.4 / 28 - 16  # 28 characters across 156 mm


def letter(paragraphs: int = 1, **kw: object) -> LetterContent:
    body = "截至2023年6月28日，你单位尚未报送阶段性总结的加盖公章的纸质版和佐证材料。" * 3
    values: dict[str, object] = {
        "sender_name": "天津市市场监督管理委员会",
        "number": "津市场监管标准函〔2023〕3号",
        "title": "关于催报2023年标准化研学行动阶段性总结的函",
        "addressee": "和平区市场监管局",
        "paragraphs": tuple(body for _ in range(paragraphs)),
        "attachments": (),
        "signer": "天津市市场监督管理委员会",
        "letter_date": date(2023, 6, 28),
        "contact_line": "（联系人：苏文博，联系电话：27182054，电子邮箱：scjgbzhc@tj.gov.cn）",
        "has_seal": True,
        "title_words": ("2023年标准化研学行动", "阶段性总结"),
    }
    values.update(kw)
    return LetterContent(**values)  # type: ignore[arg-type]


@pytest.fixture
def long_letter(tmp_path: Path) -> Path:
    out = tmp_path / "函.pdf"
    report = write_letters(out, [letter(paragraphs=9)])
    assert report.pages == 3
    return out


def test_page_is_a4_and_every_font_is_embedded(long_letter: Path) -> None:
    for w, h in page_sizes_mm(long_letter):
        assert w == pytest.approx(210, abs=0.5) and h == pytest.approx(297, abs=0.5)
    found = fonts(long_letter)
    assert found, "no fonts listed"
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in found), found


def test_type_area_left_28mm_and_top_37mm(long_letter: Path) -> None:
    ws = words(long_letter)
    page2 = [w for w in ws if w.page == 2 and w.size == 16.0]
    assert page2[0].top_mm == pytest.approx(37, abs=1)
    body_lefts = [w.x_mm for w in ws if w.size == 16.0 and not w.text.startswith("—")]
    assert min(body_lefts) == pytest.approx(28, abs=1)
    # 28 characters fill a line: full lines end at the right edge of the 156 mm type area
    full = [w for w in page2 if len(w.text) >= 27]
    assert full, "no full line on page 2"


def test_title_22pt_body_16pt_sender_red_at_30mm(long_letter: Path) -> None:
    ws = words(long_letter)
    title = [w for w in ws if w.size == 22.0]
    assert "".join(w.text for w in title) == "关于催报2023年标准化研学行动阶段性总结的函"
    assert [w.text for w in title] == ["关于催报2023年标准化研学行动", "阶段性总结的函"]
    assert all(w.page == 1 for w in title)
    sender = next(w for w in ws if w.text == "天津市市场监督管理委员会" and w.page == 1)
    assert sender.top_mm == pytest.approx(30, abs=1)
    addressee = next(w for w in ws if w.text == "和平区市场监管局：")
    assert addressee.size == 16.0 and addressee.x_mm == pytest.approx(28, abs=1)
    number = next(w for w in ws if w.text == "津市场监管标准函〔2023〕3号")
    assert number.x_mm + width_mm(number.text, 16) == pytest.approx(28 + 156, abs=1)


def test_page_numbers_from_page_2_odd_right_even_left(long_letter: Path) -> None:
    texts = pages_text(long_letter)
    assert "—" not in texts[0]
    numbers = [w for w in words(long_letter) if w.text.startswith("—")]
    assert [(w.page, w.text) for w in numbers] == [(2, "— 2 —"), (3, "— 3 —")]
    even, odd = numbers
    assert even.size == 14.0
    assert even.x_mm == pytest.approx(28 + 14 / (72 / 25.4), abs=1)  # one character in
    assert odd.x_mm > 150
    assert even.top_mm > 262 and even.top_mm < 277  # below the type area


def test_signature_date_contact_and_seal_room(long_letter: Path) -> None:
    ws = words(long_letter)
    date_line = next(w for w in ws if w.text == "2023年6月28日")
    signer = [w for w in ws if w.text == "天津市市场监督管理委员会"][-1]
    assert signer.page == date_line.page
    # one grid line apart (the date starts with a serif digit, whose box sits a little lower)
    assert date_line.top_mm - signer.top_mm == pytest.approx(225 / 22, abs=1.0)
    # date right-indented four characters: its right edge 4 × 5.57 mm from the type area's
    date_right = date_line.x_mm + width_mm(date_line.text, 16, GRID_TRACKING)
    assert 28 + 156 - date_right == pytest.approx(4 * 156 / 28, abs=1.5)
    contact = next(w for w in ws if w.text.startswith("（联系人"))
    assert contact.x_mm == pytest.approx(28 + 2 * 156 / 28, abs=1)


def test_markup_and_long_text_survive(tmp_path: Path) -> None:
    long_name = "天津市" + "某某" * 60 + "标准化技术委员会"
    content = replace(letter(addressee=f"{NASTY}{long_name}"), paragraphs=(f"请{NASTY}报送。",))
    out = tmp_path / "x.pdf"
    write_letters(out, [content])
    text = "".join(pages_text(out)).replace("\n", "").replace(" ", "")
    assert NASTY.replace(" ", "") in text
    assert long_name in text


def test_name_list_attachment_page(tmp_path: Path) -> None:
    rows = tuple(
        NameListRow(f"第{n}区市场监管局", "阶段性总结", "加盖公章", "2023年6月20日")
        for n in range(1, 41)
    )
    content = letter(attachments=("未报送单位名单",), name_list=rows, addressee="各区市场监管局")
    out = tmp_path / "c.pdf"
    report = write_letters(out, [content])
    texts = pages_text(out)
    assert report.pages == len(texts)
    assert "附件：未报送单位名单" in texts[0] + texts[1]
    attach = [t for t in texts if "未报送单位名单" in t and "序号" in t]
    assert attach, "no name list page"
    assert sum("序号" in t for t in texts) >= 2  # header row repeated on the next page
    joined = "".join(texts)
    assert all(f"第{n}区市场监管局" in joined for n in range(1, 41))


def test_missing_glyph_falls_back_or_is_reported(tmp_path: Path) -> None:
    fonts_ = FontSet.discover(use_windows=False)
    rare = "𠀀"  # CJK Extension B: in no font here
    gbk_only = "喆"  # outside GB 2312: the shipped subset lacks it, a fallback font has it
    assert not fonts_.face("body").covers(gbk_only)
    content = letter(addressee=f"李{gbk_only}{rare}单位")
    report = write_letters(tmp_path / "m.pdf", [content], fonts=fonts_)
    assert report.missing_chars == {rare}
    text = "".join(pages_text(tmp_path / "m.pdf"))
    assert f"李{gbk_only}" in text


def test_per_user_fonts_and_the_latin_serif(tmp_path: Path) -> None:
    """方正小标宋 installed for the user only is found; Latin letters and digits of the body
    are set in the serif (Times New Roman on Windows), CJK in 仿宋."""
    from tracker.paths import resource_path

    win, user = tmp_path / "Windows" / "Fonts", tmp_path / "Local" / "Fonts"
    win.mkdir(parents=True)
    user.mkdir(parents=True)
    (win / "simfang.ttf").symlink_to(resource_path("fonts", "song.ttf"))
    (win / "times.ttf").symlink_to(resource_path("fonts", "serif.ttf"))
    (user / "FZXBSJW.TTF").symlink_to(resource_path("fonts", "hei.ttf"))
    chosen = FontSet.discover(windows_dir=win, user_dir=user)
    assert Path(chosen.face("title").path) == user / "FZXBSJW.TTF"
    assert Path(chosen.face("latin").path) == win / "times.ttf"
    runs = chosen.runs("发送至scjgbzhc@tj.gov.cn，电话27182054", "body")
    assert [(f.path.endswith("times.ttf"), t) for f, t in runs] == [
        (False, "发送至"), (True, "scjgbzhc@tj.gov.cn"), (False, "，电话"), (True, "27182054"),
    ]  # fmt: skip
    out = tmp_path / "x.pdf"
    write_letters(out, [letter()], fonts=chosen)
    names = [f["name"] for f in fonts(out)]
    assert any("Serif" in n for n in names)  # the stand-in for times.ttf is Liberation Serif
    assert all(f["emb"] == "yes" for f in fonts(out))


def test_windows_fonts_preferred_when_present(tmp_path: Path) -> None:
    from tracker.paths import resource_path

    win = tmp_path / "Fonts"
    win.mkdir()
    (win / "simfang.ttf").symlink_to(resource_path("fonts", "hei.ttf"))
    chosen = FontSet.discover(windows_dir=win)
    assert Path(chosen.face("body").path) == win / "simfang.ttf"
    assert Path(chosen.face("song").path).name == "song.ttf"  # no simsun: the shipped one


def test_user_font_folder_comes_from_localappdata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.reports.pdf_fonts import font_dirs, user_fonts_dir

    folder = tmp_path / "Microsoft" / "Windows" / "Fonts"
    folder.mkdir(parents=True)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert user_fonts_dir() == folder
    system = tmp_path / "Windows" / "Fonts"
    system.mkdir(parents=True)
    assert font_dirs(windows_dir=system) == [folder, system]  # the clerk's own fonts first
