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

from sqlalchemy import select, update

from app.data.models.local import OutboxChange, Setting
from app.sync import bundle as B
from app.sync.identity import Identity, PublicIdentity

# Store settings written at enrolment (shared with the network client).
IDENTITY_SETTING = "sync_identity"          # this device's private keys (JSON)
COUNTY_SETTING = "sync_county_identity"     # the county's public keys (JSON)
CURSOR_SETTING = "sync_cursor"              # last county sequence number received
IMPORTED_PREFIX = "bundle_imported:"        # + bundle id -> when it was imported

MSG_NOT_ENROLLED = "本机尚未登记到县服务器，不能使用同步文件。请先用登记码或县里发的登记文件登记本机。"
MSG_NOT_FOR_DEVICE = "此同步回执是发给另一台设备的，不能导入。"


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


@dataclass
class EnrolResult:
    device_id: str
    scope: str


# -- keys and settings ------------------------------------------------------------------------
def _setting(session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def _put(session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def keys_of(session) -> tuple[Identity, PublicIdentity]:
    """This device's identity and the county's public identity, or a clear refusal."""
    mine, county = _setting(session, IDENTITY_SETTING), _setting(session, COUNTY_SETTING)
    if not mine or not county:
        raise B.BundleError(MSG_NOT_ENROLLED)
    return Identity.from_json(mine), PublicIdentity.from_dict(json.loads(county))


def _schema() -> str:
    from app.data import migrate

    return ",".join(sorted(migrate.script_heads()))


def _label(store) -> str:
    return store.place_name(store.village_code) or store.village_code


# -- the change encoding (shared with the network protocol) -----------------------------------
def change_to_wire(row: OutboxChange) -> dict:
    return {
        "seq": row.seq, "table": row.table_name, "row_id": row.row_id, "field": row.field,
        "value": row.value, "hlc": row.hlc, "base_hlc": row.base_hlc, "origin": row.origin,
        "actor": row.actor, "priority": row.priority,
    }


def apply_changes(session, items: list[dict]) -> tuple[int, int]:
    """Merge the county's changes; returns (applied, conflicts)."""
    if not items:
        return 0, 0
    from app.sync import merge

    result = merge.apply_changes(session, items)
    return result.applied, result.conflicts


def apply_acks(session, acks) -> int:
    """Mark the outbox changes the county acknowledged; `acks` is a list of [first, last] seq ranges."""
    count = 0
    for first, last in acks or []:
        count += session.execute(
            update(OutboxChange).where(OutboxChange.seq >= int(first), OutboxChange.seq <= int(last),
                                       OutboxChange.acked.is_(False)).values(acked=True)
        ).rowcount or 0
    return count


# -- export -----------------------------------------------------------------------------------
def build_payload(session, device_id: str) -> dict:
    rows = session.scalars(select(OutboxChange).where(OutboxChange.acked.is_(False)).order_by(OutboxChange.seq))
    return {
        "device": device_id,
        "cursor": int(_setting(session, CURSOR_SETTING) or 0),
        "changes": [change_to_wire(row) for row in rows],
    }


def export_bundle(store, out_dir, *, now: dt.datetime | None = None) -> ExportResult:
    """Write every change the county has not acknowledged to `out_dir/村名-YYYYMMDD-HHMM.tonghu`.

    Nothing leaves the outbox: only the county's answer acknowledges changes.
    """
    with store.read_session() as s:
        me, county = keys_of(s)
        payload = build_payload(s, store.device_id)
    bundle_id = _new_id()
    data = B.seal(payload, sender=me, recipient=county, kind=B.KIND_DEVICE, schema=_schema(), bundle_id=bundle_id)
    path = B.write_file(out_dir, B.file_name(_label(store), now), data)
    store.log("export", table_name="outbox", note=f"同步文件 {path.name}，{len(payload['changes'])} 条修改")
    return ExportResult(path=path, count=len(payload["changes"]), bundle_id=bundle_id)


def _new_id() -> str:
    from app.data.ids import new_id

    return new_id()


# -- import -----------------------------------------------------------------------------------
def import_bundle(store, path) -> ImportResult:
    """Apply the county's answer in one transaction; any refusal changes nothing."""
    data = B.read_file(path)
    return import_bytes(store, data)


def import_bytes(store, data: bytes) -> ImportResult:
    with store.session() as s:
        me, county = keys_of(s)
        known = {county.fingerprint(): county}

        def seen(bundle_id: str) -> str | None:
            return _setting(s, IMPORTED_PREFIX + bundle_id)

        bundle = B.open_bundle(data, me=me, senders=known.get, expect_kind=B.KIND_COUNTY, seen=seen)
        payload = bundle.payload
        if payload.get("device") != store.device_id:
            raise B.WrongRecipientError(MSG_NOT_FOR_DEVICE)
        try:
            acked = apply_acks(s, payload.get("acks"))
            items = payload.get("changes") or []
            _, conflicts = apply_changes(s, items)
            cursor = max(int(_setting(s, CURSOR_SETTING) or 0), int(payload.get("cursor") or 0))
        except (TypeError, ValueError, KeyError) as exc:
            raise B.TamperedError(B.MSG_TAMPERED) from exc
        _put(s, CURSOR_SETTING, str(cursor))
        _put(s, IMPORTED_PREFIX + bundle.header.bundle_id,
             dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    store.log("sync", table_name="outbox", note=f"导入同步文件：确认 {acked} 条，收到 {len(items)} 条")
    return ImportResult(acked=acked, received=len(items), conflicts=conflicts, cursor=cursor,
                        bundle_id=bundle.header.bundle_id)


# -- offline enrolment ------------------------------------------------------------------------
def enrol_from_file(store, path) -> EnrolResult:
    """Enrol this laptop from the county's offline enrolment file (see app/server/bundles.py)."""
    from app.sync import enrolment

    return enrolment.enrol_from_file(store, B.read_file(path))
