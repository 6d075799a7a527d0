"""The county server's operations as plain functions, shared by the HTTP routes and USB bundles.

- `create_enrol_code(db, scope)` / `enrol(db, ...)`: one-time codes and device enrolment.
- `authenticate(db, token)`: the device behind a bearer token (unknown and revoked refused).
- `snapshot_of(row)`: a row with every field's own version, as the server sends a file that
  enters a scope.
Pushes are applied by `app.server.push.apply_push`, pulls answered by `app.server.pull.changes_for`.

Refusals raise `ServiceError(status, code, message)` with a Chinese message naming what, why and
what to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import func, select

from app.data.base import utcnow
from app.server.db import Device, EnrolCode, LogEntry, PriorityAlert, ServerDB
from app.sync.identity import Identity
from app.sync.snapshot import snapshot_of  # noqa: F401  (re-exported for the server modules)

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


# -- county identity ---------------------------------------------------------
def county_identity(db: ServerDB) -> Identity:
    """The county's signing and box key pair, from the server's key file (never the database)."""
    from app.server import keys

    return Identity.from_json(keys.secret(db, "county_identity", lambda: Identity.generate().to_json()))


# -- enrolment ---------------------------------------------------------------
def create_enrol_code(db: ServerDB, scope: str, days: int = CODE_DAYS) -> str:
    if not valid_scope(scope):
        raise ServiceError(400, "bad_scope", f"区划代码不正确：{scope}（村/社区12位，乡镇/街道9位）")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    with db.sessions() as s, s.begin():
        s.add(EnrolCode(code_hash=_hash(raw), scope=scope, expires_at=utcnow() + dt.timedelta(days=days)))
    return f"{raw[:5]}-{raw[5:]}"


def enrol(db: ServerDB, *, code: str, device_id: str, name: str, public_keys: dict,
          client_version: str = "", protocol: int = 0, proof: str | None = None) -> dict:
    """Enrol a device with a one-time code. A device that is already enrolled and not revoked (by
    file, or earlier over the network) may enrol again only when `proof` — its enrolled Ed25519
    key's signature over `signing.enrol_message` — shows it is the same laptop: it gets a new
    token and keeps its scope, keys, cursor and history (a file-enrolled placeholder
    `offline:…` is bound to the laptop's device id)."""
    from app.core import signing

    from app.server import recovery

    county = county_identity(db)
    recovery_public = recovery.ensure_public_key(db)  # the laptop seals its data key for county recovery
    with db.lock, db.sessions() as s, s.begin():
        entry = s.get(EnrolCode, _hash(_norm_code(code)))
        if entry is None:
            raise ServiceError(403, "bad_code", "登记码不正确。请核对后重新输入，或向县民政局索取新的登记码。")
        if entry.used_by:
            raise ServiceError(409, "code_used", "该登记码已被使用过。每个登记码只能用一次，请向县民政局索取新的登记码。")
        if entry.expires_at < utcnow():
            raise ServiceError(410, "code_expired", "登记码已过期，请向县民政局索取新的登记码。")
        sign, box = str(public_keys.get("sign", "")), str(public_keys.get("box", ""))
        device = s.get(Device, device_id)
        known = device if device is not None and not device.revoked else None
        if known is None and device is None and proof:
            # Enrolled by file and not yet bound by a bundle: the placeholder holding these keys.
            known = s.scalar(select(Device).where(Device.id.startswith("offline:"), Device.sign_public == sign,
                                                  Device.revoked.is_(False)).limit(1))
        if known is not None:
            if not proof:
                raise ServiceError(409, "already_enrolled", "本设备已经登记过了，无需再次登记。"
                                   "如果本机是用登记文件登记的，请升级童护后再用登记码登记网络同步。")
            try:
                key = signing.public_key(known.sign_public)
            except ValueError:
                key = None
            if (key is None or known.sign_public != sign or known.box_public != box
                    or not signing.verify(key, proof, signing.enrol_message(code, device_id, sign, box))):
                raise ServiceError(403, "bad_proof", "本机的登记密钥与县里登记的不符，不能用登记码再次登记。"
                                   "请联系县民政局核对设备（可先停用原登记再重新登记）。")
            if known.scope != entry.scope:
                raise ServiceError(409, "scope_mismatch",
                                   f"登记码的范围（{entry.scope}）与本设备已登记的范围（{known.scope}）不同，未作任何更改。"
                                   "如需改变本设备负责的范围，请联系县民政局。")
            if known.id != device_id:
                known.id = device_id
                s.flush()
            token = secrets.token_urlsafe(32)
            known.token_hash = _hash(token)
            known.name = name or known.name
            known.client_version = client_version
            known.protocol = protocol
            known.last_seen = utcnow()
            entry.used_by = device_id
            entry.used_at = utcnow()
            server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
            return {"device_id": device_id, "token": token, "scope": known.scope,
                    "county_public": county.public().to_dict(), "server_seq": server_seq,
                    "recovery_public": recovery_public}
        token = secrets.token_urlsafe(32)
        if device is None:
            device = Device(id=device_id)
            s.add(device)
        device.name = name
        device.scope = entry.scope
        device.token_hash = _hash(token)
        device.sign_public = sign
        device.box_public = box
        device.revoked = False
        device.enrolled_at = utcnow()
        device.client_version = client_version
        device.protocol = protocol
        device.cursor = 0
        entry.used_by = device_id
        entry.used_at = utcnow()
        server_seq = s.scalar(select(func.max(LogEntry.seq))) or 0
        return {"device_id": device_id, "token": token, "scope": entry.scope,
                "county_public": county.public().to_dict(), "server_seq": server_seq,
                "recovery_public": recovery_public}


def authenticate(db: ServerDB, token: str | None) -> Device:
    if not token:
        raise ServiceError(401, "unknown_device", "本设备尚未登记到县级服务器，请先用登记码登记。")
    with db.sessions() as s:
        device = s.scalar(select(Device).where(Device.token_hash == _hash(token)))
    return _usable(device)


def _usable(device: Device | None) -> Device:
    if device is None:
        raise ServiceError(401, "unknown_device",
                           "县级服务器不认识本设备（未登记或登记已失效），请向县民政局索取登记码重新登记。")
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


def touch_client(db: ServerDB, device_id: str, client_version: str, protocol: int) -> None:
    with db.sessions() as s, s.begin():
        device = s.get(Device, device_id)
        if device is not None and (device.client_version != client_version or device.protocol != protocol):
            device.client_version = client_version
            device.protocol = protocol
