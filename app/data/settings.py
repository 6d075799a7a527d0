"""Writing one local setting row (key → text) inside a caller's session: insert or update."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.data.models.local import Setting


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
