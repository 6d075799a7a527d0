"""疑似重复档案 across the county.

- `duplicate_groups`: ID numbers that more than one live child file on the county server holds
  (the same child registered in two villages, or twice in one), for `tonghu server duplicates`.
- `county_flags`: files in different villages that look like one child — the same ID number, or
  the same name, birth date and guardian — for the console and `tonghu server county-duplicates`.
  An officer resolves each: `transfer` moves one file (with its history) to the right village,
  whose director then merges the two files there in the app (the old village's laptop keeps
  nothing after its next sync); `mark_different` records that they are two children, and the
  group is no longer flagged (unless another file joins it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from app.core.errors import TonghuError
from app.data.base import utcnow
from app.data.models import Child, Guardian, Place
from app.domain import duplicates as rules
from app.server.county_writes import county_changes
from app.server.db import ServerBase, ServerDB

DIFFERENT, TRANSFER = "different", "transfer"


class DuplicateDecision(ServerBase):
    """An officer's decision on a county duplicate flag: two different children, or a transfer."""

    __tablename__ = "srv_duplicate_decision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(40), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    child_id: Mapped[str] = mapped_column(String(36), default="")
    from_village: Mapped[str] = mapped_column(String(12), default="")
    to_village: Mapped[str] = mapped_column(String(12), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DuplicateError(TonghuError):
    code = "duplicate"


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
        names = _place_names(s, {by_id[i].village_code for ids in groups.values() for i in ids})
    return [
        {"id_number": number, "members": [
            {"id": r.id, "name": r.name, "village_code": r.village_code,
             "village_name": names.get(r.village_code, ""), "status": r.status}
            for r in (by_id[i] for i in sorted(ids))]}
        for number, ids in groups.items()
    ]


def _place_names(s, codes) -> dict[str, str]:
    from app.server.roster.places import stored

    names = {c: n for c, n in stored(s).items() if c in codes}
    for code, name in s.execute(select(Place.code, Place.name).where(Place.code.in_(sorted(codes)),
                                                                      Place.deleted.is_(False))):
        names.setdefault(code, name)
    return names


def flag_key(ids) -> str:
    """A group's key: its members' ids (a new file joining the group makes a new flag)."""
    return hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:16]


def county_flags(db: ServerDB, include_resolved: bool = False) -> list[dict[str, Any]]:
    """Cross-village groups of files that look like one child, with the reason and members."""
    with db.sessions() as s:
        rows = s.execute(select(Child.id, Child.name, Child.id_number, Child.birth_date, Child.village_code,
                                Child.status).where(Child.deleted.is_(False))).all()
        by_id = {r.id: r for r in rows}
        groups: dict[frozenset, str] = {}
        for number, ids in rules.group_duplicates((r.id, r.id_number) for r in rows if r.id_number).items():
            if len({by_id[i].village_code for i in ids}) > 1:
                groups[frozenset(ids)] = f"身份证号相同（{number}）"
        guardians: dict[str, set[str]] = {}
        for cid, name in s.execute(select(Guardian.child_id, Guardian.name).where(Guardian.deleted.is_(False),
                                                                                     Guardian.name != "")):
            guardians.setdefault(cid, set()).add(name.strip())
        people: dict[tuple, set[str]] = {}
        for r in rows:
            if r.birth_date is None or not r.name:
                continue
            for guardian in guardians.get(r.id, ()):
                people.setdefault((r.name.strip(), r.birth_date, guardian), set()).add(r.id)
        for (name, birth, guardian), ids in people.items():
            key = frozenset(ids)
            if len(ids) > 1 and len({by_id[i].village_code for i in ids}) > 1 and not any(key <= g for g in groups):
                groups[key] = f"姓名、出生日期、监护人相同（{name}，{birth.isoformat()}，监护人{guardian}）"
        decided = {d.key for d in s.scalars(select(DuplicateDecision).where(DuplicateDecision.decision == DIFFERENT))}
        names = _place_names(s, {by_id[i].village_code for ids in groups for i in ids})
    out = []
    for ids, reason in groups.items():
        key = flag_key(ids)
        if key in decided and not include_resolved:
            continue
        members = [by_id[i] for i in sorted(ids)]
        out.append({"key": key, "reason": reason, "different": key in decided, "members": [
            {"id": m.id, "name": m.name, "id_number": m.id_number, "village_code": m.village_code,
             "village_name": names.get(m.village_code, ""), "status": m.status,
             "birth_date": m.birth_date.isoformat() if m.birth_date else ""} for m in members]})
    return sorted(out, key=lambda f: (f["members"][0]["village_code"], f["members"][0]["name"], f["key"]))


def transfer(db: ServerDB, child_id: str, to_village: str, *, reason: str = "", actor: str = "") -> dict:
    """Move a child's file (with its whole history) to another village, as the county."""
    to_village = (to_village or "").strip()
    if not (to_village.isdigit() and len(to_village) == 12):
        raise DuplicateError("接收村的区划代码应为12位数字")
    with db.sessions() as s:
        child = s.get(Child, child_id)
        if child is None or child.deleted:
            raise DuplicateError(f"找不到儿童档案：{child_id}")
        if child.village_code == to_village:
            raise DuplicateError(f"{child.name} 的档案已在 {to_village}，无需转移")
        if child.village_code[:6] != to_village[:6]:
            raise DuplicateError(f"接收村 {to_village} 不在本县（{child.village_code[:6]}），跨县转移请两县民政局协商办理")
        name, old = child.name, child.village_code
    key = _flag_of(db, child_id)
    with county_changes(db, actor) as w:
        child = w.s.get(Child, child_id)
        w.move_child(child, to_village)
        w.s.add(DuplicateDecision(key=key, decision=TRANSFER, child_id=child_id,
                                  from_village=old, to_village=to_village, reason=reason.strip(),
                                  decided_by=(actor or "")[:64]))
    return {"name": name, "from": old, "to": to_village}


def _flag_of(db: ServerDB, child_id: str) -> str:
    for flag in county_flags(db, include_resolved=True):
        if any(m["id"] == child_id for m in flag["members"]):
            return flag["key"]
    return ""


def mark_different(db: ServerDB, key: str, *, actor: str = "") -> None:
    if not any(f["key"] == key for f in county_flags(db, include_resolved=True)):
        raise DuplicateError(f"没有这组疑似重复：{key}（可能已转移或已处理）")
    with db.sessions() as s, s.begin():
        s.add(DuplicateDecision(key=key, decision=DIFFERENT, decided_by=(actor or "")[:64]))
