"""The shell's window fixtures (demo workspace, main window, QSettings in a temp folder)."""

from tests.ui.conftest import _ui_settings_in_tmp, demo_dir, demo_services, main_window

__all__ = ["_ui_settings_in_tmp", "demo_dir", "demo_services", "main_window"]
