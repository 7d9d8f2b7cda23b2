"""Registering with files: hashed and copied before and outside the write transaction, with
progress; a cancel or a failed write leaves no file of its own behind."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tests.services.test_ledger import oid, study  # noqa: F401 (the fixture)
from tracker.domain.errors import NotFoundError
from tracker.domain.forms import Form
from tracker.services.bundle import Services

E = Form.ELECTRONIC
MB = 1 << 20


class Stop(Exception):
    """What the window's 取消 raises from inside the progress callback."""


def _archived(sv: Services) -> list[Path]:
    root = sv.ws.files.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_files_are_in_the_archive_before_the_transaction_begins(
    study: Services,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    video = tmp_path / "佐证材料.mp4"
    video.write_bytes(b"v" * (3 * MB + 5))
    seen: list[tuple[int, int]] = []
    at_begin: list[list[Path]] = []
    begin = study.ws.transaction

    @contextmanager
    def watched():  # type: ignore[no-untyped-def]
        at_begin.append(_archived(study))
        with begin() as s:
            yield s

    monkeypatch.setattr(study.ws, "transaction", watched)
    study.ledger.register(
        oid(study, "和平局"),
        E,
        date(2023, 6, 20),
        files=[video],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert [t for _, t in seen] == [3 * MB + 5] * 4  # one call per MB copied
    assert [d for d, _ in seen] == [MB, 2 * MB, 3 * MB, 3 * MB + 5]
    assert len(at_begin[0]) == 1 and at_begin[0][0].read_bytes() == video.read_bytes()


def test_a_cancel_midway_leaves_nothing_behind(study: Services, tmp_path: Path) -> None:  # noqa: F811
    first, second = tmp_path / "总结.docx", tmp_path / "佐证材料.mp4"
    first.write_bytes(b"summary")
    second.write_bytes(b"v" * (4 * MB))

    def cancel_in_the_second_file(done: int, _total: int) -> None:
        if done > 2 * MB:
            raise Stop

    o = oid(study, "和平局")
    with pytest.raises(Stop):
        study.ledger.register(o, E, files=[first, second], progress=cancel_in_the_second_file)
    assert _archived(study) == []  # neither the finished first file nor a partial copy
    assert study.ledger.submissions(o) == []


def test_a_failed_write_takes_its_new_files_out_but_keeps_shared_ones(
    study: Services,  # noqa: F811
    tmp_path: Path,
) -> None:
    shared, new = tmp_path / "通知回执.pdf", tmp_path / "新文件.pdf"
    shared.write_bytes(b"receipt")
    new.write_bytes(b"something else")
    study.ledger.register(oid(study, "河西局"), E, files=[shared])
    kept = _archived(study)
    with pytest.raises(NotFoundError):
        study.ledger.register(987654, E, files=[shared, new])  # no such obligation
    assert _archived(study) == kept  # the file 河西 uses stays; the new one is gone
