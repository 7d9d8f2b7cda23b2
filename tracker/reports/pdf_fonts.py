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

ROLES = ("title", "body", "hei", "kai", "song")

# (file name in the Windows fonts folder, index in a .ttc), best first.
_WINDOWS: dict[str, tuple[tuple[str, int], ...]] = {
    "title": (("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("simhei.ttf", 0)),
    "body": (("仿宋_GB2312.ttf", 0), ("FS_GB2312.ttf", 0), ("simfang.ttf", 0)),
    "hei": (("simhei.ttf", 0),),
    "kai": (("楷体_GB2312.ttf", 0), ("KAI_GB2312.ttf", 0), ("simkai.ttf", 0)),
    "song": (("simsun.ttc", 0), ("simsun.ttf", 0)),
}
_SHIPPED: dict[str, str] = {
    "title": "hei.ttf",
    "body": "song.ttf",
    "hei": "hei.ttf",
    "kai": "song.ttf",
    "song": "song.ttf",
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


def load_face(path: str | Path, index: int = 0) -> Face:
    """Register ``path`` with reportlab once per process."""
    key = (str(path), index)
    if key not in _LOADED:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        name = f"F{len(_LOADED)}-{Path(path).stem}-{index}"
        font: Any = TTFont(name, str(path), subfontIndex=index)
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


@dataclass
class FontSet:
    """The faces for each role plus fallbacks; remembers characters no font has."""

    faces: dict[str, Face]
    fallbacks: Sequence[Face]
    missing: set[str] = field(default_factory=set)

    @classmethod
    def discover(cls, windows_dir: Path | None = None, use_windows: bool = True) -> FontSet:
        win = (windows_dir or windows_fonts_dir()) if use_windows else None
        faces = {role: _pick(role, win) for role in ROLES}
        fallbacks = [f for f in _fallback_faces(win) if f not in faces.values()]
        return cls(faces, fallbacks)

    def face(self, role: str) -> Face:
        return self.faces[role]

    def runs(self, text: str, role: str) -> list[tuple[Face, str]]:
        """``text`` split into (face, text) runs; every character drawn by a face that has it."""
        main = self.faces[role]
        if all(ord(ch) in main.cmap for ch in text):
            return [(main, text)] if text else []
        out: list[tuple[Face, str]] = []
        for ch in text:
            face = self._face_for(ch, main)
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


def _pick(role: str, win: Path | None) -> Face:
    if win is not None:
        for name, index in _WINDOWS[role]:
            face = _try_load(win / name, index)
            if face is not None:
                return face
    return load_face(resource_path("fonts", _SHIPPED[role]), 0)


def _fallback_faces(win: Path | None) -> list[Face]:
    faces: list[Face] = []
    for name, index in _FALLBACK_FILES:
        path = Path(name)
        if not path.is_absolute():
            if win is None:
                continue
            path = win / name
        face = _try_load(path, index)
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
    return FontSet(_DEFAULT.faces, _DEFAULT.fallbacks)
