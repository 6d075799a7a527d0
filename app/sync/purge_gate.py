"""The work after a sync, in proportion to what changed (issue 17).

A laptop drops the files of children that left its scope (`client.purge_out_of_scope`). That full
check reads every child and every row linked to a child — seconds over a county of 100,000
children — although after most syncs nothing moved. So after a sync:
- the scope changed since the last full check (a new enrolment, or never checked) → the full
  check, once;
- else only the children held outside the scope (found through the index on `village_code`, so
  a laptop where nobody moved reads nothing but an empty index range) and the children the sync
  touched whose own row is missing (rows of a file that arrived after the child left);
- nothing of either → the purge is skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.data.models.child import Child

if TYPE_CHECKING:
    from app.data.store import Store

S_SCOPE = "purge_checked_scope"  # the scope the last full check ran for
CHUNK = 500


def after_sync(store: Store, changed: Iterable[str]) -> int:
    """Purge what a sync left out of scope; returns how many children's files were removed.
    `changed`: the ids of the children whose files the sync touched (`MergeResult.children`)."""
    from app.sync import client

    scope = store.scope
    if store.setting(S_SCOPE) != scope:
        purged = client.purge_out_of_scope(store)
        store.set_setting(S_SCOPE, scope)
        return purged
    with store.read_session() as s:
        candidates = moved_out(s, scope) + without_child(s, changed)
    if not candidates:
        return 0
    return purge_children(store, candidates)


def _after(scope: str) -> str:
    """The smallest code after every code starting with `scope` ("3201" → "3202")."""
    return scope[:-1] + chr(ord(scope[-1]) + 1) if scope else "\U0010ffff"


def moved_out(s: Session, scope: str) -> list[str]:
    """Children held outside `scope`: two ranges of the village_code index, not a scan."""
    return list(s.scalars(select(Child.id).where(
        or_(Child.village_code < scope, Child.village_code >= _after(scope)))))


def without_child(s: Session, changed: Iterable[str]) -> list[str]:
    """Of the `changed` children, those whose child row is not here (only rows of the file are)."""
    ids = sorted(c for c in set(changed) if c)
    missing = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        present = set(s.scalars(select(Child.id).where(Child.id.in_(chunk))))
        missing += [cid for cid in chunk if cid not in present]
    return missing


def purge_children(store: Store, candidates: list[str]) -> int:
    """Forget the files of `candidates` (out of scope, or rows without their child) unless changes
    of theirs still wait to be sent. Returns how many were removed."""
    from app.data.base import child_linked
    from app.sync import changes as outbox
    from app.sync.client import forget_child, remote_session

    purged = 0
    with remote_session(store) as s:
        pending = outbox.pending_rows(s)
        waiting = {r for t, r in pending if t == "child"}
        for cls, child_id in child_linked():
            rows = [r for t, r in pending if t == cls.__tablename__]
            for i in range(0, len(rows), CHUNK):
                waiting.update(s.scalars(select(child_id).where(cls.id.in_(rows[i:i + CHUNK]))))
        for cid in dict.fromkeys(candidates):
            if cid in waiting:
                continue
            forget_child(s, cid)
            purged += 1
    return purged
