"""The store's side of the audit chain: what to send the county, what it holds, checking the chain.

The store's triggers seal every audit entry (migration 0015_audit_chain). Sync sends the entries
the county does not yet hold (`chain_n > audit_sent_n`), oldest first, and records what the county
acknowledged. A restored store starts a new chain id (`new_chain`), so the county tells a restore
from a rewrite. `verify(session)` re-checks the local chain (what the county does on receipt).
"""

from __future__ import annotations

import uuid

from sqlalchemy import String, select, text, type_coerce
from sqlalchemy.orm import Session

from app.core.auditchain import FIELDS, hash_of
from app.data.base import utcnow
from app.data.models import AuditEntry, Setting
from app.data.settings import put_setting

SENT, CHAIN_ID, HEAD_N, HEAD_HASH = "audit_sent_n", "audit_chain_id", "audit_chain_n", "audit_chain_head"


def _setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row and row.value is not None else default


def sent_n(session: Session) -> int:
    return int(_setting(session, SENT, "0") or 0)


def chain_id(session: Session) -> str:
    return _setting(session, CHAIN_ID)


def as_wire(entry: AuditEntry) -> dict:
    """One entry as sent to the county: FIELDS (the time as the store's own text) and its hash."""
    out = {f: getattr(entry, f) for f in FIELDS}
    out["at"] = _stored_time(entry.at)
    out["hash"] = entry.hash
    return out


def as_wire_row(row) -> dict:
    """`as_wire` of a raw `audit_entry` row (a mapping read with SQL: the time is already text)."""
    out = {f: row[f] for f in FIELDS}
    out["hash"] = row["hash"]
    return out


def _stored_time(value) -> str | None:
    # SQLAlchemy's SQLite DateTime stores "YYYY-MM-DD HH:MM:SS.ffffff"; the hash was taken over that text
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def seal(session: Session, entries: list[dict]) -> list[dict]:
    """Chain a batch of new entries (dicts of audit_entry columns, to be inserted next in this
    transaction) as the store's insert trigger chains one: each takes the next number, the hash
    before it and its own hash (over the time as the store will keep it). Inserted sealed, they
    skip the trigger, which costs three statements and a hash call per row: a pull of 10,000
    changes writes 10,000 entries. The chain's head settings move to the last one."""
    if not entries:
        return entries
    n = int(session.scalar(select(Setting.value).where(Setting.key == HEAD_N)) or 0)
    head = session.scalar(select(Setting.value).where(Setting.key == HEAD_HASH)) or ""
    at = utcnow()
    at_text = _stored_time(at)
    for entry in entries:
        n += 1
        entry.update(at=at, chain_n=n, prev_hash=head)
        entry["hash"] = head = hash_of({**entry, "at": at_text})
    for key, value in ((HEAD_N, str(n)), (HEAD_HASH, head)):
        session.execute(text("INSERT INTO setting(key, value) VALUES (:key, :value) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"key": key, "value": value})
        held = session.identity_map.get(session.identity_key(Setting, key))  # written past the ORM
        if held is not None:
            session.expire(held)
    return entries


def unsent(session: Session, limit: int = 500) -> list[dict]:
    """The next entries the county does not hold yet, oldest first: read as plain rows, the time
    as the text the store keeps (what the hash was taken over), no ORM object per entry."""
    columns = [type_coerce(AuditEntry.at, String).label("at") if f == "at" else getattr(AuditEntry, f)
               for f in (*FIELDS, "hash")]
    rows = session.execute(select(*columns).where(AuditEntry.chain_n > sent_n(session))
                           .order_by(AuditEntry.chain_n).limit(limit)).mappings()
    return [as_wire_row(row) for row in rows]


def mark_sent(session: Session, upto: int) -> None:
    if upto > sent_n(session):
        put_setting(session, SENT, str(upto))


def take_county_ack(session: Session, chain: object, upto: object) -> None:
    """A county answer (USB) saying it holds this store's chain up to `upto`."""
    if isinstance(chain, str) and chain == chain_id(session) and isinstance(upto, int) and upto > 0:
        mark_sent(session, upto)


def new_chain(session: Session) -> str:
    """Start a new chain id (a restored store): the next entries continue the chain's numbers and
    hashes, and the county files them under the new id instead of calling them a rewrite."""
    value = uuid.uuid4().hex
    put_setting(session, CHAIN_ID, value)
    return value


def purgeable():
    """The condition for audit entries that may be deleted (the county holds them)."""
    sent = select(Setting.value).where(Setting.key == SENT).scalar_subquery()
    from sqlalchemy import Integer, cast, func

    return AuditEntry.chain_n <= func.coalesce(cast(sent, Integer), 0)


def verify(session: Session) -> list[int]:
    """Chain numbers where the local chain breaks (a missing number, a wrong link or hash)."""
    broken, prev_n, prev_hash = [], None, None
    for e in session.scalars(select(AuditEntry).where(AuditEntry.chain_n.is_not(None)).order_by(AuditEntry.chain_n)):
        wire = as_wire(e)
        if hash_of(wire) != e.hash or (prev_n is not None and (e.chain_n != prev_n + 1 or e.prev_hash != prev_hash)):
            broken.append(e.chain_n or 0)  # never None here: the query keeps chained entries only
        prev_n, prev_hash = e.chain_n, e.hash
    return broken
