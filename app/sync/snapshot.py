"""A synced row as one change carrying every field with its own version (a snapshot).

The county sends snapshots when a child's file enters a device's scope; a device sends them of
everything it holds when the county's log was restored from a backup and lacks what it had.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import hlc as clock
from app.core import wire
from app.data.base import synced_tables
from app.data.capture import ROW_FIELD, field_version
from app.data.ids import new_id
from app.data.models.local import OutboxChange
from app.data.models.sync import Conflict
from app.sync import merge
from app.sync.merge import Change


def snapshot_of(row, *, origin: str | None = None, change_id: str = "", leave_out: frozenset[str] = frozenset()) -> Change:
    """`row` as one change; fields in `leave_out` are not in it (they travel as edits of their own)."""
    fields = {name: column for name, column in merge.synced_fields(type(row)).items() if name not in leave_out}
    vers = json.loads(row.versions or "{}")
    data = {name: wire.to_wire(getattr(row, name)) for name in fields}
    versions = {name: list(field_version(vers, name)) for name in fields}
    return Change(table=row.__tablename__, row_id=row.id, field=ROW_FIELD,
                  value=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                  hlc=row.hlc or clock.ZERO, base_hlc=clock.ZERO, origin=origin or row.origin or "county",
                  versions=versions, id=change_id)


def everything_held(session: Session, device_id: str) -> list[Change]:
    """What a laptop sends a county whose log was restored from a copy (network or USB alike): a
    snapshot of every row it holds, then every conflict record it lists (the county may have lost
    those it recorded since its copy, and every replica must list the same conflicts).

    A field with an edit still in the outbox is left out of its row's snapshot: the edit follows
    with its base, so the county detects a conflict with another laptop's edit of that field (a
    snapshot has no base and would simply overwrite it). A row whose creation is still in the
    outbox is left out whole."""
    from app.sync.conflicts import record_change

    waiting: dict[tuple[str, str], set[str]] = {}
    for table, row_id, name in session.execute(select(OutboxChange.table_name, OutboxChange.row_id,
                                                      OutboxChange.field).where(OutboxChange.acked.is_(False))):
        waiting.setdefault((table, row_id), set()).add(name)
    snaps = []
    for cls in synced_tables().values():
        for row in session.scalars(select(cls)):
            edited = waiting.get((row.__tablename__, row.id), set())
            if ROW_FIELD in edited:
                continue  # created here and not yet acknowledged: its creation is in the outbox
            snaps.append(snapshot_of(row, origin=device_id, change_id=new_id(), leave_out=frozenset(edited)))
    records = [record_change(c, origin=device_id)
               for c in session.scalars(select(Conflict).where(Conflict.key.is_not(None)).order_by(Conflict.seq))]
    return snaps + records
