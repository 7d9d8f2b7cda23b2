"""单位历史: every obligation of one unit across notices and years, its figures and its place
in its category per year (the hand-counted scenario of scenario.py)."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from tests.accountability.scenario import AS_OF, NOTICE_A, NOTICE_B, NOTICE_C
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.history import ReceivedFile
from tracker.domain.ranking import Figures
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.services.files import safe_file_name
from tracker.services.viewer_copies import COPY_PREFIX

pytestmark = pytest.mark.both_databases


def test_every_obligation_newest_first_with_files_and_reminders(scenario: Services) -> None:
    history = scenario.ranking.history("河西局", AS_OF)
    assert history.unit.name == "河西区市场监管局"
    got = [
        (e.row.doc_number, e.row.requirement_title, e.row.status, e.row.days_overdue,
         e.row.reminders, e.received_on, e.file_names)
        for e in history.entries
    ]  # fmt: skip
    assert got == [
        (NOTICE_C, "联络员信息表", Status.PENDING, 0, 0, None, ()),
        (NOTICE_A, "年度总结", Status.LATE, 5, 1, date(2023, 11, 15), ("河西区2023年度总结.pdf",)),
        (NOTICE_A, "阶段性总结", Status.LATE, 5, 0, date(2023, 6, 25), ()),
        (NOTICE_B, "年度报告", Status.OVERDUE, 366, 1, None, ()),
    ]


def test_rates_and_place_in_its_category_per_year(scenario: Services) -> None:
    years = {y.year: y for y in scenario.ranking.history("河西局", AS_OF).years}
    assert list(years) == [2023, 2022]
    assert years[2023].figures == Figures(late=2, pending=1, days_late=10, reminders=1)
    assert years[2023].figures.rate == 1.0 and years[2023].figures.on_time_rate == 0
    # 区局 in 2023: 和平 (67 % on time) 1, 河西 (100 % sent) 2, 南开 (0 %) 3.
    assert (years[2023].rank, years[2023].ranked) == (2, 3)
    assert (years[2022].rank, years[2022].ranked) == (3, 3)
    assert years[2022].figures.rate == 0


def test_a_partial_return_shows_when_its_first_part_came(scenario: Services) -> None:
    entries = scenario.ranking.history("和平局", AS_OF).entries
    partial = next(e for e in entries if e.row.requirement_title == "年度总结")
    assert partial.row.status is Status.PARTIAL and partial.received_on == date(2023, 11, 9)


def test_a_unit_with_no_obligations_and_an_unknown_unit(scenario: Services) -> None:
    from tracker.domain.records import UnitSpec

    scenario.units.save(UnitSpec("市标准化研究院", "技术机构"))
    history = scenario.ranking.history("市标准化研究院", AS_OF)
    assert history.entries == () and history.years == ()
    with pytest.raises(NotFoundError):
        scenario.ranking.history("不存在的局", AS_OF)


def test_the_files_received_can_be_opened_as_copies(scenario: Services) -> None:
    entry = next(e for e in scenario.ranking.history("河西局", AS_OF).entries if e.files)
    (received,) = entry.files
    assert (received.name, received.received_on) == ("河西区2023年度总结.pdf", date(2023, 11, 15))
    copy = scenario.ranking.received_copy(received)
    assert copy.name == "河西区2023年度总结.pdf" and copy.read_bytes() == b"%PDF-1.4 stand-in"
    archived = scenario.ws.files.path_for(received.sha256, received.name)
    assert copy.parent != archived.parent  # the archive itself is never handed out
    archived.unlink()
    with pytest.raises(NotFoundError, match="不在归档文件夹中"):
        scenario.ranking.received_copy(received)


def _received(sv: Services, tmp_path: Path, name: str, data: bytes = b"MZ\x90") -> ReceivedFile:
    """``name`` as a unit sent it, registered for 南开's 年度总结."""
    (tmp_path / "sent").mkdir(exist_ok=True)
    (sent := tmp_path / "sent" / name).write_bytes(data)
    oid = sv.ledger.find_obligation("南开局", "年度总结")
    sv.ledger.register(oid, Form.ELECTRONIC, date(2023, 11, 20), files=[sent])
    entry = next(e for e in sv.ranking.history("南开局", AS_OF).entries if e.files)
    return entry.files[-1]


@pytest.mark.parametrize(
    "name", ["总结.pdf.exe", "通知.lnk", "报表.js", "材料.HTA", "总结.exe .", "汇总.bat",
             "a.desktop", "总结\u202efdp.exe"]
)  # fmt: skip
def test_a_received_program_is_never_handed_to_the_system(
    scenario: Services, tmp_path: Path, name: str
) -> None:
    """On Windows the system's opener runs a program (or the target of a shortcut) instead of
    showing it: a unit's 总结.pdf.exe opened from 单位历史 would run on the clerk's machine."""
    received = _received(scenario, tmp_path, name)
    before = set(Path(tempfile.gettempdir()).glob(f"{COPY_PREFIX}*"))
    with pytest.raises(ValidationError, match="为防病毒不直接打开"):
        scenario.ranking.received_copy(received)
    assert set(Path(tempfile.gettempdir()).glob(f"{COPY_PREFIX}*")) == before  # no copy made


