"""Where the shipped resources are, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def cache_dir() -> Path:
    """Per-user cache (safe to delete): ``TRACKER_CACHE_DIR`` or the platform's cache folder."""
    import os

    override = os.environ.get("TRACKER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tracker", appauthor=False))
