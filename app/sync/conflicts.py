"""Confirming a conflict as one user action: one call, one transaction (`merge.resolve` inside).

The confirmation travels like an edit: an outbox change of table `sync_conflict` (row: the
conflict's key, field `resolution`), so the county and every other replica of the scope mark the
same conflict confirmed (docs/sync-protocol.md §1.2)."""

from __future__ import annotations

import json

from app.core.hlc import ZERO
from app.data.models.local import OutboxChange
from app.sync import merge

__all__ = ["resolve", "CONFLICT_TABLE", "RESOLUTIONS"]

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
