"""批量登记: proposals for received files, one transaction for the confirmed ones, one undo,
and never the same file twice."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.readers.docs import write_docx, write_pdf
from tracker.cli import main
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form
from tracker.services.bundle import Services

NOTICE = "津市场监管标准〔2023〕14号"
JUNE = date(2023, 6, 21)


def summary(unit: str, title: str = "2023年标准化研学行动阶段性总结") -> str:
    return f"{title}\n今年6月，我局组织开展研学活动12场次，参与1.2万人次。\n{unit}\n2023年6月20日"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "收件"
    (box / "河东区").mkdir(parents=True)
    write_docx(box / "和平区市场监管局阶段性总结.docx", summary("和平区市场监管局"))
    write_pdf(box / "河西局-年度总结（盖章）.pdf", summary("河西区市场监管局", "研学行动年度总结"),
              seal=True)  # fmt: skip
    write_docx(
        box / "研学总结.docx", "单位：南开区市场监管局\n研学行动阶段性总结\n发放资料2千余份。"
    )
    write_docx(box / "hbq-阶段性总结.docx", "研学行动阶段性总结")  # pinyin initials of 河北区
    (box / "河东区" / "活动照片1.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    write_docx(box / "总结.docx", "我们做了很多工作。")
    write_docx(box / "和平区与河西区联合总结.docx", "联合开展研学活动。")
    write_pdf(box / "扫描件.pdf", "", scanned=True)
    (box / "~$研学总结.docx").write_bytes(b"an Office lock file")
    (box / "坏文件.docx").write_bytes(b"not a zip at all")
    return box


def by_file(proposals: list) -> dict:
    return {p.file.split("/")[-1]: p for p in proposals}


def test_proposals_say_what_matched(study: Services, inbox: Path) -> None:
    got = by_file(study.intake.propose([inbox], notice=NOTICE, on=JUNE))
    assert "~$研学总结.docx" not in got  # Office's lock file is left out
    hp = got["和平区市场监管局阶段性总结.docx"]
    assert (hp.status, hp.unit, hp.requirement, hp.forms) == (
        "matched", "和平区市场监管局", "阶段性总结", Form.ELECTRONIC)  # fmt: skip
    assert "文件名含“和平区市场监管局”" in hp.reason and "落款" in hp.reason
    hx = got["河西局-年度总结（盖章）.pdf"]
    assert (hx.status, hx.unit, hx.requirement) == ("matched", "河西区市场监管局", "年度总结")
    assert hx.forms == Form.ELECTRONIC | Form.SEAL
    nk = got["研学总结.docx"]
    assert (nk.status, nk.unit, nk.requirement) == ("matched", "南开区市场监管局", "阶段性总结")
    assert "单位栏" in nk.reason
    assert got["hbq-阶段性总结.docx"].unit == "河北区市场监管局"
    photo = got["活动照片1.jpg"]
    assert (photo.unit, photo.forms) == ("河东区市场监管局", Form.EVIDENCE)  # from its folder
    assert got["总结.docx"].status == "unmatched"
    both = got["和平区与河西区联合总结.docx"]
    assert both.status == "ambiguous" and "多个单位" in both.reason and both.unit == ""
    assert got["扫描件.pdf"].status == "unmatched" and "扫描件" in got["扫描件.pdf"].reason
    bad = got["坏文件.docx"]
    assert bad.status == "unmatched" and "已损坏" in bad.reason


def test_register_is_one_transaction_and_one_undo(study: Services, inbox: Path) -> None:
    proposals = study.intake.propose([inbox], notice=NOTICE, on=JUNE)
    matched = [p for p in proposals if p.status == "matched"]
    result = study.intake.register(matched)
    assert result.change is not None and len(result.registered) == len(matched)
    oid = study.ledger.find_obligation("和平区市场监管局", "阶段性总结", NOTICE)
    (sub,) = study.ledger.submissions(oid)
    assert sub.received_on == JUNE and sub.forms == Form.ELECTRONIC
    assert sub.files[0][0] == "和平区市场监管局阶段性总结.docx"
    assert study.ws.files.path_for(sub.files[0][1], sub.files[0][0]).is_file()
    study.undo.undo(result.change)
    assert study.ledger.submissions(oid) == []


def test_same_file_never_twice(study: Services, inbox: Path, tmp_path: Path) -> None:
    first = study.intake.propose([inbox], notice=NOTICE, on=JUNE)
    study.intake.register([p for p in first if p.status == "matched"])
    copy = tmp_path / "副本" / "和平区市场监管局阶段性总结（副本）.docx"
    copy.parent.mkdir()
    copy.write_bytes((inbox / "和平区市场监管局阶段性总结.docx").read_bytes())
    again = study.intake.propose([copy], notice=NOTICE, on=JUNE)
    assert again[0].duplicate and again[0].status == "unmatched" and "已登记过" in again[0].reason
    result = study.intake.register(again)
    assert result.change is None and result.skipped
    fresh = write_docx(tmp_path / "南开局总结.docx", summary("南开区市场监管局"))
    twice = study.intake.propose([fresh, fresh], notice=NOTICE, on=JUNE)
    assert [p.duplicate for p in twice] == [False, True]
    assert "本批中的“南开局总结.docx”" in twice[1].reason
    assert len(study.intake.register(twice).registered) == 1


def test_clerk_corrects_then_registers(study: Services, inbox: Path) -> None:
    got = by_file(study.intake.propose([inbox], notice=NOTICE, on=JUNE))
    hd = study.units.resolve("河东区")
    req = study.notices.list_notices()[0].requirements[0]
    fixed = replace(got["总结.docx"], unit_id=hd.id, requirement_id=req.id, status="matched")
    result = study.intake.register([fixed])
    assert result.registered == (fixed,)
    oid = study.ledger.find_obligation("河东区市场监管局", req.title, NOTICE)
    assert len(study.ledger.submissions(oid)) == 1


def test_nothing_registered_when_one_is_not_assigned(study: Services, inbox: Path) -> None:
    got = study.intake.propose([inbox], notice=NOTICE, on=JUNE)
    with pytest.raises(ValidationError, match="还没有指定单位或报送事项"):
        study.intake.register(got)  # ambiguous and unmatched ones are in the list
    assert study.ledger.submissions(study.ledger.find_obligation("和平区", "阶段性总结")) == []


def test_cancel_registers_nothing(study: Services, inbox: Path) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(Exception, match="已取消"):
        study.intake.propose(
            [inbox], progress=lambda d, t, _: seen.append((d, t)), cancelled=lambda: len(seen) > 2
        )
    assert seen[0] == (0, 9)


def test_cli_json_and_registering_only_matched(
    study: Services, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(study.ws.root)]
    study.close()
    assert main([*ws, "intake", str(inbox), "--notice", NOTICE, "--date", "2023-06-21",
                 "--format", "json"]) == 0  # fmt: skip
    rows = json.loads(capsys.readouterr().out)
    keys = {"file", "unit", "notice", "requirement", "forms", "received_on", "status", "reason"}
    assert all(keys <= set(r) for r in rows)
    assert {r["status"] for r in rows} == {"matched", "ambiguous", "unmatched"}
    assert all(r["registered"] == (r["status"] == "matched") for r in rows)
    hp = next(r for r in rows if r["file"].endswith("和平区市场监管局阶段性总结.docx"))
    assert hp["forms"] == ["电子版"] and hp["received_on"] == "2023-06-21"
    assert main([*ws, "intake", str(inbox), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "已登记过" in out and "已登记" not in out.replace("已登记过", "")


def test_a_date_after_today_is_refused(study: Services, inbox: Path) -> None:
    with pytest.raises(ValidationError, match="晚于今天"):
        study.intake.propose([inbox], on=date(2030, 1, 1))


def test_a_broken_file_named_for_a_unit_is_not_registered_unseen(
    study: Services, tmp_path: Path
) -> None:
    broken = tmp_path / "河东区市场监管局阶段性总结.docx"
    broken.write_bytes(b"PK\x03\x04 cut off in the mail")
    (p,) = study.intake.propose([broken], notice=NOTICE, on=JUNE)
    assert (p.status, p.unit, p.requirement) == ("ambiguous", "河东区市场监管局", "阶段性总结")
    assert "已损坏" in p.reason and "文件打不开" in p.reason


def test_a_file_for_a_requirement_already_complete_is_asked_about(
    study: Services, tmp_path: Path
) -> None:
    first = write_docx(tmp_path / "和平区市场监管局阶段性总结.docx", summary("和平区市场监管局"))
    (p,) = study.intake.propose([first], notice=NOTICE, on=JUNE)
    study.intake.register([replace(p, forms=Form.ELECTRONIC | Form.SEAL | Form.EVIDENCE)])
    again = write_docx(
        tmp_path / "和平区阶段性总结（修改稿）.docx", summary("和平区市场监管局") + "\n（修改稿）"
    )
    (q,) = study.intake.propose([again], notice=NOTICE, on=JUNE)
    # not the unit's other open requirement (年度总结): the title says 阶段性总结
    assert (q.status, q.requirement) == ("ambiguous", "阶段性总结")
    assert "已报齐此事项" in q.reason


def test_a_dropped_folder_is_walked_in_order_without_links_and_stops_when_too_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Links are not followed (a link to a parent folder would loop, one to another folder
    would read what was not dropped); a folder of too many files is refused as soon as the
    count is past the cap — a dropped 文档 folder of 200,000 files was walked whole first."""
    import os

    from tracker.domain.errors import TrackerError
    from tracker.services import intake_files

    drop = tmp_path / "收到的材料"
    (drop / "和平局").mkdir(parents=True)
    (drop / "和平局" / "总结.docx").write_bytes(b"PK")
    (drop / "a.txt").write_text("x")
    (drop / "~$总结.docx").write_bytes(b"lock")
    (elsewhere := tmp_path / "别处").mkdir()
    (elsewhere / "私人.txt").write_text("s")
    os.symlink(elsewhere, drop / "链接")
    os.symlink(drop, drop / "和平局" / "回环")
    os.symlink(elsewhere / "私人.txt", drop / "私人.txt")
    shown = [i.shown for i in intake_files.collect([drop])]
    assert shown == ["收到的材料/a.txt", "收到的材料/和平局/总结.docx"]

    for n in range(3):
        (many := drop / f"批次{n}").mkdir()
        for i in range(60):
            (many / f"{i}.txt").write_text("x")
    monkeypatch.setattr(intake_files, "MAX_FILES", 50)
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str | Path) -> object:
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(intake_files.os, "scandir", scandir)
    with pytest.raises(TrackerError, match="一次最多处理 50 个文件"):
        intake_files.collect([drop])
    assert not any(p.endswith("批次2") for p in listed)  # stopped inside 批次0


