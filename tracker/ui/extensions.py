"""Where the other UI packages plug into the main window.

Each entry names a module with ``install(window: MainWindow) -> None``. ``install`` should be
cheap (create ``QAction``s, connect signals) and import its dialogs inside the slots, so the
window still appears fast. Useful handles on ``window``: ``menu(title)``, ``ledger_page``
(``add_action``, ``selected_obligation_ids``, ``selected_rows``, ``visible_rows``,
``obligationActivated``, ``set_file_drop_handler``), ``set_section_widget(key, widget)``,
``show_section(key)``, ``ctx`` (``services`` once ``ctx.ready`` fired, ``changes``, ``as_of``).
Add a line here (keep the list sorted) rather than editing main_window.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

EXTENSIONS: tuple[str, ...] = (
    "tracker.ui.dialogs.install",
    "tracker.ui.excel.menu",
    "tracker.ui.help.menu",
    "tracker.ui.letters.install",
    "tracker.ui.safety.menu",
)


def insert_before_quit(menu: Any, actions: Sequence[Any]) -> None:
    """Add ``actions`` as one group to a 文件-style menu: before its last entry (退出) when that
    follows a separator, else at the end."""
    existing = menu.actions()
    anchor = existing[-2] if len(existing) >= 2 and existing[-2].isSeparator() else None
    for action in actions:
        if anchor is not None:
            menu.insertAction(anchor, action)
        else:
            menu.addAction(action)
    if anchor is not None and actions:
        menu.insertSeparator(actions[0])


def install_extensions(window: Any, modules: tuple[str, ...] | None = None) -> None:
    for name in EXTENSIONS if modules is None else modules:
        importlib.import_module(name).install(window)
