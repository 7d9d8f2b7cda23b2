"""What goes into the one-folder bundle: data files, excluded modules, Qt plugins kept.

Imported by ``tracker.spec`` (PyInstaller runs the spec as Python) and by the tests, so the
rules are plain functions that can be checked without building anything.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "报送督办台账"
EXE_NAME = "tracker"  # ASCII: file names inside the bundle stay safe on any code page
ICON_ICO = ROOT / "resources" / "icons" / "app.ico"
RESOURCES_IN_BUNDLE = "tracker/resources"  # = tracker.paths.BUNDLE_FOLDER

# The Qt modules the app imports; every other PySide6 module is left out.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport")
QT_MODULES_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization",
    "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer",
    "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtXml",
)  # fmt: skip
# Python packages present on a developer's machine that the app never imports.
PYTHON_EXCLUDES = (
    "tkinter", "unittest", "pydoc", "doctest", "numpy", "pytest", "_pytest",
    "hypothesis", "IPython", "pdfplumber", "pypdf", "msoffcrypto", "mypy", "ruff",
    "importlinter", "setuptools", "pip", "psycopg2",
    # reportlab needs Pillow's core only (it imports PIL.Image); not these codecs and bridges
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingft", "PIL.ImageFont", "PIL._imagingtk", "PIL.ImageTk",
    "PIL.ImageQt",
)  # fmt: skip

# Qt plugin folders kept, with the file-name stems kept inside each (None: all of them).
# Everything else (wayland, egl, sql drivers, svg, tls, network information …) is dropped.
QT_PLUGINS_KEPT: dict[str, tuple[str, ...] | None] = {
    "platforms": ("qwindows", "qxcb", "qoffscreen", "qminimal"),
    "imageformats": ("qico", "qjpeg"),
    "styles": None,  # the Windows 11 / Vista styles
    "printsupport": None,  # CUPS on Linux; Windows printing lives in QtPrintSupport itself
    "platforminputcontexts": None,  # ibus/compose: Chinese input on Linux
    "xcbglintegrations": None,
}
QT_TRANSLATIONS_KEPT = ("qt_zh_CN.qm", "qtbase_zh_CN.qm")


def excludes() -> list[str]:
    return [f"PySide6.{m}" for m in QT_MODULES_UNUSED] + list(PYTHON_EXCLUDES)


def hidden_imports() -> list[str]:
    """Every tracker module (the window imports its pages and dialogs inside functions),
    and what the Alembic scripts (loaded from files) import."""
    return [*tracker_modules(), "alembic.op", "alembic.context", "sqlalchemy.dialects.sqlite"]


def tracker_modules() -> list[str]:
    """Every module of the ``tracker`` package, found from the files so nothing has to be
    imported."""
    package = ROOT / "tracker"
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts or "__pycache__" in rel.parts:
            continue
        if rel.name == "screens":  # screenshot tools for developers (they use QtTest)
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def datas() -> list[tuple[str, str]]:
    """(source, folder in the bundle): the Alembic migration scripts, which Alembic reads as
    .py files from ``tracker/store/migrations``, and the resources, placed where the installed
    package ``tracker.resources`` has them (tracker.paths finds them there through
    ``sys._MEIPASS``)."""
    migrations = ROOT / "tracker" / "store" / "migrations"
    pairs = [(str(migrations / "env.py"), "tracker/store/migrations")]
    pairs += [
        (str(p), "tracker/store/migrations/versions")
        for p in sorted((migrations / "versions").glob("*.py"))
    ]
    source = ROOT / "resources"
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            folder = PurePosixPath(RESOURCES_IN_BUNDLE, path.relative_to(source).parent.as_posix())
            pairs.append((str(path), folder.as_posix()))
    return pairs


def _qt_parts(dest: str) -> tuple[str, ...] | None:
    """The path below PySide6's Qt folder (``plugins/platforms/x.so``), or None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[0] == "PySide6":
        rest = parts[1:]
        if rest[0] == "Qt":
            rest = rest[1:]
        return tuple(rest)
    return None


def keep_file(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in."""
    parts = _qt_parts(dest)
    if parts is None or len(parts) < 2:
        return True
    if parts[0] == "translations":
        return parts[-1] in QT_TRANSLATIONS_KEPT
    if parts[0] != "plugins":
        return True
    if len(parts) < 3 or parts[1] not in QT_PLUGINS_KEPT:
        return False
    stems = QT_PLUGINS_KEPT[parts[1]]
    if stems is None:
        return True
    name = parts[-1].split(".")[0].removeprefix("lib")
    return name in stems


def trim_qt_collection(
    hiddenimports: list[str], binaries: list[tuple[str, str]], datas: list[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """A Qt hook's (hiddenimports, binaries, datas) with unwanted plugins and translations
    left out; hook entries are (source file, destination folder)."""

    def kept(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(src, dst) for src, dst in pairs if keep_file(f"{dst}/{Path(src).name}")]

    return hiddenimports, kept(binaries), kept(datas)


def filter_toc(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop unwanted entries of a PyInstaller TOC (dest, source, kind)."""
    return [entry for entry in toc if keep_file(entry[0])]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0): Windows wants four numbers."""
    numbers = []
    for part in version.split(".")[:4]:
        leading = re.match(r"\d*", part)
        numbers.append(int(leading.group() or 0) if leading else 0)  # "4rc1" → 4
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        import tracker

        return str(tracker.__version__)
    finally:
        sys.path.remove(str(ROOT))


VERSION_STRINGS = (
    ("CompanyName", "标准化处"),
    ("FileDescription", APP_NAME),
    ("InternalName", EXE_NAME),
    ("OriginalFilename", f"{EXE_NAME}.exe"),
    ("ProductName", APP_NAME),
)


def version_file_text(version: str) -> str:
    """The Windows VERSIONINFO resource (Properties → Details of tracker.exe) in PyInstaller's
    version-file syntax; text, so building it needs no Windows-only module."""
    numbers = version_tuple(version)
    strings = [*VERSION_STRINGS, ("FileVersion", version), ("ProductVersion", version)]
    rows = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{rows}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(version: str, folder: str | Path) -> str:
    path = Path(folder) / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_file_text(version), encoding="utf-8")
    return str(path)
