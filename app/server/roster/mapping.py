"""The column mapping (表头 → 字段) the county used last, remembered on the server so the next
roster from the same source needs no mapping step."""

from __future__ import annotations

import json

from app.domain.tabular import norm_header
from app.server.db import ServerDB, ServerSetting

KEY = "roster.mapping"


def remembered(db: ServerDB) -> dict[str, str]:
    with db.sessions() as s:
        row = s.get(ServerSetting, KEY)
        return json.loads(row.value) if row is not None and row.value else {}


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
        row = s.get(ServerSetting, KEY)
        held = json.loads(row.value) if row is not None and row.value else {}
        held.update(chosen)
        text = json.dumps(held, ensure_ascii=False, sort_keys=True)
        if row is None:
            s.add(ServerSetting(key=KEY, value=text))
        else:
            row.value = text
