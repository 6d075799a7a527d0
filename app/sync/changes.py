"""The local outbox as the sync client sees it: bounded batches, priority first, acknowledgement,
refusals.

Capture (`app/data/capture.py`) writes one `OutboxChange` per field change in the same
transaction as the edit, each with its own change id. Nothing leaves the outbox until the county
acknowledged it (accepted, or already held). A change the county refused stays, with the reason,
visible to the user and out of the queue, so it never blocks the changes behind it. Rows of models
with `__sync_priority__ > 0` (mandatory reports) are read before everything else.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.core import wire
from app.core.hlc import HybridClock, decode, too_far_ahead
from app.data.base import SyncMixin, synced_tables, utcnow
from app.data.capture import ROW_FIELD, field_version
from app.data.models.local import OutboxChange
from app.data.rows import rowcount
from app.sync.merge import Change, synced_fields

BATCH = 500
_QUEUED = (OutboxChange.acked.is_(False), OutboxChange.refused_code.is_(None))


def pending_count(session: Session) -> int:
    """Changes waiting to be sent (refused ones not counted)."""
    return session.scalar(select(func.count()).select_from(OutboxChange).where(*_QUEUED)) or 0


def read_batch(session: Session, limit: int = BATCH) -> list[Change]:
    """The next `limit` queued changes: priority first, then in the order they were made."""
    o = OutboxChange
    rows = session.execute(  # plain rows, not ORM objects: a push reads thousands
        select(o.table_name, o.row_id, o.field, o.value, o.hlc, o.base_hlc, o.origin, o.actor, o.change_id)
        .where(*_QUEUED).order_by(o.priority.desc(), o.seq).limit(limit))
    return [Change(table=t, row_id=r, field=f, value=v, hlc=h, base_hlc=b, origin=og, actor=a or "", id=i)
            for t, r, f, v, h, b, og, a, i in rows]


def to_change(row: OutboxChange) -> Change:
    return Change(table=row.table_name, row_id=row.row_id, field=row.field, value=row.value, hlc=row.hlc,
                  base_hlc=row.base_hlc, origin=row.origin, actor=row.actor or "", id=row.change_id)


def acknowledge(session: Session, change_ids: list[str]) -> int:
    """Forget changes the county holds now (accepted, or already held from an earlier push)."""
    done = 0
    for i in range(0, len(change_ids), 500):
        done += rowcount(session.execute(delete(OutboxChange).where(OutboxChange.change_id.in_(change_ids[i:i + 500]))))
    return done


def refuse(session: Session, refusals: list[tuple[str, str, str]]) -> int:
    """Keep refused changes (change id, code, message) out of the queue, with the reason."""
    now = utcnow()
    done = 0
    for change_id, code, message in refusals:
        done += rowcount(session.execute(update(OutboxChange).where(OutboxChange.change_id == change_id).values(
            refused_code=code[:32], refused_message=message, refused_at=now)))
    return done


def take_county_values(session: Session, answers: list[tuple[str, str, dict]]) -> None:
    """After refusals, hold what the county holds: its value and version of each refused field
    (table, row id, {"field", "value", "version"}), or drop a row that is no longer this
    device's (`gone`); the refused change itself stays listed with its value."""
    tables = synced_tables()
    for table, row_id, current in answers:
        cls = tables.get(table)
        obj = session.get(cls, row_id) if cls is not None else None
        if cls is None or obj is None:
            continue
        if current.get("gone"):
            forget_row(session, obj)
            continue
        name, version = current.get("field"), current.get("version")
        fields = synced_fields(cls)
        if name not in fields or not isinstance(version, list):
            continue
        setattr(obj, name, wire.from_wire(fields[name], wire.loads(current.get("value"))))
        versions = json.loads(obj.versions or "{}")
        versions[name] = version
        obj.versions = json.dumps(versions, separators=(",", ":"))


def forget_row(session: Session, obj: SyncMixin) -> None:
    """Remove a row (a child: its whole file) that belongs to another scope now."""
    from app.sync.client import forget_child

    if obj.__tablename__ == "child":
        forget_child(session, obj.id)
    else:
        session.delete(obj)


def refused(session: Session) -> list[dict]:
    """Every refused change, newest first, as the user sees it."""
    rows = session.scalars(select(OutboxChange).where(OutboxChange.refused_code.is_not(None))
                           .order_by(OutboxChange.seq.desc())).all()
    return [{"change_id": r.change_id, "table": r.table_name, "row_id": r.row_id, "field": r.field,
             "value": r.value, "hlc": r.hlc, "actor": r.actor, "code": r.refused_code,
             "message": r.refused_message, "refused_at": r.refused_at} for r in rows]


def requeue(session: Session, change_ids: list[str] | None = None) -> int:
    """Put refused changes back in the queue (all, or the given ones), e.g. after the county
    changed what made it refuse them."""
    q = update(OutboxChange).where(OutboxChange.refused_code.is_not(None))
    if change_ids is not None:
        q = q.where(OutboxChange.change_id.in_(change_ids))
    return rowcount(session.execute(q.values(refused_code=None, refused_message=None, refused_at=None)))


