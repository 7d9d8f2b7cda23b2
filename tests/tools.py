"""Programs some tests read our files back with (poppler, LibreOffice): found on PATH, or the
test is skipped with the package to install — a failure instead when TRACKER_REQUIRE_TOOLS=1
(CI, which installs them), so a missing install cannot hide behind a skip."""

from __future__ import annotations

import os
import shutil

import pytest

PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "soffice": "libreoffice-calc-nogui libreoffice-writer-nogui",
}


def tool(name: str) -> str:
    found = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
    if found:
        return found
    reason = f"{name} is not installed (apt install {PACKAGES.get(name, name)})"
    if os.environ.get("TRACKER_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason}; TRACKER_REQUIRE_TOOLS=1 requires it")
    pytest.skip(reason)
