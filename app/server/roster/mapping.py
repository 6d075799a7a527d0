"""The column mapping (表头 → 字段) the county used last, remembered on the server so the next
roster from the same source needs no mapping step."""

from __future__ import annotations

import json

from app.domain.tabular import norm_header
from app.server import settings
from app.server.db import ServerDB

KEY = "roster.mapping"


def remembered(db: ServerDB) -> dict[str, str]:
    with db.sessions() as s:
        return settings.get_json(s, KEY, {})


def overrides_for(db: ServerDB, headers: list[str], given: dict[str, str] | None) -> dict[str, str]:
    """The remembered choices for headers this file has, with `given` (this time's) winning."""
    present = {norm_header(h) for h in headers}
    out = {h: f for h, f in remembered(db).items() if norm_header(h) in present}
    out.update(given or {})
    return out


def remember(db: ServerDB, chosen: dict[str, str]) -> None:
    """Keep the headers the officer mapped by hand (added to what was remembered)."""
    if not chosen:
        return
    with db.sessions() as s, s.begin():
        held = settings.get_json(s, KEY, {})
        held.update(chosen)
        settings.put(s, KEY, json.dumps(held, ensure_ascii=False, sort_keys=True))
