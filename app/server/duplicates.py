"""疑似重复档案 across the county: ID numbers that more than one live child file on the county
server holds (the same child registered in two villages, or twice in one), for
`tonghu server duplicates`. The county tells the villages; a director (or a township laptop that
holds both files) merges them in the app. The server itself never merges.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.data.models import Child, Place
from app.domain import duplicates as rules
from app.server.db import ServerDB


def duplicate_groups(db: ServerDB) -> list[dict[str, Any]]:
    """[{id_number, members: [{id, name, village_code, village_name, status}]}], by ID number;
    members in registration order (UUIDv7 ids)."""
    with db.sessions() as s:
        rows = s.execute(select(Child.id, Child.name, Child.id_number, Child.village_code, Child.status)
                         .where(Child.deleted.is_(False), Child.id_number != "")).all()
        groups = rules.group_duplicates((r.id, r.id_number) for r in rows)
        if not groups:
            return []
        by_id = {r.id: r for r in rows}
        codes = sorted({by_id[i].village_code for ids in groups.values() for i in ids})
        names: dict[str, str] = {}
        for code, name in s.execute(select(Place.code, Place.name).where(Place.code.in_(codes),
                                                                          Place.deleted.is_(False))):
            names.setdefault(code, name)
    return [
        {"id_number": number, "members": [
            {"id": r.id, "name": r.name, "village_code": r.village_code,
             "village_name": names.get(r.village_code, ""), "status": r.status}
            for r in (by_id[i] for i in sorted(ids))]}
        for number, ids in groups.items()
    ]