def test_a_received_name_cannot_disguise_itself_or_outgrow_the_file_system(
    scenario: Services, tmp_path: Path
) -> None:
    """A right-to-left mark shows 总结\u202efdp.exe as 总结exe.pdf: shown and copied without it.
    90 Chinese characters (fine on Windows) are 270 bytes, past Linux's 255."""
    shown = _received(scenario, tmp_path, "总结\u202e.pdf")
    assert shown.name == "总结.pdf"
    long_name = "关" * 83 + ".docx"  # 254 bytes: the longest a Linux folder takes
    copy = scenario.ranking.received_copy(_received(scenario, tmp_path, long_name, b"PK"))
    assert copy.read_bytes() == b"PK" and copy.suffix == ".docx"
    assert len(copy.name.encode()) <= 240 and copy.name.startswith("关关")
    assert len(safe_file_name("关" * 90 + ".docx").encode()) <= 240


def test_copies_opened_days_ago_are_cleaned_from_the_temp_folder(
    scenario: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, recent = tmp_path / f"{COPY_PREFIX}old", tmp_path / f"{COPY_PREFIX}recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "总结.pdf").write_bytes(b"%PDF")
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (old / "总结.pdf", old):
        os.utime(path, (two_days_ago, two_days_ago))
    (other := tmp_path / "someone-elses").mkdir()
    os.utime(other, (two_days_ago, two_days_ago))
    entry = next(e for e in scenario.ranking.history("河西局", AS_OF).entries if e.files)
    copy = scenario.ranking.received_copy(entry.files[0])
    assert not old.exists() and recent.exists() and other.exists() and copy.is_file()


def test_a_copy_meeting_a_full_disk_is_said_and_leaves_nothing(
    scenario: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real_open = Path.open

    def full_open(path: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]
        if mode == "wb" and path.parent.name.startswith(COPY_PREFIX):
            handle.write(b"%PDF-1.4 sta")  # part of it, then the disk is full
            handle.close()
            raise OSError(errno.ENOSPC, "No space left on device")
        return handle

    monkeypatch.setattr(Path, "open", full_open)
    entry = next(e for e in scenario.ranking.history("河西局", AS_OF).entries if e.files)
    with pytest.raises(TrackerError, match="磁盘空间已满"):
        scenario.ranking.received_copy(entry.files[0])
    assert list(tmp_path.glob(f"{COPY_PREFIX}*")) == []  # no half copy left to open


def test_a_damaged_archive_copy_is_refused_not_opened(scenario: Services) -> None:
    """The archive is checked against the SHA-256 it was stored under while it is copied: a
    truncated or overwritten file is said, not shown as what the unit sent."""
    entry = next(e for e in scenario.ranking.history("河西局", AS_OF).entries if e.files)
    (received,) = entry.files
    scenario.ws.files.path_for(received.sha256, received.name).write_bytes(b"%PDF-1.4 stand")
    with pytest.raises(TrackerError, match="已损坏"):
        scenario.ranking.received_copy(received)


def test_a_crafted_record_never_reaches_outside_the_archive(
    scenario: Services, tmp_path: Path
) -> None:
    """A restored ledger is a file from elsewhere: a 'hash' of ``../../secret`` in it stays a
    name inside the archive, never a path to the clerk's other files."""
    (secret := tmp_path / "secret.txt").write_text("私人文件")
    up = "../" * (len(scenario.ws.files.root.parts) + 2)
    crafted = ReceivedFile("x.txt", up + str(secret.with_suffix(""))[1:], AS_OF)
    assert scenario.ws.files.root in scenario.ws.files.path_for(crafted.sha256).parents
    with pytest.raises(NotFoundError):
        scenario.ranking.received_copy(crafted)


def test_the_bulletins_that_named_an_obligation(office_scenario: Services) -> None:
    from tracker.domain.bulletin_request import BulletinRequest

    sv = office_scenario
    notice = sv.notices.resolve(NOTICE_A).id
    sv.bulletins.issue(BulletinRequest(notice, AS_OF, bulletin_date=date(2023, 12, 4)))
    entries = {e.row.requirement_title: e for e in sv.ranking.history("河西局", AS_OF).entries}
    assert entries["年度总结"].named_in == ()  # as of 12-01 the 通报 of 12-04 was not out
    later = {
        e.row.requirement_title: e for e in sv.ranking.history("河西局", date(2023, 12, 5)).entries
    }
    (named,) = later["年度总结"].named_in
    assert (named.number, named.bulletin_date, named.status) == (
        "津市场监管标准〔2023〕31号", date(2023, 12, 4), Status.LATE,
    )  # fmt: skip
    assert later["年度总结"].named_text == "津市场监管标准〔2023〕31号（2023年12月4日）"
    assert later["年度报告"].named_in == ()  # another notice's
    heping = {
        e.row.requirement_title: e for e in sv.ranking.history("和平局", date(2023, 12, 5)).entries
    }
    assert heping["阶段性总结"].named_in == ()  # on time: praised, not named
    assert [m.status for m in heping["年度总结"].named_in] == [Status.PARTIAL]
