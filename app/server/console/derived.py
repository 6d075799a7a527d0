"""Keeps the server's copy of each child's derived schedule columns (`colour`, `last_visit_date`,
`next_visit_due`) current, so the console counts them with indexed SQL as the laptops do.

Pushes merge only synced fields; the derived columns are computed here, lazily, before a console
page reads them: every child the county log touched (child, visit or assessment rows) since the
last catch-up is refreshed with the desktop's own rules (`app.data.visits.refresh_schedules`).
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from app.data.visits import refresh_schedules
from app.server.db import LogEntry, ServerDB, ServerSetting

WATERMARK = "console_schedule_seq"
TABLES = ("child", "visit", "assessment")
_lock = threading.Lock()


def catch_up(db: ServerDB) -> int:
    """Refresh the children changed since the last call; returns how many were looked at."""
    with _lock, db.sessions() as s, s.begin():
        top = s.scalar(select(func.max(LogEntry.seq))) or 0
        mark = s.get(ServerSetting, WATERMARK)
        done = int(mark.value) if mark is not None and mark.value.isdigit() else 0
        if top <= done:
            return 0
        ids = list(s.scalars(select(LogEntry.child_id).where(
            LogEntry.seq > done, LogEntry.seq <= top, LogEntry.table_name.in_(TABLES),
            LogEntry.child_id.is_not(None)).distinct()))
        if ids:
            refresh_schedules(s, ids)
        if mark is None:
            s.add(ServerSetting(key=WATERMARK, value=str(top)))
        else:
            mark.value = str(top)
        return len(ids)
