"""USB sync on the village laptop: export the device's file, import the county's answer, and enrol
from an offline enrolment file. Each import is one transaction: refused files change nothing.

The device's keys, the county's public keys, the pull cursor and the change encoding are the
network sync's (`app/sync/client.py`, `app/sync/changes.py`); the merge is `app/sync/merge.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.core import clock
from app.data.base import utcnow
from app.data import audit_chain
from app.sync import bundle as B
from app.sync.identity import Identity, PublicIdentity
from app.data.settings import get_setting
from app.sync.client import position
from app.sync.inbound import put_setting

IMPORTED_PREFIX = "bundle_imported:"        # + bundle id -> when it was imported

MSG_NOT_ENROLLED = "本机尚未登记到县服务器，不能使用同步文件。请先用登记码或县里发的登记文件登记本机。"
MSG_NOT_FOR_DEVICE = "此同步回执是发给另一台设备的，不能导入。"
MSG_BAD_CONTENT = "同步文件的内容本机无法识别（{detail}），未导入任何数据。请升级童护，或联系县民政局。"


@dataclass
class ExportResult:
    path: Path
    count: int
    bundle_id: str


@dataclass
class ImportResult:
    acked: int
    received: int
    conflicts: int
    cursor: int
    bundle_id: str
    refused: int = 0
    county_restored: bool = False  # the county's database was restored: the next file re-sends every row


@dataclass
class EnrolResult:
    device_id: str
    scope: str


# -- keys and settings ------------------------------------------------------------------------
_put = put_setting


def keys_of(session) -> tuple[Identity, PublicIdentity]:
    """This device's identity and the county's public identity, or a clear refusal."""
    from app.sync.client import S_COUNTY, S_IDENTITY

    mine, county = get_setting(session, S_IDENTITY), get_setting(session, S_COUNTY)
    if not mine or not county:
        raise B.BundleError(MSG_NOT_ENROLLED)
    return Identity.from_json(mine), PublicIdentity.from_dict(json.loads(county))


def _schema() -> str:
    from app.data import migrate

    return ",".join(sorted(migrate.script_heads()))


def _label(store) -> str:
    return store.place_name(store.village_code) or store.village_code


# -- the change encoding (the network push's) -------------------------------------------------
def build_payload(session, device_id: str) -> dict:
    """Every queued outbox change, as the push message carries them (mandatory reports first), the
    pull position and sync state; after the county's database was restored, also a snapshot of
    every row this laptop holds (so the county regains what it lost)."""
    from app.sync import changes as outbox
    from app.sync.client import S_RESYNC
    from app.sync.snapshot import everything_held

    from app.data.models.local import OutboxChange
    from app.sync.changes import ROW_MISSING

    batch = outbox.read_batch(session, limit=outbox.pending_count(session) or 1)
    batch += [outbox.to_change(r) for r in session.scalars(  # edits of rows the county lacked: again
        select(OutboxChange).where(OutboxChange.refused_code == ROW_MISSING).order_by(OutboxChange.seq))]
    items = [ch.to_dict() for ch in batch]
    resync = bool(get_setting(session, S_RESYNC))
    if resync:  # first, as the network sync sends them before the outbox: the rows exist when edits arrive
        items = [ch.to_dict() for ch in everything_held(session, device_id)] + items
    return {"device": device_id, **position(session), "resync": resync, "changes": items,  # and the audit chain:
            "audit": {"chain_id": audit_chain.chain_id(session), "entries": audit_chain.unsent(session, 1000)}}


# -- export -----------------------------------------------------------------------------------
def export_bundle(store, out_dir, *, now: dt.datetime | None = None) -> ExportResult:
    """Write every change the county has not acknowledged to `out_dir/村名-YYYYMMDD-HHMM.tonghu`.

    Nothing leaves the outbox: only the county's answer acknowledges changes.
    """
    _refuse_demo(store)
    with store.read_session() as s:
        me, county = keys_of(s)
        payload = build_payload(s, store.device_id)
    bundle_id = _new_id()
    data = B.seal(payload, sender=me, recipient=county, kind=B.KIND_DEVICE, schema=_schema(), bundle_id=bundle_id)
    path = B.write_file(out_dir, B.file_name(_label(store), now), data)
    store.log("export", table_name="outbox", note=f"同步文件 {path.name}：{len(payload['changes'])} 条修改")
    return ExportResult(path=path, count=len(payload["changes"]), bundle_id=bundle_id)


def _new_id() -> str:
    from app.data.ids import new_id

    return new_id()


# -- import -----------------------------------------------------------------------------------
def import_bundle(store, path) -> ImportResult:
    """Apply the county's answer in one transaction; any refusal changes nothing."""
    data = B.read_file(path)
    return import_bytes(store, data)


