"""LibreOffice headless as "a real spreadsheet program reading our file"."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

from tests.tools import tool

# Field sep ",", quote '"', UTF-8, …, 9th token: cells as shown (dates as 2023年6月27日),
# last token -1: every sheet to its own file named <stem>-<sheet>.csv.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def soffice() -> str:
    return tool("soffice")


def convert(source: Path, target: str, outdir: Path, profile: Path) -> None:
    """``soffice --convert-to target`` with its own profile (parallel runs do not clash)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def sheets_as_csv(source: Path, outdir: Path, profile: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``source`` as LibreOffice shows it, by sheet name."""
    convert(source, CSV_FILTER, outdir, profile)
    out = {}
    for path in outdir.glob(f"{source.stem}-*.csv"):
        sheet = path.stem[len(source.stem) + 1 :]
        with path.open(encoding="utf-8", newline="") as fh:
            out[sheet] = list(csv.reader(fh))
    return out
