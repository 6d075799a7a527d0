"""The interface-language entry (工具 → 界面语言 / Language) and the look, applied as a fallback.

`prepare_application()` (app.ui.i18n) is meant to run before the first window; if the start-up
code has not run it, registering this feature installs translator and stylesheet late, once.
"""

from __future__ import annotations

from app.ui import registry


def register() -> None:
    registry.add(registry.MENU_ACTIONS, 90, "language", "界面语言 / Language", "app.ui.i18n:language_action", "工具")
    from PySide6.QtWidgets import QApplication

    from app.ui import i18n

    app = QApplication.instance()
    if app is not None and not i18n.is_prepared():
        i18n.prepare_application(app)
