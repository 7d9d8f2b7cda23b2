"""The test platform's screens (``screens.json``), set before the QApplication exists."""

from __future__ import annotations

import os
from pathlib import Path


def offscreen_platform() -> str:
    """The offscreen platform with the screens offices have (tests/screens.json): a 1366×768
    laptop and a 1920×1080 monitor at 150 % (1280×720 logical), each less a 40 px Windows
    taskbar, and a 2560×1440 monitor with room to spare. Qt splits the platform string at
    every ':', so a path with a drive letter is given relative to the current folder."""
    config = Path(__file__).with_name("screens.json")
    path = str(config)
    if ":" in path:
        try:
            path = os.path.relpath(config)
        except ValueError:  # on another drive than the current folder
            return "offscreen"
    return f"offscreen:configfile={path}"
