"""What runs after remote changes were applied to a store.

`AFTER_APPLY` holds callables `fn(session, result)` (`result` is the `merge.MergeResult`: its
`touched` maps table -> row ids, `children` the child ids whose file changed). They run inside the
same transaction as the merge. The visits feature's derived columns (colour, last visit, next due)
are refreshed here for every child whose child row, assessments or visits changed.
"""

from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)

AFTER_APPLY: list[Callable] = []

SCHEDULE_TABLES = ("child", "assessment", "visit")


def refresh_schedules(session, result) -> None:
    """Recompute the derived visit schedule of each child whose child row, assessment or visit changed."""
    try:
        from app.data.visits import refresh_child_schedule
    except ImportError:
        return

    from app.data.base import synced_tables

    tables = synced_tables()
    child_ids: set[str] = set(result.touched.get("child", ()))
    for table in SCHEDULE_TABLES[1:]:
        ids = result.touched.get(table)
        cls = tables.get(table)
        if not ids or cls is None:
            continue
        for obj in session.identity_map.values():
            if isinstance(obj, cls) and obj.id in ids and getattr(obj, "child_id", None):
                child_ids.add(obj.child_id)
    from app.domain.policy import default_policy

    policy = default_policy()
    session.flush()
    session.expunge_all()  # the merged rows are written; a big identity map slows every ORM call below
    with session.no_autoflush:
        for child_id in sorted(child_ids):
            refresh_child_schedule(session, child_id, policy)


AFTER_APPLY.append(refresh_schedules)


def register(fn: Callable) -> None:
    if fn not in AFTER_APPLY:
        AFTER_APPLY.append(fn)


def run_after_apply(session, result) -> None:
    for fn in list(AFTER_APPLY):
        fn(session, result)
    session.flush()
