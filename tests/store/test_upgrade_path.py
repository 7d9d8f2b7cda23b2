"""Every older revision, with data, upgrades to head with everything intact.

Cases are made from the migration chain itself: each revision before head gets a workspace
built at it (``old_workspace.build_at``) and upgraded. While head is the only revision, the
machinery runs against a probe revision stacked on top of head (tests/safety/revisions.py),
so it is exercised before the first real upgrade ships.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from tests.safety.revisions import PROBE_REVISION, add_probe_revision
from tests.store.old_workspace import (
    EXPECTED_STATUS,
    GRANTED,
    OLD_LETTER,
    build_at,
    read_back,
    revisions_in_order,
)
from tracker.domain.ledger_query import LedgerQuery
from tracker.services.backup_archive import verify_backup
from tracker.services.bundle import Services
from tracker.store import migrate
from tracker.store.sqlite_file import file_health, file_revision

CASES = [pytest.param(rev, id=f"{rev}-to-head") for rev in revisions_in_order()[:-1]]
CASES.append(pytest.param(None, id=f"head-to-probe{PROBE_REVISION}"))


@pytest.mark.parametrize("old_revision", CASES)
def test_an_older_workspace_upgrades_with_everything_intact(
    old_revision: str | None, workspace_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if old_revision is None:
        old_revision = add_probe_revision(tmp_path, monkeypatch)
    workspace_dir.mkdir(parents=True)
    db = workspace_dir / "tracker.db"
    engine = build_at(db, old_revision)
    if inspect(engine).has_table("letters"):  # the letter's own archived PDF, as 0002 stored it
        _archive_old_letter(workspace_dir / "files", engine)
    before = read_back(engine)
    engine.dispose()
    assert file_revision(db) == old_revision

    with Services.open(workspace_dir) as sv:  # what the app does on start-up
        if "letters" in before:
            old = sv.letters.find(OLD_LETTER)
            assert (old.first_page, old.pages, old.addressee) == (0, 1, "红桥区市场监管局")
            assert "红桥区市场监管局" in _text(sv.letters.letter_pdf(old))
        rows = sv.ledger.rows(LedgerQuery(as_of=date(2023, 12, 1)))
        assert {r.unit_name: r.status.value for r in rows} == EXPECTED_STATUS
        assert sv.units.resolve("和平局").name == "和平区市场监管局"
        assert sum(r.reminders for r in rows) == 1
        assert sv.ledger.submissions(1)[0].files == (("总结.docx", "ab" * 32),)
        if old_revision < "0003":  # decisions taken before they were dated: from the audit log
            by_name = {r.unit_name: r for r in rows}
            for unit, (field, day) in GRANTED.items():
                assert getattr(by_name[unit], field) == day, unit
            on_630 = sv.ledger.rows(LedgerQuery(as_of=date(2023, 6, 30)))
            replay = {r.unit_name: r.status.value for r in on_630}
            assert replay["河北区市场监管局"] == "exempt"
            assert replay["河东区市场监管局"] == "overdue"  # its 延期 came on 7-01
        after = read_back(sv.ws.engine)

    assert file_revision(db) == migrate.HEAD_REVISION
    assert file_health(db) == []
    for table, rows_before in before.items():
        assert after[table].keys() == rows_before.keys(), table
        for key, row in rows_before.items():
            kept = {c: v for c, v in after[table][key].items() if c in row}
            assert kept == row, (table, key)
    (backup,) = (workspace_dir / "backups" / "pre-migration").glob("*.zip")
    assert verify_backup(backup).revision == old_revision


def _archive_old_letter(files: Path, engine: Any) -> None:
    """The PDF under its own SHA-256, as the archive names every file (a reprint checks it)."""
    from tracker.reports.pdf_fonts import default_fonts
    from tracker.reports.pdf_output import pdf_bytes

    font = default_fonts().face("body").name

    def draw(c: Any) -> None:
        c.setFont(font, 16)
        c.drawString(80, 700, "红桥区市场监管局：")

    data = pdf_bytes(draw, OLD_LETTER, font)
    sha = hashlib.sha256(data).hexdigest()
    path = files / sha[:2] / f"{sha}.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with engine.begin() as con:
        con.execute(text("UPDATE letters SET pdf_sha256 = :sha"), {"sha": sha})


def _text(pdf: bytes) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        assert len(doc) == 1
        return str(doc[0].get_textpage().get_text_range())
    finally:
        doc.close()


def test_every_revision_is_covered_by_the_upgrade_test() -> None:
    chain = revisions_in_order()
    assert chain[0] == "0001" and chain[-1] == migrate.HEAD_REVISION
    assert [c.values[0] for c in CASES[:-1]] == chain[:-1]
