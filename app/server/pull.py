"""Answering a device's pull on the county server (protocol §3 `POST /pull`).

A pull pages, in county-sequence order, through the changes of the device's scope after its
cursor. The cursor names the log entry it stopped at (`anchor`, that entry's change id): if the
county's log no longer holds that entry with that id (the county database was restored from a
backup), the answer says `reset`, and the device re-sends what it holds and pulls from the start.
A device's own changes are left out, unless it presented an old sync state (a restored or copied
store), in which case they come back too, so nothing it once pushed is missing from it. Its own
changes that took a row out of its scope (a transfer, logged under the new village and, second,
the old) always come back: a laptop that let the file go when the county refused a later edit may
hold it again, re-created from an older copy another laptop re-sent, and learns it left again.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from app.data.base import utcnow
from app.server.db import Device, LogEntry, ServerDB
from app.server.push import note_state
from app.server.service import _usable
from app.sync.merge import Change

log = logging.getLogger(__name__)


@dataclass
class PullResult:
    changes: list[tuple[int, Change]]
    cursor: int
    anchor: str
    more: bool
    server_seq: int
    reset: bool = False
    restored: bool = False
    state: str | None = None  # the new sync state, on the last page


def changes_for(db: ServerDB, device_id: str, cursor: int, limit: int = 500, *, anchor: str | None = None,
                state: str | None = None, pushed: tuple[int, str] = (0, "")) -> PullResult:
    """The changes after `cursor` that belong to the device's scope. `pushed` names the last
    change the county logged from the device's pushes: a log that lost it was restored too."""
    with db.sessions() as s, s.begin():
        device = _usable(s.get(Device, device_id))
        note_state(device, state)
        server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
        checks = [(cursor, anchor)] if cursor > 0 and anchor is not None else []
        if pushed[0] > 0 and pushed[1]:
            checks.append(pushed)
        for seq, expected in checks:
            held = s.scalar(select(LogEntry.change_id).where(LogEntry.seq == seq))
            if held != expected:
                log.warning("device %s: log entry %s %r is not in this log (held %r): reset",
                            device_id, seq, expected, held)
                device.last_seen = utcnow()
                device.echo_pending = True  # from the start again: its own changes too
                return PullResult([], 0, "", False, server_seq, reset=True)
        scope = device.scope
        include_own = bool(device.echo_pending)
        where = [LogEntry.seq > cursor, LogEntry.seq <= server_seq,
                 or_(LogEntry.scope_code.startswith(scope), LogEntry.scope_code2.startswith(scope),
                     LogEntry.scope_code.in_(_prefixes(scope)))]
        if not include_own:  # except the notices that a row left its scope: it may hold the row again
            where.append(or_(LogEntry.device_id.is_(None), LogEntry.device_id != device_id,
                             and_(LogEntry.scope_code2.startswith(scope), ~LogEntry.scope_code.startswith(scope))))
        # plain rows of the columns a change needs (no ORM objects: a page may hold 2,000)
        rows = s.execute(select(*_COLUMNS).where(*where).order_by(LogEntry.seq).limit(limit)).all()
        more = len(rows) == limit
        next_cursor = rows[-1].seq if more else max(server_seq, cursor)
        next_anchor = (rows[-1].change_id if more else
                       s.scalar(select(LogEntry.change_id).where(LogEntry.seq == next_cursor))) or ""
        changes = [(seq, Change(table=table, row_id=row_id, field=field, value=value, hlc=hlc, base_hlc=base_hlc,
                                origin=origin, actor=actor or "", id=change_id, versions=_json(versions)))
                   for seq, change_id, table, row_id, field, value, hlc, base_hlc, origin, actor, versions in rows]
        device.last_seen = utcnow()
        new_state = None
        if not more:
            device.last_sync = utcnow()
            device.cursor = next_cursor
            device.echo_pending = False
            device.state = new_state = secrets.token_hex(16)
        return PullResult(changes, next_cursor, next_anchor, more, server_seq, restored=include_own, state=new_state)


_COLUMNS = (LogEntry.seq, LogEntry.change_id, LogEntry.table_name, LogEntry.row_id, LogEntry.field, LogEntry.value,
            LogEntry.hlc, LogEntry.base_hlc, LogEntry.origin, LogEntry.actor, LogEntry.versions)


def _prefixes(scope: str) -> list[str]:
    """County- and township-wide tags that cover a scope (a village sees its township's rows)."""
    return [scope[:n] for n in (6, 9) if n < len(scope)] + [scope]


def _json(text):
    return json.loads(text) if text else None
