"""README's command-line examples run as written: every code block of the section "The command
line", in order, in one folder — TOML blocks saved under the name their first line gives, every
``tracker …`` line run and expected to succeed, every file it names written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests import old_ledger
from tracker.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("\n## The command line", 1)[1].split("\n## ", 1)[0]
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", SECTION, re.S | re.M)
README_WORKSPACE = "/tmp/demo"
OUTPUT_OPTIONS = ("--out", "--pdf", "--split")


def commands() -> list[str]:
    return [line for lang, body in BLOCKS if not lang for line in body.splitlines()]


def test_the_section_has_its_examples() -> None:
    langs = [lang for lang, _ in BLOCKS]
    assert langs.count("toml") == 2 and langs.count("") >= 4
    lines = commands()
    for expected in ("tracker demo", "tracker notice add 通知.toml", "tracker holidays 2026"):
        assert expected in lines
    assert sum(line.startswith("tracker ledger import") for line in lines) == 3


def written_files(argv: list[str]) -> list[str]:
    files = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in OUTPUT_OPTIONS]
    if argv[0] in ("export", "backup") and len(argv) > 1 and not argv[1].startswith("-"):
        files.append(argv[1])
    return files


@pytest.mark.slow
@pytest.mark.parametrize("today", ["2023-12-01", "2027-03-01"])  # and in a year with no calendar
def test_every_example_runs_as_written(
    today: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRACKER_TODAY", today)
    monkeypatch.chdir(tmp_path)
    old_ledger.write(tmp_path / "原台账.xlsx")  # the one file README asks the reader to bring
    said: dict[str, list[str]] = {}
    for lang, body in BLOCKS:
        if lang == "toml":
            name = re.match(r"# (\S+\.toml)", body)
            assert name, f"a TOML example starts with '# NAME.toml': {body[:40]}"
            (tmp_path / name.group(1)).write_text(body, encoding="utf-8")
            continue
        for line in body.splitlines():
            argv = shlex.split(line, comments=True)
            if not argv:
                continue
            if argv[0] == "export":  # export TRACKER_WORKSPACE=/tmp/demo
                key, value = argv[1].split("=", 1)
                value = str(tmp_path / "demo") if value == README_WORKSPACE else value
                monkeypatch.setenv(key, value)
                continue
            assert argv[0] == "tracker", f"not a tracker command: {line}"
            code = main(argv[1:])
            out, err = capsys.readouterr()
            assert code == 0, f"{line}\n{out}\n{err}"
            assert "Traceback" not in out + err
            for name in written_files(argv[1:]):
                assert (tmp_path / name).exists(), f"{line} wrote no {name}"
            said.setdefault(" ".join(argv), []).append(out)
    quoted = re.search(r"The first says `(.+?)`", SECTION)
    assert quoted and quoted.group(1) in said["tracker notice add 通知.toml"][0]
    imports = said["tracker ledger import 原台账.xlsx --map MAP.toml"]
    assert "已导入原台账" in imports[0]
    assert "没有需要新登记的内容" in imports[1] and "未作改动" in imports[1]
    assert "放假      春节" in said["tracker holidays 2026"][0]
    (backup,) = (tmp_path / "备份").glob("*.zip")
    assert backup.name.startswith("报送督办台账备份-")
