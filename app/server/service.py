"""The county server's operations as plain functions, shared by the HTTP routes and USB bundles.

- `create_enrol_code(db, scope)` / `enrol(db, ...)`: one-time codes and device enrolment.
- `authenticate(db, token)`: the device behind a bearer token (unknown and revoked refused).
- `apply_push(db, device_id, batch)`: merge a device's changes into the county, log each with a
  county-wide sequence number; idempotent by (device, device sequence); all or nothing.
- `changes_for(db, device_id, cursor, limit)`: the changes since `cursor` in the device's scope.

Refusals raise `ServiceError(status, code, message)` with a Chinese message naming what, why and
what to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass

from sqlalchemy import func, literal, or_, select

from app.data.base import synced_tables, utcnow
from app.data.capture import ROW_FIELD, field_version
from app.data.models.child import Child
from app.server.db import Device, EnrolCode, LogEntry, PriorityAlert, ServerDB, ServerSetting
from app.core import hlc as clock, wire
from app.sync import merge
from app.sync.identity import Identity
from app.sync.merge import Change, MergeError

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_DAYS = 7


class ServiceError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _norm_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def valid_scope(scope: str) -> bool:
    return scope.isdigit() and len(scope) in (6, 9, 12)


def in_scope(code: str | None, scope: str) -> bool:
    return bool(code) and code.startswith(scope)


# -- county identity ---------------------------------------------------------
def county_identity(db: ServerDB) -> Identity:
    with db.lock, db.sessions() as s, s.begin():
        row = s.get(ServerSetting, "county_identity")
        if row is None:
            row = ServerSetting(key="county_identity", value=Identity.generate().to_json())
            s.add(row)
        return Identity.from_json(row.value)


# -- enrolment ---------------------------------------------------------------
def create_enrol_code(db: ServerDB, scope: str, days: int = CODE_DAYS) -> str:
    if not valid_scope(scope):
        raise ServiceError(400, "bad_scope", f"区划代码不正确：{scope}（村/社区12位，乡镇/街道9位）")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    with db.sessions() as s, s.begin():
        s.add(EnrolCode(code_hash=_hash(raw), scope=scope, expires_at=utcnow() + dt.timedelta(days=days)))
    return f"{raw[:5]}-{raw[5:]}"


def enrol(db: ServerDB, *, code: str, device_id: str, name: str, public_keys: dict,
          client_version: str = "", protocol: int = 0) -> dict:
    county = county_identity(db)
    with db.lock, db.sessions() as s, s.begin():
        entry = s.get(EnrolCode, _hash(_norm_code(code)))
        if entry is None:
            raise ServiceError(403, "bad_code", "登记码不正确。请核对后重新输入，或向县民政局索取新的登记码。")
        if entry.used_by:
            raise ServiceError(409, "code_used", "该登记码已被使用过。每个登记码只能用一次，请向县民政局索取新的登记码。")
        if entry.expires_at < utcnow():
            raise ServiceError(410, "code_expired", "登记码已过期，请向县民政局索取新的登记码。")
        device = s.get(Device, device_id)
        if device is not None and not device.revoked:
            raise ServiceError(409, "already_enrolled", "本设备已经登记过了，无需再次登记。")
        token = secrets.token_urlsafe(32)
        if device is None:
            device = Device(id=device_id)
            s.add(device)
        device.name = name
        device.scope = entry.scope
        device.token_hash = _hash(token)
        device.sign_public = public_keys.get("sign", "")
        device.box_public = public_keys.get("box", "")
        device.revoked = False
        device.enrolled_at = utcnow()
        device.client_version = client_version
        device.protocol = protocol
        device.cursor = 0
        entry.used_by = device_id
        entry.used_at = utcnow()
        server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
        return {"device_id": device_id, "token": token, "scope": entry.scope,
                "county_public": county.public().to_dict(), "server_seq": server_seq}


def authenticate(db: ServerDB, token: str | None) -> Device:
    if not token:
        raise ServiceError(401, "unknown_device", "本设备尚未登记到县级服务器，请先用登记码登记。")
    with db.sessions() as s:
        device = s.scalar(select(Device).where(Device.token_hash == _hash(token)))
    return _usable(device)


def _usable(device: Device | None) -> Device:
    if device is None:
        raise ServiceError(401, "unknown_device", "县级服务器不认识本设备（未登记或登记已失效），请向县民政局索取登记码重新登记。")
    if device.revoked:
        raise ServiceError(401, "revoked", "本设备已被县民政局停用，不能再同步。如有疑问请联系县民政局。")
    return device


def get_device(db: ServerDB, device_id: str) -> Device:
    with db.sessions() as s:
        return _usable(s.get(Device, device_id))


def list_devices(db: ServerDB) -> list[dict]:
    with db.sessions() as s:
        devices = s.scalars(select(Device).order_by(Device.enrolled_at)).all()
        return [{"id": d.id, "name": d.name, "scope": d.scope, "revoked": d.revoked,
                 "enrolled_at": d.enrolled_at.isoformat(timespec="seconds") if d.enrolled_at else None,
                 "last_sync": d.last_sync.isoformat(timespec="seconds") if d.last_sync else None,
                 "version": d.client_version, "protocol": d.protocol, "cursor": d.cursor} for d in devices]


def revoke(db: ServerDB, device_id: str) -> None:
    with db.sessions() as s, s.begin():
        device = s.get(Device, device_id)
        if device is None:
            raise ServiceError(404, "not_found", f"没有这个设备：{device_id}")
        device.revoked = True


def list_alerts(db: ServerDB, only_open: bool = True) -> list[dict]:
    with db.sessions() as s:
        q = select(PriorityAlert).order_by(PriorityAlert.id)
        if only_open:
            q = q.where(PriorityAlert.acknowledged.is_(False))
        return [{"id": a.id, "seq": a.seq, "table": a.table_name, "row_id": a.row_id, "child_id": a.child_id,
                 "village": a.scope_code, "device": a.device_id,
                 "received_at": a.received_at.isoformat(timespec="seconds"), "acknowledged": a.acknowledged}
                for a in s.scalars(q)]


def acknowledge_alert(db: ServerDB, alert_id: int) -> None:
    with db.sessions() as s, s.begin():
        alert = s.get(PriorityAlert, alert_id)
        if alert is None:
            raise ServiceError(404, "not_found", f"没有这条提醒：{alert_id}")
        alert.acknowledged = True


# -- push --------------------------------------------------------------------
@dataclass
class PushResult:
    acked: list[int]
    accepted: int
    duplicates: int
    conflicts: int
    server_seq: int


def _child_cols() -> dict[str, type]:
    return {name: cls for name, cls in synced_tables().items() if "child_id" in cls.__table__.columns}


def _data(ch: Change) -> dict:
    if ch.field != ROW_FIELD:
        return {}
    try:
        data = json.loads(ch.value or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def apply_push(db: ServerDB, device_id: str, batch: list[tuple[int, Change]]) -> PushResult:
    """Merge one batch from a device, all or nothing. Repeats of (device, seq) are acknowledged
    again but applied only once."""
    tables = synced_tables()
    linked = _child_cols()
    with db.lock, db.sessions() as s, s.begin():
        db.lock_log(s)
        device = _usable(s.get(Device, device_id))
        seqs = [seq for seq, _ in batch]
        seen: set[int] = set()
        for i in range(0, len(seqs), 500):
            seen.update(s.scalars(select(LogEntry.device_seq).where(
                LogEntry.device_id == device_id, LogEntry.device_seq.in_(seqs[i:i + 500]))))
        fresh: list[tuple[int, Change]] = []
        for seq, ch in batch:
            if seq not in seen:
                seen.add(seq)
                fresh.append((seq, ch))
        changes = [ch for _, ch in fresh]
        try:
            merge.validate(changes)
        except MergeError as exc:
            raise ServiceError(422, exc.code, f"同步数据被拒绝：{exc.message}") from None
        for ch in changes:
            if ch.origin != device_id:
                raise ServiceError(403, "foreign_origin", f"同步数据被拒绝：{ch.table} {ch.row_id} 不是本设备的修改。")
            if ch.versions is not None:
                raise ServiceError(400, "malformed", "同步数据被拒绝：设备不能发送整档快照。")
        batch_villages = {ch.row_id: _data(ch).get("village_code") for ch in changes
                          if ch.table == "child" and ch.field == ROW_FIELD}
        child_ids = {ch.row_id for ch in changes if ch.table == "child"}
        for ch in changes:
            if ch.table in linked:
                cid = _data(ch).get("child_id")
                if cid:
                    child_ids.add(cid)
        before = _villages(s, child_ids)
        _check_scope(s, device, changes, tables, linked, before, batch_villages)

        result = merge.apply(s, changes, audit=False, run_hooks=False, validated=True)
        start = (s.scalar(select(func.max(LogEntry.seq))) or 0) + 1
        after = _villages(s, child_ids | {cid for cid in result.children})
        entries = []
        alerts = []
        seq = start
        for dseq, ch in fresh:
            cls = tables[ch.table]
            row = result.rows.get((ch.table, ch.row_id))
            data = _data(ch)
            scope = scope2 = child_id = None
            if ch.table == "child":
                child_id = ch.row_id
                scope = after.get(ch.row_id) or data.get("village_code")
                if ch.field == "village_code":
                    scope2 = before.get(ch.row_id)
                    if scope2 == scope:
                        scope2 = None
                    incoming = json.loads(ch.value) if ch.value else None
                    if incoming and incoming != scope and incoming != scope2:
                        scope2 = scope2 or incoming
            elif ch.table in linked:
                child_id = (row.child_id if row is not None else None) or data.get("child_id")
                scope = after.get(child_id) if child_id else device.scope
                if child_id and child_id not in after:
                    after[child_id] = _villages(s, {child_id}).get(child_id)
                    scope = after[child_id]
            elif ch.table == "place":
                scope = (row.code if row is not None else None) or data.get("code") or device.scope
            else:
                scope = device.scope
            priority = getattr(cls, "__sync_priority__", 0)
            entries.append(dict(seq=seq, device_id=device_id, device_seq=dseq, table_name=ch.table, row_id=ch.row_id,
                                field=ch.field, value=ch.value, hlc=ch.hlc, base_hlc=ch.base_hlc, origin=ch.origin,
                                actor=ch.actor, versions=None, child_id=child_id, scope_code=scope,
                                scope_code2=scope2, priority=priority, received_at=utcnow()))
            if priority > 0 and ch.field == ROW_FIELD:
                alerts.append(dict(seq=seq, table_name=ch.table, row_id=ch.row_id, child_id=child_id,
                                   scope_code=scope, device_id=device_id, received_at=utcnow(), acknowledged=False))
            seq += 1
        # A child's file that enters a scope (moved village, or rows that arrived before the
        # child itself) is sent again whole, as snapshots, to the devices of its new scope.
        for snap, child_id, scope in _snapshots(s, before, after, linked):
            entries.append(dict(seq=seq, device_id=None, device_seq=None, table_name=snap.table, row_id=snap.row_id,
                                field=ROW_FIELD, value=snap.value, hlc=snap.hlc, base_hlc=snap.base_hlc,
                                origin=snap.origin, actor="", versions=json.dumps(snap.versions, separators=(",", ":")),
                                child_id=child_id, scope_code=scope, scope_code2=None, priority=0, received_at=utcnow()))
            seq += 1
        if entries:
            s.execute(LogEntry.__table__.insert(), entries)
        if alerts:
            s.execute(PriorityAlert.__table__.insert(), alerts)
        dev = s.get(Device, device_id)
        dev.last_seen = utcnow()
        return PushResult(acked=seqs, accepted=len(fresh), duplicates=len(batch) - len(fresh),
                          conflicts=len(result.conflicts), server_seq=seq - 1)


def _villages(s, child_ids) -> dict[str, str]:
    ids = [c for c in child_ids if c]
    found = {}
    for i in range(0, len(ids), 500):
        for cid, village in s.execute(select(Child.id, Child.village_code).where(Child.id.in_(ids[i:i + 500]))):
            found[cid] = village
    return found


def _ever_in_scope(s, child_id: str, scope: str) -> bool:
    """Did this child's file belong to the scope at some time (pending edits of a moved child)?"""
    return bool(s.scalar(select(LogEntry.seq).where(LogEntry.child_id == child_id, or_(
        LogEntry.scope_code.startswith(scope), LogEntry.scope_code2.startswith(scope))).limit(1)))


