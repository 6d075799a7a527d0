"""The county server's settings table (`srv_setting`): one text value per key, JSON for most (the
roster's remembered mapping and place list, the school rolls imported, recovery files issued)."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.data.settings import put_setting
from app.server.db import ServerSetting


def get(s: Session, key: str) -> str | None:
    row = s.get(ServerSetting, key)
    return row.value if row is not None else None


def get_json(s: Session, key: str, default):
    """The setting read as JSON; `default` when it is not set (or empty)."""
    text = get(s, key)
    return json.loads(text) if text else default


def put(s: Session, key: str, value: str) -> None:
    """Set (or add) the setting in the session's transaction."""
    put_setting(s, key, value, ServerSetting)
