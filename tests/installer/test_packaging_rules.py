"""What the bundle takes and leaves out, the Windows version resource and the installer
script's promises (per user, Chinese shortcuts, upgrades in place, data kept)."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

import tracker

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import spec_support as sup  # noqa: E402

ISS = ROOT / "installer" / "tracker.iss"


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/plugins/platforms/qwindows.dll",  # Windows wheels have no Qt/ folder
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/translations/qt_zh_CN.qm",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "tracker/resources/fonts/song.ttf",
        "tracker/store/migrations/versions/0001_initial_schema.py",
    ],
)
def test_kept(dest: str) -> None:
    assert sup.keep_file(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/tls/qopensslbackend.dll",
        "PySide6/plugins/sqldrivers/qsqlite.dll",
        "PySide6/plugins/qmltooling/qmldbg_debugger.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qt_fr.qm",
    ],
)
def test_left_out(dest: str) -> None:
    assert not sup.keep_file(dest)


def test_unused_qt_modules_and_dev_tools_are_excluded() -> None:
    excluded = set(sup.excludes())
    for module in ("QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtPdf"):
        assert f"PySide6.{module}" in excluded
    assert not {f"PySide6.{m}" for m in sup.QT_MODULES_USED} & excluded
    assert {"pytest", "hypothesis", "tkinter"} <= excluded
    assert "PIL" not in excluded  # reportlab imports PIL.Image at start


def test_used_qt_modules_match_the_code() -> None:
    used = set()
    for path in (ROOT / "tracker").rglob("*.py"):
        if path.stem == "screens":  # developer tools, left out of the bundle
            continue
        used |= set(
            re.findall(r"(?:from|import) PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
        )
    assert used <= set(sup.QT_MODULES_USED), used - set(sup.QT_MODULES_USED)


def test_data_files_carry_resources_and_the_migration_scripts() -> None:
    pairs = sup.datas()
    dests = {(Path(src).name, dest) for src, dest in pairs}
    assert ("env.py", "tracker/store/migrations") in dests
    assert ("0001_initial_schema.py", "tracker/store/migrations/versions") in dests
    for name, folder in [("guide.html", "guide"), ("app-16.png", "icons"), ("units.toml", "demo"),
                         ("jc-2021-169.toml", "demo/notices"), ("hei.ttf", "fonts"),
                         ("LICENSE-ARPHIC.txt", "fonts")]:  # fmt: skip
        assert (name, f"tracker/resources/{folder}") in dests
    assert all(Path(src).is_file() for src, _ in pairs)
    assert not [src for src, _ in pairs if src.endswith((".py", ".pyc")) and "resources" in src]


def test_the_bundle_puts_the_resources_where_tracker_paths_looks() -> None:
    from tracker.paths import BUNDLE_FOLDER

    assert "/".join(BUNDLE_FOLDER) == sup.RESOURCES_IN_BUNDLE


def test_every_tracker_module_is_taken_even_those_loaded_by_name() -> None:
    modules = set(sup.hidden_imports())
    assert {"tracker.ui.help.actions", "tracker.ui.composition", "tracker.selftest"} <= modules
    assert not [m for m in modules if "migrations" in m and m.startswith("tracker")]
    assert "tracker.screens" not in modules and "tracker.ui.dialogs.screens" not in modules


def test_windows_version_resource_comes_from_the_package_version() -> None:
    assert sup.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert sup.version_tuple("2.3.4rc1.7") == (2, 3, 4, 7)
    text = sup.version_file_text(tracker.__version__)
    calls = {c.func.id: c for c in ast.walk(ast.parse(text)) if isinstance(c, ast.Call)}
    fixed = {k.arg: ast.literal_eval(k.value) for k in calls["FixedFileInfo"].keywords}
    assert fixed["filevers"] == fixed["prodvers"] == sup.version_tuple(tracker.__version__)
    strings = dict(
        tuple(ast.literal_eval(a) for a in c.args)
        for c in ast.walk(ast.parse(text))
        if isinstance(c, ast.Call) and c.func.id == "StringStruct"
    )
    assert strings["FileDescription"] == strings["ProductName"] == "报送督办台账"
    assert strings["FileVersion"] == strings["ProductVersion"] == tracker.__version__
    assert strings["OriginalFilename"] == "tracker.exe"
    assert "StringTable('080404B0'" in text  # Chinese (PRC), Unicode


def iss_setup() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8-sig")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def test_installer_is_per_user_with_a_fixed_app_id() -> None:
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Chinese read right
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert setup["AppId"] == "{{4FCB427C-AB6C-4B38-9490-56B4E8C57360}"  # never change it
    assert setup["UsePreviousAppDir"] == "yes" and setup["CloseApplications"] == "force"
    assert setup["SetupIconFile"] == "{#IconFile}"
    assert setup["VersionInfoVersion"] == "{#FileVersion}"  # a.b.c.d, from build.py


def test_installer_shortcuts_are_chinese_and_the_workspace_is_kept() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert '#define AppName "报送督办台账"' in text
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, re.M)
    assert re.search(r'^Name: "\{autodesktop\}\\\{#AppName\}".*Tasks: desktopicon', text, re.M)
    assert "Flags: unchecked" in text  # the desktop shortcut is offered, not forced
    # an upgrade replaces the bundle; nothing outside {app} is ever deleted
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in text
    assert "[UninstallDelete]" not in text
    assert "localappdata}\\tracker" in text  # only to tell the clerk where the data stays


def test_windows_workflow_builds_and_uploads_the_installer() -> None:
    flow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in flow
    assert 'python-version: "3.11"' in flow
    assert "python installer/build.py --self-test" in flow
    assert "dist/tracker-setup-*.exe" in flow
