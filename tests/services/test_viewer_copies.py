"""Copies for the system's viewer (打开文件): verified chunk by chunk with progress in bytes, and
stoppable between chunks (取消 in the window) without leaving a copy, whole or partial."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.services.test_ledger import study  # noqa: F401 (the fixture)
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form
from tracker.domain.history import ReceivedFile
from tracker.services.bundle import Services
from tracker.services.viewer_copies import COPY_PREFIX

MB = 1 << 20


class Stop(Exception):
    """What the window's 取消 raises from inside the progress callback."""


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (folder := tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def archived(sv: Services, tmp_path: Path, name: str, data: bytes) -> tuple[str, str]:
    """(name, sha256) of ``data`` registered as 和平局's 阶段性总结."""
    (sent := tmp_path / name).write_bytes(data)
    o = sv.ledger.find_obligation("和平局", "阶段性总结")
    sv.ledger.register(o, Form.ELECTRONIC, date(2023, 6, 20), files=[sent])
    return sv.ledger.submissions(o)[-1].files[-1]


Copy = Callable[..., Path]


def detail_copy(sv: Services, name: str, sha256: str) -> Copy:
    return lambda progress: sv.archived_copy(sha256, name, progress)


def history_copy(sv: Services, name: str, sha256: str) -> Copy:
    received = ReceivedFile(name, sha256, date(2023, 6, 20))
    return lambda progress: sv.ranking.received_copy(received, progress)


BOTH = pytest.mark.parametrize("copy_of", [detail_copy, history_copy], ids=["detail", "history"])


@BOTH
def test_a_copy_reports_its_bytes_as_it_is_verified(
    study: Services,  # noqa: F811
    tmp_path: Path,
    temp: Path,
    copy_of: Callable[[Services, str, str], Copy],
) -> None:
    video = b"v" * (3 * MB) + b"tail!"
    name, sha256 = archived(study, tmp_path, "活动视频.mp4", video)
    seen: list[tuple[int, int]] = []
    copy = copy_of(study, name, sha256)(lambda d, t: seen.append((d, t)))
    assert copy.read_bytes() == video and copy.name == "活动视频.mp4"
    assert copy.parent.parent == temp and copy.parent.name.startswith(COPY_PREFIX)
    assert seen == [(MB, len(video)), (2 * MB, len(video)), (3 * MB, len(video)),
                    (len(video), len(video))]  # fmt: skip


@BOTH
def test_a_cancelled_copy_leaves_no_file_behind(
    study: Services,  # noqa: F811
    tmp_path: Path,
    temp: Path,
    copy_of: Callable[[Services, str, str], Copy],
) -> None:
    name, sha256 = archived(study, tmp_path, "活动视频.mp4", b"v" * (3 * MB))
    reached: list[int] = []

    def cancel_midway(done: int, _total: int) -> None:
        reached.append(done)
        if done >= 2 * MB:
            raise Stop

    with pytest.raises(Stop):
        copy_of(study, name, sha256)(cancel_midway)
    assert reached == [MB, 2 * MB]  # stopped between chunks, not at the end
    assert list(temp.iterdir()) == []  # neither the partial copy nor its folder


def test_the_archive_takes_a_partial_copy_out_itself(
    study: Services,  # noqa: F811
    tmp_path: Path,
) -> None:
    name, sha256 = archived(study, tmp_path, "活动视频.mp4", b"v" * (3 * MB))

    def stop(_n: int) -> None:
        raise Stop

    dest = tmp_path / "out"
    with pytest.raises(Stop):
        study.ws.files.export_copy(sha256, name, dest, stop)
    assert list(dest.iterdir()) == []


def test_a_program_is_refused_from_the_detail_too(
    study: Services,  # noqa: F811
    tmp_path: Path,
    temp: Path,
) -> None:
    """Before, only the history refused one: the detail's 打开文件 handed 总结.pdf.exe to the
    system, which on Windows runs it."""
    name, sha256 = archived(study, tmp_path, "总结.pdf.exe", b"MZ\x90")
    with pytest.raises(ValidationError, match="为防病毒不直接打开"):
        study.archived_copy(sha256, name)
    assert list(temp.iterdir()) == []


def test_a_copy_not_opened_after_all_is_discarded_and_nothing_else(
    study: Services,  # noqa: F811
    tmp_path: Path,
    temp: Path,
) -> None:
    name, sha256 = archived(study, tmp_path, "总结.pdf", b"%PDF-1.4 x")
    copy = study.archived_copy(sha256, name)
    (elsewhere := tmp_path / "mine" / "总结.pdf").parent.mkdir()
    elsewhere.write_bytes(b"keep")
    study.discard_copy(copy)
    study.discard_copy(elsewhere)
    assert list(temp.iterdir()) == [] and elsewhere.read_bytes() == b"keep"