@pytest.mark.skipif(os.name == "nt", reason="Windows names are UTF-16: no undecodable bytes")
def test_names_unpacked_from_a_windows_zip_in_gbk_bytes(study: Services, tmp_path: Path) -> None:
    """A zip made on Windows unpacks on Linux with its Chinese names in GBK bytes: the name
    shows as surrogate escapes, PDFium (given the name as UTF-8) called the PDF damaged, and
    registering it was a UnicodeEncodeError from the database. Read as GB18030 now."""
    box = tmp_path / "解压"
    box.mkdir()
    name = "河西局-年度总结（盖章）.pdf"
    raw = os.fsencode(box) + b"/" + name.encode("gbk")
    write_pdf(Path(os.fsdecode(raw)), summary("河西区市场监管局", "研学行动年度总结"), seal=True)
    (proposal,) = study.intake.propose([box], notice=NOTICE, on=JUNE)
    assert proposal.file == f"解压/{name}"
    assert (proposal.status, proposal.unit, proposal.requirement) == (
        "matched", "河西区市场监管局", "年度总结")  # fmt: skip
    assert proposal.forms == Form.ELECTRONIC | Form.SEAL  # PDFium read it
    study.intake.register([proposal])
    oid = study.ledger.find_obligation("河西区市场监管局", "年度总结", NOTICE)
    (sub,) = study.ledger.submissions(oid)
    assert sub.files[0][0] == name