def _check_scope(s, device: Device, changes, tables, linked, before, batch_villages) -> None:
    scope = device.scope

    def refuse(ch: Change):
        raise ServiceError(403, "out_of_scope",
                           f"同步数据被拒绝：{ch.table} {ch.row_id} 不属于本设备负责的范围（{scope}），本次上传未作任何更改。")

    for ch in changes:
        data = _data(ch)
        if ch.table == "child":
            village = before.get(ch.row_id) or batch_villages.get(ch.row_id)
            if village is not None and not in_scope(village, scope) and not _ever_in_scope(s, ch.row_id, scope):
                refuse(ch)
        elif ch.table in linked:
            cid = data.get("child_id")
            if not cid:
                row = s.get(tables[ch.table], ch.row_id)
                cid = row.child_id if row is not None else None
            village = before.get(cid) or batch_villages.get(cid) if cid else None
            if cid and village is None:
                village = _villages(s, {cid}).get(cid)
            if village is not None and not in_scope(village, scope) and not _ever_in_scope(s, cid, scope):
                refuse(ch)
        elif ch.table == "place":
            code = data.get("code")
            if code is None:
                row = s.get(tables["place"], ch.row_id)
                code = row.code if row is not None else None
            if code is not None and not (code.startswith(scope) or scope.startswith(code)):
                refuse(ch)


