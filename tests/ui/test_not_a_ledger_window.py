"""The window on a zero-byte tracker.db: refused like a damaged file, the newest backup offered
and restored — never opened as a new, empty ledger."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import app as app_module
from tracker.launch import Target
from tracker.services.bundle import Services
from tracker.services.demo import build_demo


def test_a_zero_byte_ledger_is_restored_from_its_newest_backup(
    qtbot: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    folder = tmp_path / "台账"
    with Services.open(folder) as sv:
        build_demo(sv)
        wanted = len(sv.ledger.rows())
        sv.backups.backup()
    (folder / "tracker.db").write_bytes(b"")  # a sync tool wrote an empty file over it
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    launcher = app_module.Launcher(QApplication.instance())  # type: ignore[arg-type]
    assert launcher.start(Target(folder))
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ctx.snapshots.loaded, timeout=30_000):
        pass
    assert asked and "空文件" in asked[0] and "报送督办台账备份-" in asked[0]
    assert len(window.ctx.services.ledger.rows()) == wanted
    assert launcher.server is not None
    launcher.server.close()
    window.close()
