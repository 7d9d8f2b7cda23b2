"""House rules of the window's wiring, checked on the source (a newcomer's change breaks them
here, not in a clerk's hands)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "tracker" / "ui"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(UI)): p.read_text(encoding="utf-8") for p in UI.rglob("*.py")}


def test_the_ui_never_touches_the_workspace_object() -> None:
    """Only the services' typed facade: ``services.ws`` would bypass it (and its typing)."""
    offenders = [name for name, text in _sources().items() if re.search(r"\.ws\b", text)]
    assert offenders == []


def test_nothing_is_found_by_name() -> None:
    """One composition with plain imports: no plug-ins loaded by module name, no handles
    looked up on the window."""
    for name, text in _sources().items():
        assert "importlib" not in text, name
        assert not re.search(r"getattr\(\s*(self\.)?window\b", text), name
        assert not re.search(r"\bwindow\.\w+\s*=[^=]", text), name  # nothing stuck onto it
    assert not (UI / "extensions.py").exists()


def test_pages_hear_typed_change_notices() -> None:
    """What changed is a Changes, never a bare string (``changed.emit("units")``)."""
    for name, text in _sources().items():
        assert not re.search(r"announce\(\s*[\"']", text), name
        assert not re.search(r"changes\.changed\.emit\(\s*[\"']", text), name
