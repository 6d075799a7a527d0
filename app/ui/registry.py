"""Extension points of the main window, so each feature plugs in its own screens.

Entries name their widget as "module:Class" and are imported only when the window is built,
so features never import each other. A feature adds its entries in its own module's
`register()` function and lists that module in FEATURES; the main window calls them at start.

Contracts:
- a page class is `QWidget` with `__init__(self, ctx: UiContext, parent=None)`; it may define
  `refresh()` (called when the page is shown and when `ctx.data_changed` fires);
- a child tab class is `QWidget` with `__init__(self, ctx, parent=None)` and `load(child_id: str)`;
- a menu action factory is `fn(window) -> QAction`, placed in the named menu;
- a dashboard section class is `QWidget` with `__init__(self, ctx, parent=None)` and `refresh()`.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field


@dataclass(order=True)
class Entry:
    order: int
    key: str = field(compare=False)
    title: str = field(compare=False)
    target: str = field(compare=False)  # "module:attribute"
    menu: str = field(default="", compare=False)

    def load(self):
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


PAGES: list[Entry] = []          # left navigation: 工作台, 儿童名册, 排查, 冲突 ...
CHILD_TABS: list[Entry] = []     # tabs of the child's file (一人一档)
MENU_ACTIONS: list[Entry] = []   # menu items: menu is one of 文件 / 打印 / 同步 / 工具 / 帮助
DASHBOARD_SECTIONS: list[Entry] = []  # blocks of the 工作台 home screen

# Modules whose `register()` adds entries above; add yours here.
FEATURES = [
    "app.ui.features.children",
    "app.ui.features.language",
    "app.ui.features.visits",
    "app.ui.features.bundles",
    "app.ui.features.protection",
    "app.ui.features.printing",
    "app.ui.features.sync",
    "app.ui.features.duplicates",
    "app.ui.features.backup",
]

_registered = False
FAILED: dict[str, str] = {}  # feature module -> error, so one broken feature cannot stop the app


def add(kind: list[Entry], order: int, key: str, title: str, target: str, menu: str = "") -> None:
    if all(e.key != key for e in kind):
        kind.append(Entry(order, key, title, target, menu))
        kind.sort()


def register_all() -> None:
    global _registered
    if _registered:
        return
    for name in FEATURES:
        try:
            importlib.import_module(name).register()
        except Exception as exc:  # noqa: BLE001 - reported in the status bar, the rest still loads
            logging.getLogger(__name__).warning("feature %s failed to register", name, exc_info=True)
            FAILED[name] = f"{type(exc).__name__}: {exc}"
    _registered = True
