"""`tonghu run [--store PATH]`: start the desktop app (first-run wizard, login, main window).

With TONGHU_DEMO=1 and no store yet, an encrypted demo store of a synthetic village is created
first; its password is shown on the login screen.
"""

from __future__ import annotations

import os
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("run", help="启动童护桌面程序")
    p.add_argument("--store", type=Path, default=None, help="store file (default: the user data folder)")
    p.set_defaults(handler=cmd_run)


def cmd_run(args) -> int:
    from app.paths import default_store_path
    from app.ui.app import run

    store = args.store or default_store_path()
    return run(store, demo=os.environ.get("TONGHU_DEMO") == "1")