def test_pdf_reading_takes_pdfiums_lock(tmp_path: Path) -> None:
    """PDFium is not thread-safe: a 关键数据 worker reading PDFs while the window renders a
    letter's preview must take turns with it (the letters' cutting and previews hold the lock)."""
    import threading

    from tracker.reports.pdf_split import PDFIUM_LOCK
    from tracker.services.extract import extract_text

    pdf = write_pdf(tmp_path / "总结.pdf", summary("和平区市场监管局"))
    done = threading.Event()
    with PDFIUM_LOCK:
        reader = threading.Thread(target=lambda: (extract_text(pdf), done.set()))
        reader.start()
        assert not done.wait(0.5)  # waits for the preview
    assert done.wait(10)
    reader.join()


def test_a_file_dated_before_2000_counts_as_received_today(study: Services, tmp_path: Path) -> None:
    """Files unpacked from a zip often carry 1980-01-01 (the zip's epoch): that was proposed and
    registered as the day received — before the notice existed, so on time. A date the clerk
    sets in the review is bounded to 2000–2100 like every other."""
    box = tmp_path / "压缩包"
    box.mkdir()
    old = write_docx(box / "和平区市场监管局阶段性总结.docx", summary("和平区市场监管局"))
    os.utime(old, (315532800, 315532800))  # 1980-01-01
    (p,) = study.intake.propose([box], notice=NOTICE)
    assert p.received_on == date(2023, 12, 1)  # TRACKER_TODAY of the tests: today
    with pytest.raises(ValidationError, match="年份不合理"):
        study.intake.register([replace(p, received_on=date(1980, 1, 1))])
    assert (
        study.ledger.submissions(
            study.ledger.find_obligation("和平区市场监管局", "阶段性总结", NOTICE)
        )
        == []
    )
