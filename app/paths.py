"""Where Tonghu finds its bundled resources and keeps the user's data.

Resources come from the PyInstaller bundle when frozen, from the source tree otherwise;
user data always lives in the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "Tonghu"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_store_path() -> Path:
    return user_data_dir() / "tonghu.store"
