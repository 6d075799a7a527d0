"""The interface-language entry in the main window's menus: 工具 → 界面语言 / Language.

The language itself is installed at start-up (app.ui.app.make_application → i18n.prepare_application).
"""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.MENU_ACTIONS, 90, "language", "界面语言 / Language", "app.ui.i18n:language_action", "工具")