def _refuse_demo(store) -> None:
    from app.data import demo_guard

    if demo_guard.is_demo(store):
        raise B.BundleError(demo_guard.MESSAGE)


def import_bytes(store, data: bytes) -> ImportResult:
    _refuse_demo(store)
    from app.data.models.sync import SyncRun
    from app.sync import changes as outbox
    from app.sync import client, inbound, purge_gate
    from app.sync.merge import Change

    with client.remote_session(store) as s:
        me, county = keys_of(s)
        known = {county.fingerprint(): county}

        def seen(bundle_id: str) -> str | None:
            return get_setting(s, IMPORTED_PREFIX + bundle_id)

        bundle = B.open_bundle(data, me=me, senders=known.get, expect_kind=B.KIND_COUNTY, seen=seen)
        payload = bundle.payload
        if payload.get("device") != store.device_id:
            raise B.WrongRecipientError(MSG_NOT_FOR_DEVICE)
        here = position(s)  # where this laptop stands now (it may have synced since the export)
        current = here["cursor"]
        try:
            results = [r for r in payload.get("results") or [] if isinstance(r, dict)]
            acks = [str(r["id"]) for r in results if r.get("status") in ("ok", "duplicate")]
            refusals = [(str(r["id"]), str(r.get("code") or "refused"), str(r.get("message") or ""))
                        for r in results if r.get("status") == "refused"]
            reset = _reset_of(payload, here)
            # Only what this device has not received yet (county sequence after its cursor): an
            # old answer imported after newer syncs must not bring back data purged since. After a
            # restored county (`reset`) the cursor belongs to the old history: all of it counts.
            after = -1 if reset == "fresh" else current
            items = [] if reset == "stale" else [Change.from_dict(c) for c in payload.get("changes") or []
                                                 if int(c["seq"]) > after]
            answer_cursor = int(payload.get("cursor") or 0)
            answer_anchor = str(payload.get("anchor") or "")
            pushed = (int(payload.get("last_seq") or 0), str(payload.get("last_id") or ""))
            server_ms = int(payload.get("server_ms") or 0) or None
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise B.BundleError(MSG_BAD_CONTENT.format(detail=type(exc).__name__)) from None
        acked = outbox.acknowledge(s, acks) if acks else 0
        audit_chain.take_county_ack(s, payload.get("audit_chain_id"), payload.get("audit_acked_n"))
        outbox.refuse(s, refusals)
        outbox.take_county_values(s, _county_values(s, results))
        got = inbound.apply_from_county(s, store, items, server_ms)
        if reset == "fresh":
            # the county's database was restored: its whole history for this scope is in the answer;
            # the next file sends every row this laptop holds (as the network sync does at once)
            for key, value in ((client.S_CURSOR, str(answer_cursor)), (client.S_ANCHOR, answer_anchor),
                               (client.S_PUSHED, ""), (client.S_RESYNC, "1")):
                _put(s, key, value)
            if payload.get("state"):
                _put(s, client.S_STATE, str(payload["state"]))
            cursor = answer_cursor
        else:
            cursor = max(current, answer_cursor) if reset is None else current
            if reset is None and answer_cursor >= current:
                _put(s, client.S_CURSOR, str(answer_cursor))
                _put(s, client.S_ANCHOR, answer_anchor)
                if payload.get("resync_done"):
                    _put(s, client.S_RESYNC, "")
                if payload.get("state"):
                    _put(s, client.S_STATE, str(payload["state"]))
            if reset is None and pushed[0] > here["pushed_seq"] and pushed[1]:
                _put(s, client.S_PUSHED, f"{pushed[0]} {pushed[1]}")  # as a push answer's last_seq/last_id
        _put(s, IMPORTED_PREFIX + bundle.header.bundle_id, clock.local_now().strftime("%Y-%m-%d %H:%M"))
        s.add(SyncRun(finished_at=utcnow(), via="usb", pushed=acked, pulled=len(items),
                      conflicts=got.conflicts, ok=True, message=f"同步文件 {bundle.header.bundle_id}"))
    purge_gate.after_sync(store, got.result.children)  # in proportion to what changed (issue 17)
    store.set_setting(client.S_LAST, utcnow().isoformat(timespec="seconds"))
    return ImportResult(acked=acked, received=len(items), conflicts=got.conflicts, cursor=cursor, refused=len(refusals),
                        bundle_id=bundle.header.bundle_id, county_restored=reset == "fresh")


