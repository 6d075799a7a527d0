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


def snapshot_of(row, *, origin: str | None = None, change_id: str = "",
                bases: dict[str, tuple[str, str | None]] | None = None) -> Change:
    """`row` as one change, each field with its own version. A field named in `bases` (one with an
    edit still to send: its base stamp and the JSON of the value it replaced, if known) goes in as
    it was before that edit, under the base stamp with no origin: below the version it replaced, so
    the snapshot never overwrites another laptop's edit of it; the edit follows."""
    fields = merge.synced_fields(type(row))
    vers = json.loads(row.versions or "{}")
    data = {name: wire.to_wire(getattr(row, name)) for name in fields}
    versions = {name: list(field_version(vers, name)) for name in fields}
    for name, (base, before) in (bases or {}).items():
        if name in versions:
            versions[name] = [base, ""]
            if before is not None:
                data[name] = json.loads(before)
    return Change(table=row.__tablename__, row_id=row.id, field=ROW_FIELD,
                  value=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                  hlc=row.hlc or clock.ZERO, base_hlc=clock.ZERO, origin=origin or row.origin or "county",
                  versions=versions, id=change_id)


def everything_held(session: Session, device_id: str) -> list[Change]:
    """What a laptop sends a county whose log was restored from a copy (network or USB alike): a
    snapshot of every row it holds, then every conflict record it lists (the county may have lost
    those it recorded since its copy, and every replica must list the same conflicts).

    A field with an edit still in the outbox goes in its row's snapshot as it was before that edit,
    under the edit's base stamp: a snapshot has no base, and with the edit's value and version it
    would overwrite another laptop's edit of the field with no conflict kept (or, for a child moved
    to another village, be a create outside this laptop's scope); the edit itself follows, with
    its base, and the county detects the conflict. A row whose creation is still in the outbox is
    left out whole."""
    from app.sync.conflicts import record_change

    waiting: dict[tuple[str, str], dict[str, tuple[str, str | None]]] = {}
    o = OutboxChange
    for table, row_id, name, base, before in session.execute(
            select(o.table_name, o.row_id, o.field, o.base_hlc, o.base_value)
            .where(o.acked.is_(False)).order_by(o.seq)):
        waiting.setdefault((table, row_id), {}).setdefault(name, (base, before))  # the first waiting edit's
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
