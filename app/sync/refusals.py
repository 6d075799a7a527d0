"""The 未被接受的修改 page's reading and actions: changes the county refused, with the reason, the
child they concern, and what the user can do (send again, or give up sending)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.data.base import mapped, synced_tables
from app.data.models.child import Child
from app.sync import changes

__all__ = ["RefusedRow", "list_refused", "send_again", "give_up"]


@dataclass(frozen=True)
class RefusedRow:
    change_id: str
    table: str
    row_id: str
    field: str
    value: str | None  # JSON
    child_name: str
    code: str
    message: str
    refused_at: str


def list_refused(store) -> list[RefusedRow]:
    with store.read_session() as s:
        rows = changes.refused(s)
        names = _child_names(s, rows)
    return [RefusedRow(change_id=r["change_id"], table=r["table"], row_id=r["row_id"], field=r["field"],
                       value=r["value"], child_name=names.get((r["table"], r["row_id"]), ""), code=r["code"] or "",
                       message=r["message"] or "",
                       refused_at=_local(r["refused_at"]))
            for r in rows]


def _child_names(s, rows: list[dict]) -> dict[tuple[str, str], str]:
    """(table, row id) -> the name of the child the refused change concerns (the child itself, or
    the child whose file holds the row), if this laptop still holds the child."""
    tables = synced_tables()
    child_of: dict[tuple[str, str], str] = {}
    for r in rows:
        cls = tables.get(r["table"])
        if r["table"] == "child":
            child_of[(r["table"], r["row_id"])] = r["row_id"]
        elif cls is not None and "child_id" in cls.__table__.columns:
            cid = s.scalar(select(mapped(cls, "child_id")).where(mapped(cls, "id") == r["row_id"]))
            if cid:
                child_of[(r["table"], r["row_id"])] = cid
    ids = list(set(child_of.values()))
    held = {cid: name for cid, name in s.execute(select(Child.id, Child.name).where(Child.id.in_(ids)))}
    return {key: held[cid] for key, cid in child_of.items() if cid in held}


def _local(at: dt.datetime | None) -> str:
    """A stored (naive UTC) time as the laptop's clock shows it."""
    if at is None:
        return ""
    return at.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def send_again(store, change_ids: list[str]) -> int:
    """Queue refused changes for the next sync (after the county changed what made it refuse)."""
    with store.read_session() as s, s.begin():
        return changes.requeue(s, change_ids)


def give_up(store, change_ids: list[str]) -> int:
    """Stop sending refused changes and take them back on this laptop (`changes.discard`); how
    many were given up (a new record waiting for a corrected clock, or for the county, is kept)."""
    from app.sync.client import remote_session

    with remote_session(store) as s:
        return changes.discard(s, change_ids)
