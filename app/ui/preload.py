"""Import the main window's modules while the login dialog waits for the password (issue 17).

Importing the pages, the sync client and pypinyin's dictionaries takes a second or more of CPU;
after the password the window must be usable within 2 s, so `start()` imports them on a
background thread as soon as the login dialog shows (the user is typing meanwhile). Python's
import lock keeps this safe: a module the window needs sooner is simply imported by whichever
thread asks first. Nothing here touches Qt or the store.
"""

from __future__ import annotations

import importlib
import logging
import threading

MODULES = (
    "app.ui.main_window",
    "app.ui.registry",
    "app.ui.features.children",
    "app.ui.features.visits",
    "app.ui.features.protection",
    "app.ui.features.sync",
    "app.ui.features.duplicates",
    "app.ui.features.printing",
    "app.ui.features.bundles",
    "app.ui.visits.dashboard_page",
    "app.ui.protection.dashboard",
    "app.ui.duplicates.section",
    "app.ui.children.list_page",
    "app.ui.children.child_file",
    "app.ui.sync.dialogs",
    "app.sync.client",
    "app.data.dashboard",
    "app.data.benefits",
    "pypinyin",  # its phrase dictionary: the first two-character search or save needs it
)


def modules() -> None:
    """Import every module in MODULES (on the calling thread)."""
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a feature missing from this build: the window reports it itself
            logging.getLogger(__name__).info("preload: %s not importable", name, exc_info=True)


def start() -> threading.Thread:
    """Import MODULES on a daemon thread; returns it."""
    thread = threading.Thread(target=modules, name="tonghu-preload", daemon=True)
    thread.start()
    return thread
