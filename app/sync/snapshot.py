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
from app.data.models.sync import Conflict
from app.sync import merge
from app.sync.merge import Change


def snapshot_of(row, *, origin: str | None = None, change_id: str = "") -> Change:
    fields = merge.synced_fields(type(row))
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
    those it recorded since its copy, and every replica must list the same conflicts)."""
    from app.sync.conflicts import record_change

    snaps = [snapshot_of(row, origin=device_id, change_id=new_id())
             for cls in synced_tables().values() for row in session.scalars(select(cls))]
    records = [record_change(c, origin=device_id)
               for c in session.scalars(select(Conflict).where(Conflict.key.is_not(None)).order_by(Conflict.seq))]
    return snaps + records
