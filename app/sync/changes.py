"""The local outbox as the sync client sees it: bounded batches, priority first, acknowledgement.

Capture (`app/data/capture.py`) writes one `OutboxChange` per field change in the same
transaction as the edit. Nothing leaves the outbox until the county acknowledged it. Rows of
models with `__sync_priority__ > 0` (mandatory reports) are read before everything else.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.data.models.local import OutboxChange
from app.sync.merge import Change

BATCH = 500


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxChange).where(OutboxChange.acked.is_(False))) or 0


def read_batch(session: Session, limit: int = BATCH) -> list[tuple[int, Change]]:
    """The next `limit` unacknowledged changes as (device sequence, change): priority first."""
    rows = session.scalars(
        select(OutboxChange).where(OutboxChange.acked.is_(False))
        .order_by(OutboxChange.priority.desc(), OutboxChange.seq).limit(limit)
    ).all()
    return [(r.seq, to_change(r)) for r in rows]


def to_change(row: OutboxChange) -> Change:
    return Change(table=row.table_name, row_id=row.row_id, field=row.field, value=row.value, hlc=row.hlc,
                  base_hlc=row.base_hlc, origin=row.origin, actor=row.actor or "")


def acknowledge(session: Session, seqs: list[int]) -> int:
    """Mark changes the county has acknowledged (they are in the county's log now) and prune old
    acknowledged rows. The newest row always stays, so SQLite never reuses a device sequence number
    (the server deduplicates pushes by it)."""
    done = 0
    for i in range(0, len(seqs), 500):
        done += session.execute(update(OutboxChange).where(OutboxChange.seq.in_(seqs[i:i + 500]))
                                .values(acked=True)).rowcount or 0
    top = session.scalar(select(func.max(OutboxChange.seq)))
    if top is not None:
        session.execute(delete(OutboxChange).where(OutboxChange.acked.is_(True), OutboxChange.seq < top))
    return done


def pending_rows(session: Session) -> set[tuple[str, str]]:
    """(table, row id) of every row with a change still waiting to be sent."""
    return {(t, r) for t, r in session.execute(
        select(OutboxChange.table_name, OutboxChange.row_id).where(OutboxChange.acked.is_(False)).distinct())}