def _reset_of(payload: dict, here: dict) -> str | None:
    """None for an ordinary answer. For a `reset` answer (the county's log lost the entry the file
    named: its database was restored), "fresh" when this laptop still stands where the file said
    (it takes the county's new history), "stale" when it synced since (that sync settled it; the
    answer changes nothing). An answer without `from` (an older county) is taken as fresh."""
    if not payload.get("reset"):
        return None
    origin = payload.get("from")
    if not isinstance(origin, dict):
        return "fresh"
    same = int(origin.get("cursor") or 0) == here["cursor"] and str(origin.get("anchor") or "") == here["anchor"]
    return "fresh" if same else "stale"


def _county_values(s, results: list[dict]) -> list[tuple[str, str, dict]]:
    """(table, row id, the county's value) for each refused change the answer says more about."""
    from app.data.models.local import OutboxChange

    wanted = {str(r["id"]): r["current"] for r in results
              if r.get("status") == "refused" and isinstance(r.get("current"), dict)}
    if not wanted:
        return []
    rows = s.scalars(select(OutboxChange).where(OutboxChange.change_id.in_(list(wanted)))).all()
    return [(r.table_name, r.row_id, {**wanted[r.change_id], "field": r.field}) for r in rows]


# -- offline enrolment ------------------------------------------------------------------------
MSG_ALREADY_ENROLLED = "本机已经登记过了，无需再次登记。如需改登记到其他范围，请联系县民政局。"


def enrol_from_file(store, path, code: str) -> EnrolResult:
    """Enrol this laptop from the county's offline enrolment file and its one-time code: keep the
    device's new key pair, the county's public keys and the scope (nothing else changes; the first
    USB bundle tells the county this laptop's device id)."""
    from app.sync import client

    _refuse_demo(store)

    secret = B.open_enrolment(B.read_file(path), code)
    try:
        identity = Identity.from_json(secret["identity"])
        county = PublicIdentity.from_dict(secret["county_public"])
        scope = str(secret["scope"])
    except (KeyError, TypeError, ValueError):
        raise B.TamperedError("登记文件内容不完整，请向县民政局重新索取。") from None
    with store.session() as s:
        if get_setting(s, client.S_IDENTITY) or get_setting(s, client.S_TOKEN):
            raise B.BundleError(MSG_ALREADY_ENROLLED)
        _put(s, client.S_IDENTITY, identity.to_json())
        _put(s, client.S_COUNTY, json.dumps(county.to_dict()))
        _put(s, "scope", scope)
        _put(s, client.S_CURSOR, "0")
        _put(s, "sync_enrolment", str(secret.get("enrolment", "")))
    store.log("enrol", table_name="setting", note=f"离线登记文件，范围 {scope}")
    from app.data import recovery

    recovery.set_up(store, secret.get("recovery_public"), county.to_dict())  # county password recovery
    return EnrolResult(device_id=store.device_id, scope=scope)
