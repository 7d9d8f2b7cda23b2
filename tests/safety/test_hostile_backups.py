"""Crafted backups: refused whole before anything is extracted; nothing lands outside the
workspace, nothing inside it changes. Plus property tests of the manifest validator."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.safety.hostile import rewrite_zip
from tracker.cli import main
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.backup_archive import BackupError, verify_backup
from tracker.services.backup_manifest import (
    DB_MEMBER,
    MANIFEST,
    Manifest,
    check_member_names,
    parse_manifest,
    pool_name_ok,
)
from tracker.services.bundle import Services

PAYLOAD = b"written by a crafted backup"
SHA = hashlib.sha256(PAYLOAD).hexdigest()


@pytest.fixture
def good(tianjin_units: Services, tmp_path: Path) -> Path:
    """A real manual backup holding one archived attachment."""
    tianjin_units.notices.create(
        NoticeSpec(
            "通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),),
        )
    )
    doc = tmp_path / "总结.docx"
    doc.write_bytes(b"the real thing")
    oid = tianjin_units.ledger.rows()[0].obligation_id
    tianjin_units.ledger.register(oid, Form.ELECTRONIC, files=[doc])
    return tianjin_units.backups.backup(tmp_path / "good.zip").path


def _with_file(data: dict[str, Any], rel: str, digest: str = SHA) -> dict[str, Any]:
    return {**data, "files": {**data["files"], rel: digest}, "files_in_pool": False}


TRAVERSALS = {
    "dot-dot": "../../escaped.txt",
    "dot-dot inside": "ab/../../../escaped.txt",
    "absolute": "/tmp/escaped.txt",
    "drive letter": "C:/escaped.txt",
    "backslashes": "..\\..\\escaped.txt",
    "pool name plus dot-dot": f"{SHA[:2]}/../{SHA}.txt",
    "wrong folder": f"zz/{SHA}.txt",
    "folder not its hash": f"00/{SHA}.txt" if not SHA.startswith("00") else f"11/{SHA}.txt",
}


def _state(sv: Services) -> tuple[object, ...]:
    return tuple(sv.units.list_units()), len(sv.audit.entries())


@pytest.mark.parametrize("case", TRAVERSALS)
def test_a_manifest_naming_a_path_outside_the_pool_is_refused_whole(
    case: str, tianjin_units: Services, good: Path, tmp_path: Path, workspace_dir: Path
) -> None:
    rel = TRAVERSALS[case]
    evil = rewrite_zip(
        good,
        tmp_path / "evil.zip",
        manifest=lambda m: _with_file(m, rel),
        extra={"files/" + rel: PAYLOAD},
    )
    before = _state(tianjin_units)
    files_before = sorted(p for p in workspace_dir.rglob("*") if "backups" not in p.parts)
    with pytest.raises(BackupError, match=r"不是归档文件的名称|不属于备份"):
        tianjin_units.backups.restore(evil)
    assert not list(tmp_path.rglob("escaped.txt")) and not Path("/tmp/escaped.txt").exists()
    assert _state(tianjin_units) == before
    assert sorted(p for p in workspace_dir.rglob("*") if "backups" not in p.parts) == files_before


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(
    "member", ["../escaped.txt", "files/../../escaped.txt", "/abs.txt", "extra.txt", DB_MEMBER]
)
def test_a_member_the_manifest_does_not_account_for_is_refused(
    member: str, good: Path, tmp_path: Path
) -> None:
    evil = rewrite_zip(good, tmp_path / "evil.zip", extra={member: PAYLOAD})  # DB twice, too
    with pytest.raises(BackupError, match="不属于备份"):
        verify_backup(evil)


WRONG_TYPES: dict[str, tuple[str, object]] = {
    "members is a list": ("members", ["tracker.db"]),
    "members lists more": ("members", {"tracker.db": "0" * 64, "x": "0" * 64}),
    "db hash is a number": ("members", {"tracker.db": 5}),
    "files is a list": ("files", ["a"]),
    "files hash is a dict": ("files", {f"{SHA[:2]}/{SHA}.txt": {"a": 1}}),
    "created is a number": ("created", 5),
    "created is nonsense": ("created", "yesterday"),
    "kind unknown": ("kind", "evil"),
    "files_in_pool is a string": ("files_in_pool", "no"),
    "revision with a path": ("revision", "../0002"),
}


@pytest.mark.parametrize("case", WRONG_TYPES)
def test_a_manifest_field_of_the_wrong_type_is_named(
    case: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    field, value = WRONG_TYPES[case]
    evil = rewrite_zip(good, tmp_path / "evil.zip", manifest=lambda m: {**m, field: value})
    with pytest.raises(BackupError, match=f"清单有误（{field}"):
        verify_backup(evil)
    code = main(["--workspace", str(tmp_path / "ws"), "restore", str(evil)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and field in err


def test_a_manifest_that_is_not_json_or_nested_too_deep_is_refused(
    good: Path, tmp_path: Path
) -> None:
    for i, text in enumerate(["{not json", "[" * 100_000 + "]" * 100_000, '"a string"']):
        path = tmp_path / f"m{i}.zip"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
            for name in src.namelist():
                out.writestr(name, text if name == MANIFEST else src.read(name))
        with pytest.raises(BackupError, match=r"清单已损坏|格式无法识别"):
            verify_backup(path)


def test_a_real_backup_with_files_still_restores(
    tianjin_units: Services, good: Path, workspace_dir: Path
) -> None:
    for f in (workspace_dir / "files").rglob("*.docx"):
        f.unlink()
    result = tianjin_units.backups.restore(good)
    assert result.files_restored == 1 and not result.files_missing


# -- properties of the validator ------------------------------------------------------------

hexes = st.text("0123456789abcdef", min_size=64, max_size=64)
junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
names = st.one_of(
    st.text(max_size=80),
    st.builds(lambda h, ext: f"{h[:2]}/{h}{ext}", hexes, st.sampled_from(["", ".pdf", ".docx"])),
    st.sampled_from(["../x", "/x", "C:\\x", "ab/../x", "files/../x"]),
)


def _valid() -> dict[str, Any]:
    return {
        "format": 1,
        "kind": "manual",
        "created": "2023-12-01T09:00:00",
        "revision": "0002",
        "files_in_pool": False,
        "members": {DB_MEMBER: "a" * 64},
        "files": {},
    }


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(_valid())), junk, max_size=4))
def test_any_manifest_is_accepted_typed_or_refused_with_a_backup_error(
    changes: dict[str, Any],
) -> None:
    try:
        m = parse_manifest({**_valid(), **changes}, "x.zip")
    except BackupError as exc:
        assert "清单有误" in str(exc)
        return
    assert isinstance(m, Manifest) and isinstance(m.files_in_pool, bool)
    assert all(pool_name_ok(rel) for rel in m.files)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(names, hexes | junk, max_size=5))
def test_only_pool_names_survive_the_manifest_check(files: dict[str, Any]) -> None:
    try:
        m = parse_manifest({**_valid(), "files": files}, "x.zip")
    except BackupError:
        return
    for rel in m.files:
        parts = rel.split("/")
        assert len(parts) == 2 and ".." not in parts and ":" not in rel and "\\" not in rel
        assert parts[1].startswith(parts[0]) and not rel.startswith("/")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(max_examples=200, deadline=None)
@given(st.lists(names.filter(lambda n: "\x00" not in n and n.strip("/")), max_size=6))
def test_a_zip_with_any_member_outside_the_manifest_is_refused(
    tmp_path_factory: pytest.TempPathFactory, extra: list[str]
) -> None:
    path = tmp_path_factory.mktemp("z") / "b.zip"
    manifest = parse_manifest(_valid(), "b.zip")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(MANIFEST, json.dumps(_valid()))
        zf.writestr(DB_MEMBER, b"")
        for name in extra:
            zf.writestr(name, b"x")
    with zipfile.ZipFile(path) as zf:
        listed = [i.filename for i in zf.infolist()]
        if set(listed) == {MANIFEST, DB_MEMBER} and len(listed) == 2:
            check_member_names(zf, manifest, "b.zip")
        else:
            with pytest.raises(BackupError):
                check_member_names(zf, manifest, "b.zip")