def snapshot_of(row) -> Change:
    fields = merge.synced_fields(type(row))
    vers = json.loads(row.versions or "{}")
    data = {name: wire.to_wire(getattr(row, name)) for name in fields}
    versions = {name: list(field_version(vers, name)) for name in fields}
    return Change(table=row.__tablename__, row_id=row.id, field=ROW_FIELD,
                  value=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                  hlc=row.hlc or clock.ZERO, base_hlc=clock.ZERO, origin=row.origin or "county", versions=versions)


def _snapshots(s, before: dict, after: dict, linked: dict):
    moved = [cid for cid, village in after.items() if cid in before and before[cid] != village]
    new = [cid for cid in after if cid not in before]
    for cid in moved:
        village = after[cid]
        child = s.get(Child, cid)
        yield snapshot_of(child), cid, village
        for cls in linked.values():
            for row in s.scalars(select(cls).where(cls.child_id == cid)):
                yield snapshot_of(row), cid, village
    if new:
        tables = synced_tables()
        orphans = s.execute(select(LogEntry.table_name, LogEntry.row_id, LogEntry.child_id).where(
            LogEntry.scope_code.is_(None), LogEntry.child_id.in_(new)).distinct()).all()
        for table, row_id, cid in orphans:
            row = s.get(tables[table], row_id)
            if row is not None and after.get(cid):
                yield snapshot_of(row), cid, after[cid]


