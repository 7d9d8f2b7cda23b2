"""Chinese fonts for the PDFs: Windows fonts when present, else the shipped TrueType subsets.

Every face is a TrueType (glyf) font that reportlab embeds as a subset. Text is split into runs
by coverage: a character the role's font lacks is drawn with the first fallback font that has
it; one no font has is remembered in ``missing`` so the caller can report it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.paths import resource_path

ROLES = ("title", "body", "hei", "kai", "song", "latin")
# Roles whose Latin letters and digits are set in the matching serif (Times New Roman on
# Windows), not in the CJK font's own typewriter-like Latin.
SERIF_LATIN_ROLES = frozenset({"body", "kai"})

# (file name in a Windows fonts folder, index in a .ttc), best first: 方正小标宋 and the
# GB2312 仿宋/楷体 that offices install, then the fonts every Windows has.
_WINDOWS: dict[str, tuple[tuple[str, int], ...]] = {
    "title": (
        ("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("方正小标宋_GBK.ttf", 0),
        ("FZXBSK.TTF", 0), ("simhei.ttf", 0),
    ),
    "body": (("仿宋_GB2312.ttf", 0), ("FS_GB2312.ttf", 0), ("SIMFANG.TTF", 0), ("simfang.ttf", 0)),
    "hei": (("simhei.ttf", 0), ("SIMHEI.TTF", 0)),
    "kai": (
        ("楷体_GB2312.ttf", 0), ("KAI_GB2312.ttf", 0), ("SIMKAI.TTF", 0), ("simkai.ttf", 0),
    ),
    "song": (("simsun.ttc", 0), ("SIMSUN.TTC", 0), ("simsun.ttf", 0)),
    "latin": (("times.ttf", 0), ("TIMES.TTF", 0)),
}  # fmt: skip
_SHIPPED: dict[str, str] = {
    "title": "hei.ttf",
    "body": "song.ttf",
    "hei": "hei.ttf",
    "kai": "song.ttf",
    "song": "song.ttf",
    "latin": "serif.ttf",  # Liberation Serif: Times New Roman's metrics
}
# Wider fonts tried for characters outside the chosen ones (rare names, symbols).
_FALLBACK_FILES: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0),
    ("simsunb.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
)

_LOADED: dict[tuple[str, int], Face] = {}


@dataclass(frozen=True)
class Face:
    """A registered reportlab font and the code points it covers."""

    name: str
    path: str
    index: int
    cmap: frozenset[int]
    ascent: float  # of 1 pt of size, normalised so ascent - descent == 1 (the em box)

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.cmap


def windows_fonts_dir() -> Path | None:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return folder if folder.is_dir() else None


def user_fonts_dir() -> Path | None:
    """Fonts a user installed without administrator rights (Windows 10 1809 and later):
    ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts`` — where 方正小标宋 often ends up."""
    local = os.environ.get("LOCALAPPDATA")
    if not local:
        return None
    folder = Path(local) / "Microsoft" / "Windows" / "Fonts"
    return folder if folder.is_dir() else None


def font_dirs(windows_dir: Path | None = None, user_dir: Path | None = None) -> list[Path]:
    """The folders searched, per-user first (a font installed there is the clerk's choice)."""
    found = [user_dir or user_fonts_dir(), windows_dir or windows_fonts_dir()]
    return [d for d in dict.fromkeys(found) if d is not None]


def load_face(path: str | Path, index: int = 0) -> Face:
    """Register ``path`` with reportlab once per process (its parsed tables cached per user)."""
    key = (str(path), index)
    if key not in _LOADED:
        from reportlab.pdfbase import pdfmetrics

        from tracker.reports.font_cache import load_ttfont

        name = f"F{len(_LOADED)}-{Path(path).stem}-{index}"
        font: Any = load_ttfont(name, path, index)  # parsed once per user, not per run
        face = font.face
        # reportlab names a PDF font's objects after its PostScript name: two files with the
        # same name (a shipped subset and its system original) would overwrite each other.
        face.name = face.name + f"-{len(_LOADED)}".encode()
        pdfmetrics.registerFont(font)
        span = float(face.ascent - face.descent) or 1000.0
        _LOADED[key] = Face(
            name, str(path), index, frozenset(face.charToGlyph), float(face.ascent) / span
        )
    return _LOADED[key]


def _try_load(path: Path, index: int) -> Face | None:
    if not path.is_file():
        return None
    try:
        return load_face(path, index)
    except Exception:  # a damaged or CFF-only font: skip it, the next candidate serves
        return None


class LazyFallbacks:
    """The wider fonts, parsed only when a character first needs one (most documents never
    do: parsing them cost more than the rest of a run)."""

    def __init__(self, dirs: Sequence[Path], exclude: Iterable[Face] = ()) -> None:
        self.dirs = list(dirs)
        self.exclude = list(exclude)
        self._faces: list[Face] | None = None

    def faces(self) -> list[Face]:
        if self._faces is None:
            self._faces = [f for f in _fallback_faces(self.dirs) if f not in self.exclude]
        return self._faces


@dataclass
class FontSet:
    """The faces for each role plus fallbacks; remembers characters no font has."""

    faces: dict[str, Face]
    lazy: LazyFallbacks
    missing: set[str] = field(default_factory=set)

    @property
    def fallbacks(self) -> list[Face]:
        return self.lazy.faces()

    @classmethod
    def discover(
        cls,
        windows_dir: Path | None = None,
        use_windows: bool = True,
        user_dir: Path | None = None,
    ) -> FontSet:
        dirs = font_dirs(windows_dir, user_dir) if use_windows else []
        faces = {role: _pick(role, dirs) for role in ROLES}
        return cls(faces, LazyFallbacks(dirs, faces.values()))

    def face(self, role: str) -> Face:
        return self.faces[role]

    def runs(self, text: str, role: str) -> list[tuple[Face, str]]:
        """``text`` split into (face, text) runs; every character drawn by a face that has it."""
        main = self.faces[role]
        serif = role in SERIF_LATIN_ROLES
        if not (serif and _has_latin(text)) and all(ord(ch) in main.cmap for ch in text):
            return [(main, text)] if text else []
        latin = self.faces["latin"]
        out: list[tuple[Face, str]] = []
        for ch in text:
            face = latin if serif and _is_latin(ch) and latin.covers(ch) else None
            face = face or self._face_for(ch, main)
            if out and out[-1][0] is face:
                out[-1] = (face, out[-1][1] + ch)
            else:
                out.append((face, ch))
        return out

    def _face_for(self, ch: str, main: Face) -> Face:
        if main.covers(ch) or ch in "\t\n":
            return main
        for face in self.fallbacks:
            if face.covers(ch):
                return face
        self.missing.add(ch)
        return main

    def check(self, texts: Iterable[str], role: str = "body") -> set[str]:
        """The characters of ``texts`` that no font can draw."""
        before = set(self.missing)
        for text in texts:
            self.runs(text, role)
        return self.missing - before


def _is_latin(ch: str) -> bool:
    return " " <= ch <= "~"


def _has_latin(text: str) -> bool:
    return any(" " <= ch <= "~" for ch in text)


def _pick(role: str, dirs: Sequence[Path]) -> Face:
    for name, index in _WINDOWS[role]:  # the best font in any folder beats a lesser one
        for folder in dirs:
            face = _try_load(folder / name, index)
            if face is not None:
                return face
    return load_face(resource_path("fonts", _SHIPPED[role]), 0)


def _fallback_faces(dirs: Sequence[Path]) -> list[Face]:
    faces: list[Face] = []
    for name, index in _FALLBACK_FILES:
        path = Path(name)
        paths = [path] if path.is_absolute() else [d / name for d in dirs]
        for candidate in paths:
            face = _try_load(candidate, index)
            if face is not None and face not in faces:
                faces.append(face)
    for shipped in ("song.ttf", "hei.ttf"):
        faces.append(load_face(resource_path("fonts", shipped), 0))
    return faces


_DEFAULT: FontSet | None = None


def default_fonts() -> FontSet:
    """The process-wide font set (discovered once); its ``missing`` starts empty each call."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = FontSet.discover()
    return FontSet(_DEFAULT.faces, _DEFAULT.lazy)
