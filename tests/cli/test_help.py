"""``--help`` and usage errors are Chinese throughout: every command and sub-command, every
argument explained, no English left from argparse."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tracker.app import parse_args
from tracker.chinese_argparse import CATALOGUE, ChineseParser
from tracker.cli import build_parser, main

ENGLISH = re.compile(
    r"usage:|options:|optional arguments|positional arguments|show this help|"
    r"show program's|error:|invalid choice|required:|unrecognized|expected one",
    re.I,
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def all_parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from all_parsers(child, (*path, name))


PARSERS = list(all_parsers(build_parser()))


def test_every_command_and_sub_command_is_found() -> None:
    names = {" ".join(path) for path, _ in PARSERS}
    assert {"", "units import", "notice add", "ledger import", "holidays", "backup"} <= names
    assert all(isinstance(p, ChineseParser) for _, p in PARSERS)


@pytest.mark.parametrize("path", [" ".join(p) or "tracker" for p, _ in PARSERS])
def test_help_is_chinese(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [] if path == "tracker" else path.split()
    assert main([*argv, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：tracker")
    assert "显示本帮助并退出" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize("path", [" ".join(p) or "tracker" for p, _ in PARSERS])
def test_every_argument_is_explained_in_chinese(path: str) -> None:
    parser = dict((" ".join(p) or "tracker", q) for p, q in PARSERS)[path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:  # the sub-command list
                assert choice.help and CJK.search(choice.help), (path, choice.dest)
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help and CJK.search(action.help), f"{path} {name}: add a Chinese help="


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["units", "import"], "缺少必填参数：FILE.xlsx"),
        (["status", "--format", "xml"], "参数 --format：无效的选项 'xml'（可选："),
        (["holidays", "二〇二六"], "参数 YEAR：“二〇二六”不是整数"),
        (["status", "--as-of"], "参数 --as-of：需要一个值"),
        (["frobnicate"], "参数 命令：无效的选项 'frobnicate'"),
        (["log", "--bogus"], "无法识别的参数：--bogus"),
    ],
)
def test_usage_errors_are_chinese(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：tracker")
    assert f"参数错误：{expected}" in err
    assert not ENGLISH.search(err), err


def test_the_window_help_is_chinese_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("用法：tracker-gui") and "--self-test" in text
    assert not ENGLISH.search(text)


def test_other_parsers_in_the_process_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    build_parser().format_help()
    plain = argparse.ArgumentParser(prog="x")
    assert plain.format_help().startswith("usage: x")
    assert "show this help message and exit" in plain.format_help()


def test_the_catalogue_uses_only_the_placeholders_argparse_fills() -> None:
    for english, chinese in CATALOGUE.items():
        fields = re.compile(r"%\(\w+\)\w|%\w")
        assert set(fields.findall(chinese)) <= set(fields.findall(english)), english
        assert fields.findall(chinese).count("%s") == fields.findall(english).count("%s")


def test_help_from_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "export", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0
    assert "--notice N [N ...]" in done.stdout and "选项:" in done.stdout