def discard(session: Session, change_ids: list[str]) -> int:
    """Drop refused changes the user gave up on, and take each back here: a field still holding
    the given-up edit returns to the value it replaced, under that value's stamp with no origin
    (below the version the county holds, so the county's value wins wherever they differ). Kept
    otherwise, the edit would stay on this laptop only, and one stamped by a clock a year fast
    would hide every later change of the field for that year. The creation of a row refused for
    a reason it is sent again for (`RETRIED`) is not given up: the row would stay here only.
    Returns how many were dropped. `session`: capture off (`client.remote_session`)."""
    rows = session.scalars(select(OutboxChange).where(
        OutboxChange.change_id.in_(change_ids), OutboxChange.refused_code.is_not(None))).all()
    tables = synced_tables()
    done = 0
    for r in rows:
        if r.field == ROW_FIELD and r.refused_code in RETRIED:
            continue
        cls = tables.get(r.table_name)
        obj = session.get(cls, r.row_id) if cls is not None else None
        if obj is not None and r.field != ROW_FIELD:
            _take_back(obj, r)
        session.delete(r)
        done += 1
    return done


def _take_back(obj: SyncMixin, change: OutboxChange) -> None:
    """Put back the value `change` replaced, if it is still the field's latest edit and its value
    is known (not for a photo, nor an edit made before migration 0024 kept it)."""
    versions = json.loads(obj.versions or "{}")
    if field_version(versions, change.field)[0] != change.hlc:
        return  # edited again since: the later edit stands
    column = synced_fields(type(obj)).get(change.field)
    if column is None or change.base_value is None:
        return
    setattr(obj, change.field, wire.from_wire(column, json.loads(change.base_value)))
    versions[change.field] = [change.base_hlc, ""]
    obj.versions = json.dumps(versions, separators=(",", ":"))
    if obj.hlc == change.hlc:  # the row's newest stamp (a re-sent row travels under it) goes back too
        obj.hlc = max(v[0] for v in versions.values() if v)


def restamp(session: Session, clock: HybridClock, code: str) -> int:
    """Give changes refused with `code` (a clock far ahead) new stamps from a corrected clock and
    put them back in the queue; the local rows' field versions follow, so this replica and the
    county end up holding the same version.

    A new stamp still comes after the version the edit replaced (its base), as capture made it: a
    corrected clock may be behind a value another laptop stamped hours ahead, and an edit stamped
    before what it replaced would lose to it. A base that was itself one of these refused stamps
    (a child created and then edited while the clock was fast) takes that change's new stamp; a
    base still far ahead of the corrected clock was never accepted anywhere and does not count."""
    rows = session.scalars(select(OutboxChange).where(OutboxChange.refused_code == code)
                           .order_by(OutboxChange.seq)).all()
    tables = synced_tables()
    renamed: dict[tuple[str, str, str, str], str] = {}  # (table, row, field, old stamp) -> new stamp
    for r in rows:
        old = r.hlc
        r.base_hlc = (renamed.get((r.table_name, r.row_id, r.field, r.base_hlc))
                      or renamed.get((r.table_name, r.row_id, ROW_FIELD, r.base_hlc)) or r.base_hlc)
        r.hlc = clock.now()
        if r.hlc <= r.base_hlc and not too_far_ahead(r.base_hlc, decode(r.hlc)[0]):
            r.hlc = clock.after(r.base_hlc)
        renamed[(r.table_name, r.row_id, r.field, old)] = r.hlc
        r.refused_code = r.refused_message = None
        r.refused_at = None
        cls = tables.get(r.table_name)
        obj = session.get(cls, r.row_id) if cls is not None else None
        if obj is None:
            continue
        versions = json.loads(obj.versions or "{}")
        for name, version in list(versions.items()):
            if version and version[0] == old and (name == r.field or r.field == ROW_FIELD):
                versions[name] = [r.hlc, *version[1:]]
        obj.versions = json.dumps(versions, separators=(",", ":"))
        if obj.hlc == old:
            obj.hlc = r.hlc
    return len(rows)


# Refusals the laptop sends again by itself: a clock far ahead (once corrected), a row the county
# lacked (after its restore, until the row is back).
CLOCK_AHEAD, ROW_MISSING = "clock_ahead", "row_missing"
# a stamp this device already gave another edit of the field (a store restored from a backup
# restarts its clock behind stamps it had used): stamped again after the pull, like CLOCK_AHEAD
STAMP_REUSED = "stamp_reused"
RETRIED = (CLOCK_AHEAD, ROW_MISSING, STAMP_REUSED)
RESTAMPED = (CLOCK_AHEAD, STAMP_REUSED)


def refused_ids(session: Session, code: str) -> list[str]:
    """Ids of the changes refused with `code`, in the order they were made."""
    return list(session.scalars(select(OutboxChange.change_id).where(OutboxChange.refused_code == code)
                                .order_by(OutboxChange.seq)))


def pending_rows(session: Session) -> set[tuple[str, str]]:
    """(table, row id) of every row with a change still waiting to be sent, or refused for a reason
    it will be sent again for (`RETRIED`). Other refused changes do not count: the county will not
    take them, and they stay listed (with their values) anyway."""
    waiting = or_(OutboxChange.refused_code.is_(None), OutboxChange.refused_code.in_(RETRIED))
    return {(t, r) for t, r in session.execute(
        select(OutboxChange.table_name, OutboxChange.row_id).where(OutboxChange.acked.is_(False), waiting).distinct())}

