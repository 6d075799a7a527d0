"""Sending the store's audit entries to the county during sync (after the outbox push).

Entries go oldest first in batches (up to 1,000, cut to about 6 MiB of values); the county answers
with the highest chain number it now holds and the store records it (`audit_sent_n`), so only then
may a purge delete them locally. A county server too old to know `/api/v1/audit` (404) is skipped
quietly: the entries wait for the next sync.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.data import audit_chain
from app.sync.transport import Http, SyncError

if TYPE_CHECKING:
    from app.data.store import Store

log = logging.getLogger(__name__)
BATCH = 1000  # the most the county takes in one post (app/server/audit.py MAX_ENTRIES)
BATCH_BYTES = 6 * 1024 * 1024  # about; as pushes, well below the county's 16 MiB body limit


def _by_size(batch: list[dict], limit: int | None = None) -> list[dict]:
    """The first entries of `batch` whose values stay under `limit` (at least one): an entry holds
    a field's old and new value, which may be long text."""
    limit = BATCH_BYTES if limit is None else limit
    size = 0
    for i, entry in enumerate(batch):
        size += 300 + len(entry.get("old_value") or "") + len(entry.get("new_value") or "")
        if i and size > limit:
            return batch[:i]
    return batch


def send(store: Store, http: Http) -> int:
    """Send every entry the county does not hold yet; how many were sent."""
    sent = 0
    while True:
        with store.read_session() as s:
            batch = _by_size(audit_chain.unsent(s, BATCH))
            chain = audit_chain.chain_id(s)
        if not batch or not chain:
            return sent
        try:
            answer = http.post("/api/v1/audit", {"chain_id": chain, "entries": batch})
        except SyncError as exc:
            if exc.code == "not_found":
                log.info("county server has no audit endpoint; audit entries wait")
                return sent
            raise
        upto = int(answer.get("acked_n") or 0)
        if upto < batch[-1]["chain_n"]:
            raise SyncError("县级服务器没有确认收到操作记录，请稍后再试。", "no_ack", retryable=True)
        with store.session() as s:
            audit_chain.mark_sent(s, upto)
        sent += len(batch)
