"""Reading and writing setting rows (key -> text) inside a caller's session: one key, several keys
in one query, insert or update. The county server's `srv_setting` table has the same shape."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models.local import Setting


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def get_settings(session: Session, *keys: str) -> dict[str, str | None]:
    """Several settings in one query (None for a key not set)."""
    found = dict(session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys))).tuples().all())
    return {key: found.get(key) for key in keys}


def put_setting(session: Session, key: str, value: str, model: Any = Setting) -> None:
    """Insert or update `key` in `model`'s table (this store's settings unless told otherwise)."""
    row = session.get(model, key)
    if row is None:
        session.add(model(key=key, value=value))
    else:
        row.value = value
