"""Where the shipped resources are: the package ``tracker.resources`` (the top-level
``resources/`` folder of the source, mapped onto that name by pyproject.toml for the wheel and
the editable install), or its copy inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

PACKAGE = "tracker.resources"
BUNDLE_FOLDER = ("tracker", "resources")  # where installer/spec_support.py puts them


class ResourcesMissing(RuntimeError):
    pass


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle).joinpath(*BUNDLE_FOLDER)
    try:
        folder = resources.files(PACKAGE)
    except ModuleNotFoundError as exc:
        raise ResourcesMissing(
            f"{PACKAGE} is not installed: run `pip install -e .` in the source folder"
        ) from exc
    if not isinstance(folder, Path):  # e.g. a zipped install: fonts and icons need real files
        raise ResourcesMissing(f"{PACKAGE} is not a folder on disk: {folder}")
    return folder


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
