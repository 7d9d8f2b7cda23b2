"""The composition root: arguments, first run, single instance, opening and the demo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tracker import app as app_module
from tracker.launch import Target, open_services
from tracker.services import locations
from tracker.ui.single_instance import InstanceServer, ask_running_instance, may_be_running


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (default workspace, demo) moved into the test's temp folder."""
    folder = tmp_path / "用户数据"
    monkeypatch.setattr(locations, "user_data_dir", lambda: folder)
    return folder


def test_arguments() -> None:
    args = app_module.parse_args(["--demo", "--workspace", "D:/台账", "-platform", "offscreen"])
    assert args.demo and args.workspace == "D:/台账" and args.db_url is None


def test_first_run_has_no_workspace(data_dir: Path) -> None:
    assert app_module.initial_target(app_module.parse_args([])) is None


def test_default_workspace_is_opened_once_it_exists(data_dir: Path, monkeypatch) -> None:
    open_services(Target(locations.default_workspace_dir())).close()
    target = app_module.initial_target(app_module.parse_args([]))
    assert target == Target(locations.default_workspace_dir())
    monkeypatch.setenv("TRACKER_WORKSPACE", str(data_dir / "别处"))
    assert app_module.initial_target(app_module.parse_args([])).folder == data_dir / "别处"
    demo = app_module.initial_target(app_module.parse_args(["--demo"]))
    assert demo == Target(data_dir / "demo", demo=True)


def test_demo_is_built_on_first_use(data_dir: Path) -> None:
    target = Target(locations.demo_workspace_dir(), demo=True)
    assert not target.exists
    with open_services(target) as services:
        assert len(services.ledger.rows()) > 100
    assert target.exists
    assert not (data_dir / "demo.building").exists()


def test_single_instance_raises_the_first_window(qtbot, tmp_path: Path) -> None:
    key = str(tmp_path / "台账")
    assert not ask_running_instance(key, timeout_ms=200)
    server = InstanceServer(key)
    assert server.listen()
    assert may_be_running(key)  # its socket file is where the probe looks
    assert not InstanceServer(key).listen()  # a second claim on the same workspace loses
    with qtbot.waitSignal(server.raiseRequested, timeout=5000):
        assert ask_running_instance(key)
    assert not ask_running_instance(str(tmp_path / "另一个台账"), timeout_ms=200)
    server.close()


def test_launcher_opens_a_window_after_its_first_paint(qtbot, demo_dir: Path) -> None:
    launcher = app_module.Launcher(QApplication.instance())
    assert launcher.start(Target(demo_dir))
    window = launcher.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ctx.snapshots.loaded, timeout=20_000):
        pass
    assert window.ctx.services.ws.root == demo_dir
    assert "报送督办台账" in window.windowTitle()
    assert (demo_dir / "logs" / "tracker.log").exists()
    assert app_module.ui_settings().value(app_module.LAST_KEY) == str(demo_dir)
    with qtbot.waitSignal(launcher.server.raiseRequested, timeout=5000):
        assert ask_running_instance(Target(demo_dir).key)  # a second launch is turned away
    launcher.server.close()
    window.close()


def test_welcome_page_offers_three_ways(qtbot, data_dir: Path) -> None:
    launcher = app_module.Launcher(QApplication.instance())
    launcher.show_welcome()
    welcome = launcher.welcome
    qtbot.addWidget(welcome)
    texts = [b.text() for b in (welcome.new_button, welcome.open_button, welcome.demo_button)]
    assert texts == ["新建台账…", "打开台账…", "体验示例数据"]
    welcome.choose_new(data_dir / "新台账")
    window = launcher.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ctx.ready, timeout=20_000):
        pass
    assert (data_dir / "新台账" / "tracker.db").exists()
    assert not welcome.isVisible()
    launcher.server.close()
    window.close()


def test_welcome_page_opens_the_guide(qtbot, data_dir: Path) -> None:
    launcher = app_module.Launcher(QApplication.instance())
    launcher.show_welcome()
    welcome = launcher.welcome
    qtbot.addWidget(welcome)
    welcome.guide_button.click()
    qtbot.waitUntil(lambda: welcome.guide.isVisible())
    assert "登记" in welcome.guide.browser.toPlainText()
    welcome.guide.close()


