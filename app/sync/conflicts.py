"""Confirming a conflict as one user action: one call, one transaction (`merge.resolve` inside).

The confirmation travels like an edit: an outbox change of table `sync_conflict` (row: the
conflict's key, field `resolution`), so the county and every other replica of the scope mark the
same conflict confirmed (docs/sync-protocol.md §1.2)."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core.hlc import ZERO
from app.data.models.child import Child
from app.data.models.local import OutboxChange
from app.data.models.sync import Conflict
from app.sync import merge

__all__ = ["resolve", "resolution_of", "children_of", "CONFLICT_TABLE", "RESOLUTIONS"]

CONFLICT_TABLE = "sync_conflict"
RESOLUTIONS = ("kept", "swapped", "superseded")


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
