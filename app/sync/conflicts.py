"""Confirming a conflict as one user action: one call, one transaction (`merge.resolve` inside).

The confirmation travels like an edit: an outbox change of table `sync_conflict` (row: the
conflict's key, field `resolution`), so the county and every other replica of the scope mark the
same conflict confirmed (docs/sync-protocol.md §1.2). A whole conflict record travels the same
way (`record_change`): from the county to every replica, and from a laptop back to a county
restored from a copy that lost it."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core.hlc import ZERO
from app.data.capture import ROW_FIELD
from app.data.ids import new_id
from app.data.models.child import Child
from app.data.models.local import OutboxChange
from app.data.models.sync import Conflict
from app.sync import merge

__all__ = ["resolve", "resolution_of", "children_of", "record_change", "CONFLICT_TABLE", "RECORD_FIELDS",
           "RESOLUTIONS"]

CONFLICT_TABLE = "sync_conflict"
RESOLUTIONS = ("kept", "swapped", "superseded")
# What a conflict record carries between replicas (besides its confirmation state).
RECORD_FIELDS = ("table_name", "row_id", "field", "child_id", "winner_value", "winner_hlc", "winner_origin",
                 "winner_actor", "loser_value", "loser_hlc", "loser_origin", "loser_actor")


def record_change(conflict: Conflict, *, origin: str = "county", change_id: str = "") -> merge.Change:
    """A conflict record as one change (field "*": the record as a JSON object) of table
    `sync_conflict`, row its key, stamped with the later of its two sides."""
    body = {name: getattr(conflict, name) for name in (*RECORD_FIELDS, "resolved", "resolution", "resolved_by")}
    return merge.Change(table=CONFLICT_TABLE, row_id=conflict.key or "", field=ROW_FIELD,
                        value=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                        hlc=max(conflict.winner_hlc, conflict.loser_hlc), base_hlc=ZERO, origin=origin,
                        id=change_id or new_id())


def resolve(store, seq: int, *, swap: bool) -> str | None:
    """Keep the winner (or `swap` to the other value) of conflict `seq`; returns its child's id.

    Raises `merge.MergeError` (Chinese message) when the conflict is gone or was superseded."""
    with store.session() as s:
        conflict = merge.resolve(s, seq, swap=swap, user=store.user)
        if conflict.key:
            s.add(OutboxChange(table_name=CONFLICT_TABLE, row_id=conflict.key, field="resolution",
                               value=json.dumps({"resolution": conflict.resolution}), hlc=store.clock.now(),
                               base_hlc=ZERO, origin=store.device_id, actor=store.user, priority=0))
        return conflict.child_id


def resolution_of(value: str | None) -> str:
    """The resolution (`kept` / `swapped` / `superseded`, or "") a confirmation change carries."""
    try:
        body = json.loads(value) if value else None
    except ValueError:
        return ""
    resolution = body.get("resolution") if isinstance(body, dict) else None
    return resolution if resolution in RESOLUTIONS else ""


def children_of(store, keys: list[str]) -> dict[str, str]:
    """Conflict key -> the name of its child, for confirmations listed outside the conflict page
    (a refused confirmation names the child, not the conflict's key)."""
    if not keys:
        return {}
    with store.read_session() as s:
        rows = s.execute(select(Conflict.key, Child.name).join(Child, Child.id == Conflict.child_id)
                         .where(Conflict.key.in_(list(keys))))
        return {key: name or "" for key, name in rows}
