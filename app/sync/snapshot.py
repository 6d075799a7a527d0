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


def snapshot_of(row, *, origin: str | None = None, change_id: str = "", bases: dict[str, str] | None = None) -> Change:
    """`row` as one change, each field with its own version. A field named in `bases` (one with an
    edit still to send) carries that edit's base stamp instead, with no origin: below the version
    it replaced, so the snapshot never overwrites another laptop's edit of it; the edit follows."""
    fields = merge.synced_fields(type(row))
    vers = json.loads(row.versions or "{}")
    data = {name: wire.to_wire(getattr(row, name)) for name in fields}
    versions = {name: list(field_version(vers, name)) for name in fields}
    for name, base in (bases or {}).items():
        if name in versions:
            versions[name] = [base, ""]
    return Change(table=row.__tablename__, row_id=row.id, field=ROW_FIELD,
                  value=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                  hlc=row.hlc or clock.ZERO, base_hlc=clock.ZERO, origin=origin or row.origin or "county",
                  versions=versions, id=change_id)


def everything_held(session: Session, device_id: str) -> list[Change]:
    """What a laptop sends a county whose log was restored from a copy (network or USB alike): a
    snapshot of every row it holds, then every conflict record it lists (the county may have lost
    those it recorded since its copy, and every replica must list the same conflicts).

    A field with an edit still in the outbox goes in its row's snapshot under that edit's base
    stamp: a snapshot has no base, and at its own version it would overwrite another laptop's edit
    of the field with no conflict kept; the edit itself follows, with its base, and the county
    detects the conflict. A row whose creation is still in the outbox is left out whole."""
    from app.sync.conflicts import record_change

    waiting: dict[tuple[str, str], dict[str, str]] = {}
    for table, row_id, name, base in session.execute(
            select(OutboxChange.table_name, OutboxChange.row_id, OutboxChange.field, OutboxChange.base_hlc)
            .where(OutboxChange.acked.is_(False)).order_by(OutboxChange.seq)):
        waiting.setdefault((table, row_id), {}).setdefault(name, base)  # the first waiting edit's base
    snaps = []
    for cls in synced_tables().values():
        for row in session.scalars(select(cls)):
            edited = waiting.get((row.__tablename__, row.id), {})
            if ROW_FIELD in edited:
                continue  # created here and not yet acknowledged: its creation is in the outbox
            snaps.append(snapshot_of(row, origin=device_id, change_id=new_id(), bases=edited))
    records = [record_change(c, origin=device_id)
               for c in session.scalars(select(Conflict).where(Conflict.key.is_not(None)).order_by(Conflict.seq))]
    return snaps + records
