"""Sending the store's audit entries to the county during sync (after the outbox push).

Entries go oldest first in batches; the county answers with the highest chain number it now holds
and the store records it (`audit_sent_n`), so only then may a purge delete them locally. A county
server too old to know `/api/v1/audit` (404) is skipped quietly: the entries wait for the next sync.
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


def send(store: Store, http: Http) -> int:
    """Send every entry the county does not hold yet; how many were sent."""
    sent = 0
    while True:
        with store.read_session() as s:
            batch = audit_chain.unsent(s, BATCH)
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
