"""What runs after remote changes were applied to a store.

`AFTER_APPLY` holds callables `fn(session, result)` (`result` is the `merge.MergeResult`: its
`touched` maps table -> row ids, `children` the child ids whose file changed). They run inside the
same transaction as the merge. The visits feature's derived columns (colour, last visit, next due)
are refreshed here for every child whose child row, assessments or visits changed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.sync.merge import MergeResult

log = logging.getLogger(__name__)

AfterApply = Callable[["Session", "MergeResult"], None]
AFTER_APPLY: list[AfterApply] = []

SCHEDULE_TABLES = ("child", "assessment", "visit")


def refresh_schedules(session: Session, result: MergeResult) -> None:
    """Recompute the derived visit schedule of every child whose child row, assessment or visit
    changed: once per applied batch, a few queries for all of them (`visits.refresh_schedules`)."""
    try:
        from app.data.visits import refresh_schedules as refresh
    except ImportError:
        return

    child_ids: set[str] = set(result.touched.get("child", ()))
    for table in SCHEDULE_TABLES[1:]:
        for row_id in result.touched.get(table, ()):
            row = result.rows.get((table, row_id))
            child_id = getattr(row, "child_id", None) if row is not None else None
            if child_id:
                child_ids.add(child_id)
    if not child_ids:
        return
    from app.data.county_policy import effective_policy

    session.flush()
    with session.no_autoflush:
        refresh(session, child_ids, effective_policy(session))


def apply_county_policy(session: Session, result: MergeResult) -> None:
    """A county policy version arrived: apply it if it is valid and newer (issue 16)."""
    if "county_policy" in result.touched:
        from app.data.county_policy import apply_newest

        apply_newest(session)


AFTER_APPLY.append(refresh_schedules)
AFTER_APPLY.append(apply_county_policy)


def register(fn: AfterApply) -> None:
    if fn not in AFTER_APPLY:
        AFTER_APPLY.append(fn)


def run_after_apply(session: Session, result: MergeResult) -> None:
    for fn in list(AFTER_APPLY):
        fn(session, result)
    session.flush()