def run_main(tmp_path: Path, bench: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` in a child with its own data and config folders, quitting at
    the first paint ("paint") or once rows are shown ("loaded")."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "TRACKER_BENCH_EXIT": bench,
        "TRACKER_TODAY": "2023-12-01",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_main_py_paints_the_demo_window(tmp_path: Path) -> None:
    """``python main.py --demo`` end to end: the demo is built on first use, rows shown."""
    result = run_main(tmp_path, "loaded", "--demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("loaded ")
    assert (tmp_path / "data" / "tracker" / "demo" / "tracker.db").exists()


def test_window_paints_before_heavy_imports(tmp_path: Path) -> None:
    """Start-up stays lean: the first paint comes before SQLAlchemy, openpyxl, reportlab …"""
    workspace = tmp_path / "台账"
    open_services(Target(workspace)).close()
    result = run_main(tmp_path, "paint", "--workspace", str(workspace))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("paint ")
    assert result.stdout.strip().endswith("heavy="), result.stdout


def test_a_damaged_workspace_is_restored_from_its_newest_backup(qtbot, tmp_path, monkeypatch):
    import os

    from PySide6.QtWidgets import QMessageBox

    from tracker.services.bundle import Services
    from tracker.services.demo import build_demo

    folder = tmp_path / "台账"
    with Services.open(folder) as sv:
        build_demo(sv)
    with Services.open(folder) as sv:  # the day's automatic backup
        assert sv.backups.list()
    with (folder / "tracker.db").open("r+b") as fh:
        fh.seek(4096 * 4)
        fh.write(os.urandom(4096 * 3))
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    launcher = app_module.Launcher(QApplication.instance())
    assert launcher.start(Target(folder))
    window = launcher.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ctx.snapshots.loaded, timeout=30_000):
        pass
    assert asked and "daily-" in asked[0]
    assert window.ctx.services.ledger.rows()  # the restored ledger is open
    assert any("pre-restore" in p.name for p in (folder / "backups").rglob("*"))  # kept aside
    launcher.server.close()
    window.close()


def test_anything_escaping_start_up_is_one_message_and_exit_1(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker import log_file as log_module
    from tracker.log_file import log_file

    monkeypatch.setattr(log_module, "_handler", None)  # no log yet: the user's folder gets it
    shown: list[BaseException] = []

    def broken(_argv: list[str]) -> None:
        raise RuntimeError("不该出现的错误")

    monkeypatch.setattr(app_module, "parse_args", broken)
    monkeypatch.setattr(app_module, "show_error", lambda _parent, exc, *a: shown.append(exc))
    assert app_module.main(["tracker-gui"]) == 1
    assert [str(e) for e in shown] == ["不该出现的错误"]
    log = log_file()
    assert log == data_dir / "logs" / "tracker.log"
    assert "不该出现的错误" in log.read_text(encoding="utf-8")


def test_a_new_workspace_asks_for_the_office_first(qtbot, tmp_path: Path) -> None:
    from tracker.ui.settings.office_dialog import OfficeSetupDialog

    launcher = app_module.Launcher(QApplication.instance())
    assert launcher.start(Target(tmp_path / "新台账"))
    window = launcher.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(OfficeSetupDialog) is not None, timeout=20_000)
    dialog = window.findChild(OfficeSetupDialog)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    dialog.lines["sender_name"].setText("晋城市市场监督管理局")
    dialog.lines["short_name"].setText("我局")
    assert not dialog.save_button.isEnabled()  # the letter prefix too
    dialog.lines["letter_prefix"].setText("晋市市监函")
    dialog.save_button.click()
    office = window.ctx.services.settings.office()
    assert (office.sender_name, office.short_name, office.letter_prefix) == (
        "晋城市市场监督管理局", "我局", "晋市市监函")  # fmt: skip
    assert office.contact_person == ""  # nobody's Tianjin particulars
    launcher.server.close()
    window.close()
