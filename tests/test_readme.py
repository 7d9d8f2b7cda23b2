"""README's quick start is what CI runs: two commands that make and use a venv, the launch one
installing only the app; .ci/run installs nothing README does not name and runs the test
command verbatim; the GitHub workflows run .ci/run and README's Windows test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = "python3 -m venv .venv && . .venv/bin/activate && "
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUICK_START = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def quick_start_commands() -> list[str]:
    block = re.search(r"```\n(.*?)```", QUICK_START, re.S)
    assert block, "Quick start has a code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def windows_commands() -> list[str]:
    return re.findall(r"`(python -m venv \.venv && [^`]+)`", QUICK_START)


def ci_lines() -> list[str]:
    return (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_quick_start_has_exactly_two_commands_each_making_and_using_a_venv() -> None:
    launch, tests = quick_start_commands()
    assert launch == VENV + "pip install -e . && python main.py --demo"  # no test extras
    assert tests == VENV + "pip install -e '.[test]' && python -m pytest"


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, tests = quick_start_commands()
    assert tests in ci_lines()


def test_ci_installs_nothing_readme_does_not_name() -> None:
    _, tests = quick_start_commands()
    setup = tests.removesuffix(" && python -m pytest")
    installs = [line for line in ci_lines() if "pip " in line and not line.lstrip().startswith("#")]
    assert installs == [setup, tests]
    lines = ci_lines()
    assert lines.index(setup) < lines.index("ruff check .") < lines.index(tests)
    assert lines.index("lint-imports") < lines.index(tests)


def test_the_windows_equivalent_is_the_same_two_commands() -> None:
    launch, tests = windows_commands()
    scripts = ".venv\\Scripts\\python"
    assert (
        launch
        == f"python -m venv .venv && {scripts} -m pip install -e . && {scripts} main.py --demo"
    )
    assert tests == (
        f'python -m venv .venv && {scripts} -m pip install -e ".[test]" && {scripts} -m pytest'
    )


def test_the_workflows_run_ci_on_linux_and_the_test_command_on_windows() -> None:
    flows = ROOT / ".github" / "workflows"
    linux = (flows / "ci.yml").read_text(encoding="utf-8")
    assert "runs-on: ubuntu-latest" in linux and "run: bash .ci/run" in linux
    assert re.search(r"^on:\n  push:", linux, re.M)
    windows = (flows / "windows-tests.yml").read_text(encoding="utf-8")
    _, tests = windows_commands()
    assert "runs-on: windows-latest" in windows and "shell: cmd" in windows
    assert f"run: {tests}" in windows.splitlines()[-1]
    assert re.search(r"^on:\n  push:", windows, re.M)
