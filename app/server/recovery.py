"""County password recovery, the county's half: the recovery key pair and recovery files.

- The recovery key is an X25519 pair. Its **private** half lives only in its own file, created
  0600 (`county.db` → `county.db.recovery-key` by default, or wherever the officer says with
  `--key-file`; it may be kept offline on a USB stick: only issuing a recovery file reads it).
  The running server never needs it. The server database keeps the **public** half
  (`srv_setting` `recovery_public`), which enrolment hands to each laptop.
- `issue(db, device_id, …)` writes a recovery file for one enrolled, not revoked device: the
  device's recovery keys for generations 0…N (N = files issued for it before), derived from the
  private key and the device's box public key, signed with the county's key, expiring after
  `hours`. Each issue is recorded (`srv_setting` `recovery_issued:<box key>`, and the server log
  without any child data).

The county alone can read no store with this: a laptop's data key is sealed only in that laptop's
own key file (`app/data/keys.py`).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.core import recovery_file
from app.data.base import utcnow
from app.data.keys import recovery_kek
from app.server import keys, settings
from app.server.db import Device

log = logging.getLogger("tonghu.server")

S_PUBLIC, S_KEY_PATH = "recovery_public", "recovery_key_path"
ISSUED_PREFIX = "recovery_issued:"
DEFAULT_HOURS = 72
MAX_HOURS = 24 * 14
ENV_KEY_FILE = "TONGHU_RECOVERY_KEY"


class RecoveryIssueError(Exception):
    """A refusal with a Chinese message for the officer."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def default_key_path(db) -> Path:
    """Where the private key goes unless the officer says otherwise."""
    explicit = os.environ.get(ENV_KEY_FILE)
    if explicit:
        return Path(explicit)
    db_file = keys.sqlite_file(db.url)
    if db_file is not None:
        return db_file.with_name(db_file.name + ".recovery-key")
    return keys.path_of(db).with_suffix(".recovery-key")


def _get(db, key: str) -> str | None:
    with db.sessions() as s:
        return settings.get(s, key)


def public_key(db) -> str | None:
    """The recovery public key (base64), handed to laptops at enrolment; None if none yet."""
    return _get(db, S_PUBLIC)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def create_key(db, key_file: Path | str | None = None) -> tuple[Path, str]:
    """Make the county's recovery key pair (once). Returns the private key file and the public key."""
    existing = public_key(db)
    path = Path(key_file) if key_file else Path(_get(db, S_KEY_PATH) or default_key_path(db))
    if existing:
        return path, existing
    if path.exists() and path.stat().st_size:
        raise RecoveryIssueError(f"恢复密钥文件已存在：{path}。它不属于这个服务器数据库，请换一个位置（--key-file）。")
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    public = _b64(private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    keys.create_private(path)
    keys.tighten(path)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"format": "tonghu-recovery-key", "private": _b64(raw), "public": public}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    with db.sessions() as s, s.begin():
        settings.put(s, S_PUBLIC, public)
        settings.put(s, S_KEY_PATH, str(path.resolve()))
    log.info("county recovery key created; private key file %s", path)
    return path, public


def ensure_public_key(db) -> str | None:
    """The recovery public key for enrolment, making the pair beside the database the first time."""
    existing = public_key(db)
    if existing:
        return existing
    try:
        return create_key(db)[1]
    except (OSError, RecoveryIssueError):
        log.warning("no county recovery key could be made; laptops enrolled now have no county recovery", exc_info=True)
        return None


def _load_private(db, key_file: Path | str | None) -> X25519PrivateKey:
    path = Path(key_file) if key_file else Path(_get(db, S_KEY_PATH) or default_key_path(db))
    try:
        data = json.loads(path.read_text("utf-8"))
        private = X25519PrivateKey.from_private_bytes(base64.b64decode(data["private"]))
    except FileNotFoundError:
        raise RecoveryIssueError(f"找不到恢复密钥文件：{path}。如果它保存在U盘上，请插上U盘并用 --key-file 指定。") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RecoveryIssueError(f"恢复密钥文件无法读取：{path}（{type(exc).__name__}）") from None
    public = _b64(private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    if public != public_key(db):
        raise RecoveryIssueError(f"恢复密钥文件 {path} 与这个服务器数据库的恢复公钥不符，请确认文件。")
    return private


def find_device(db, device_id: str):
    """The device by its id, or by its last 8 or more characters (what the director reads out: the
    start of an id is its creation time, shared by laptops set up the same day)."""
    from sqlalchemy import select

    device_id = device_id.strip()
    with db.sessions() as s:
        device = s.get(Device, device_id)
        if device is None and len(device_id) >= 8:
            found = s.scalars(select(Device).where(Device.id.endswith(device_id, autoescape=True)).limit(2)).all()
            device = found[0] if len(found) == 1 else None
        return device


def issued(db, box_public: str) -> list[dict]:
    raw = _get(db, ISSUED_PREFIX + box_public)
    return json.loads(raw) if raw else []


def issue(db, device_id: str, out: Path | str, *, key_file: Path | str | None = None,
          hours: int = DEFAULT_HOURS, issued_by: str = "") -> dict:
    """Write a recovery file for `device_id` to `out`; returns what was issued (no secrets)."""
    from app.server import service

    if not 1 <= hours <= MAX_HOURS:
        raise RecoveryIssueError(f"有效时间应在 1 到 {MAX_HOURS} 小时之间")
    device = find_device(db, device_id)
    if device is None:
        raise RecoveryIssueError(f"没有这个设备：{device_id}。请用 tonghu server devices 查看设备编号。")
    if device.revoked:
        raise RecoveryIssueError(f"设备 {device_id} 已停用（例如电脑丢失），不能为它开具恢复文件。")
    if not public_key(db):
        raise RecoveryIssueError("这个服务器还没有恢复密钥，登记的电脑都没有设置县级恢复。")
    private = _load_private(db, key_file)
    box_public = device.box_public
    shared = private.exchange(X25519PublicKey.from_public_bytes(base64.b64decode(box_public)))
    before = issued(db, box_public)
    now = utcnow().replace(microsecond=0)
    file_id = secrets.token_hex(8)
    payload = {
        "file_id": file_id, "device_id": device.id, "device_name": device.name, "device_box_public": box_public,
        "issued_at": now.isoformat(), "expires_at": (now + dt.timedelta(hours=hours)).isoformat(),
        "issued_by": issued_by,
        "keys": {str(g): _b64(recovery_kek(shared, box_public, g)) for g in range(len(before) + 1)},
    }
    sealed = recovery_file.seal(payload, service.county_identity(db).sign_private)
    out = Path(out)
    if out.suffix == "":
        out = out.with_suffix(recovery_file.SUFFIX)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(sealed)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out)
    record = {"file_id": file_id, "device_id": device.id, "issued_at": payload["issued_at"],
              "expires_at": payload["expires_at"], "issued_by": issued_by}
    with db.sessions() as s, s.begin():
        settings.put(s, ISSUED_PREFIX + box_public, json.dumps(before + [record], ensure_ascii=False))
    log.info("recovery file %s issued for device %s by %s, expires %s", file_id, device.id, issued_by or "-",
             payload["expires_at"])
    return {**record, "path": str(out)}