# -- pull --------------------------------------------------------------------
@dataclass
class PullResult:
    changes: list[tuple[int, Change]]
    cursor: int
    more: bool
    server_seq: int


def changes_for(db: ServerDB, device_id: str, cursor: int, limit: int = 500) -> PullResult:
    """The changes after `cursor` that belong to the device's scope (its own changes excluded)."""
    with db.sessions() as s, s.begin():
        device = _usable(s.get(Device, device_id))
        scope = device.scope
        server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
        rows = s.scalars(
            select(LogEntry).where(
                LogEntry.seq > cursor, LogEntry.seq <= server_seq,
                or_(LogEntry.device_id.is_(None), LogEntry.device_id != device_id),
                or_(LogEntry.scope_code.startswith(scope), LogEntry.scope_code2.startswith(scope),
                    literal(scope).startswith(LogEntry.scope_code)),
            ).order_by(LogEntry.seq).limit(limit)
        ).all()
        more = len(rows) == limit
        next_cursor = rows[-1].seq if more else max(server_seq, cursor)
        changes = [(r.seq, Change(table=r.table_name, row_id=r.row_id, field=r.field, value=r.value, hlc=r.hlc,
                                  base_hlc=r.base_hlc, origin=r.origin, actor=r.actor or "",
                                  versions=json.loads(r.versions) if r.versions else None)) for r in rows]
        device.last_seen = utcnow()
        if not more:
            device.last_sync = utcnow()
            device.cursor = next_cursor
        return PullResult(changes, next_cursor, more, server_seq)


def touch_client(db: ServerDB, device_id: str, client_version: str, protocol: int) -> None:
    with db.sessions() as s, s.begin():
        device = s.get(Device, device_id)
        if device is not None and (device.client_version != client_version or device.protocol != protocol):
            device.client_version = client_version
            device.protocol = protocol
