"""A laptop enrolled before county recovery existed (its key file says `"recovery": null`) gets it
at its next network sync: it asks the county for the recovery public key (`/api/v1/recovery-key`,
an answer signed by the county like every other) and seals its data key for it
(`app.data.recovery.set_up`). A county server too old to know the route (404) is skipped quietly."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.data import recovery
from app.sync.transport import Http, SyncError

if TYPE_CHECKING:
    from app.data.store import Store

log = logging.getLogger(__name__)
S_COUNTY = "county_public"


def ensure(store: Store, http: Http) -> bool:
    """Set up county recovery if this store has none yet; True when it was set up now."""
    entry = store.keyfile.recovery()
    if entry and entry.get("recovery_public"):
        return False
    try:
        answer = http.post("/api/v1/recovery-key", {})
    except SyncError as exc:
        if exc.code == "not_found":
            log.info("county server has no recovery-key route; recovery waits")
            return False
        raise
    county = store.setting(S_COUNTY)
    if not county:
        return False
    return recovery.set_up(store, answer.get("recovery_public"), county)
