"""Which child ids make up one file after 疑似重复档案 were merged (`app/data/duplicates.py`).

A merged-away child is tombstoned with `merged_into` = the survivor. Its append-only rows (visits,
assessments, reports, payments) are never edited, so they keep its id: the survivor's lists read
the rows of every id `file_ids` returns. `survivor` follows `merged_into` the other way.

Most stores never merge: one indexed look-up says so (cached in `session.info` until the next
flush, transaction end or statement that may write `merged_into`), and then both cost nothing.
"""

from __future__ import annotations

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.data.models.child import Child

_ANY = "merged_children_any"
_MAX_DEPTH = 50  # a chain of merges deeper than this is not real (and a cycle must not loop)


def any_merged(session: Session) -> bool:
    found = session.info.get(_ANY)
    if found is None:
        found = session.info[_ANY] = session.scalar(
            select(Child.id).where(Child.merged_into.is_not(None)).limit(1)) is not None
    return found


def _forget(session, *_args) -> None:
    session.info.pop(_ANY, None)


for _name in ("after_flush", "after_commit", "after_rollback", "after_soft_rollback"):
    event.listen(Session, _name, _forget)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state) -> None:
    """A statement that may write `child.merged_into` (a Core-level apply) drops the cache too; the
    schedule's own UPDATE of derived columns does not."""
    if _ANY not in state.session.info or not (state.is_insert or state.is_update):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", "") != "child":
        return
    keys = {getattr(k, "key", k) for k in (getattr(state.statement, "_values", None) or {})}
    params = state.parameters
    for p in (params if isinstance(params, list) else [params or {}]):
        keys.update(p)
    if state.is_insert or "merged_into" in keys or not keys:
        _forget(state.session)


def file_ids(session: Session, child_id: str) -> list[str]:
    """`child_id` and every child merged into it (directly or through earlier merges)."""
    ids = [child_id]
    if not child_id or not any_merged(session):
        return ids
    frontier = [child_id]
    for _ in range(_MAX_DEPTH):
        found = [c for c in session.scalars(select(Child.id).where(Child.merged_into.in_(frontier)))
                 if c not in ids]
        if not found:
            break
        ids.extend(found)
        frontier = found
    return ids


def survivor(session: Session, child_id: str) -> str:
    """The child whose file now holds `child_id`'s rows (`child_id` itself unless it was merged)."""
    if not child_id or not any_merged(session):
        return child_id
    seen = [child_id]
    current = child_id
    for _ in range(_MAX_DEPTH):
        target = session.scalar(select(Child.merged_into).where(Child.id == current))
        if not target or target in seen:
            break
        seen.append(target)
        current = target
    return current
