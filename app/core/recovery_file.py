"""The county recovery file (`.tonghu-recovery`): what the county issues so a director who forgot
every password can set a new one, and how a laptop checks it.

A small JSON document: `payload` (base64 JSON) and the county's Ed25519 `signature` over
`tonghu-recovery-v1\\n` + the payload bytes. The payload names the file (`file_id`), the device
(`device_id`, `device_box_public`), when it was issued and when it expires, and `keys`: the
device's recovery keys for generations 0…N (see `app/data/keys.py`). The laptop keeps a used
file's id and moves its wrap to the next generation, so a file works once; a file for another
laptop names another box key and derives other keys. Shared by the server (which writes it)
and the desktop (which reads it); no database here.
"""

from __future__ import annotations

import base64
import datetime as dt
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core import clock, signing
from app.core.errors import TonghuError

MAGIC = "tonghu-recovery"
VERSION = 1
SUFFIX = ".tonghu-recovery"
MAX_BYTES = 64 * 1024


class RecoveryFileError(TonghuError):
    code = "recovery_file"
    default_message = "无法使用这个恢复文件"


def _message(payload: bytes) -> bytes:
    return b"tonghu-recovery-v1\n" + payload


def seal(payload: dict, sign_private: Ed25519PrivateKey) -> bytes:
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    signature = base64.b64encode(sign_private.sign(_message(raw))).decode("ascii")
    doc = {"format": MAGIC, "version": VERSION, "payload": base64.b64encode(raw).decode("ascii"),
           "signature": signature}
    return (json.dumps(doc, indent=1) + "\n").encode("utf-8")


def read(data: bytes, county_sign_public: str) -> dict:
    """The verified payload; RecoveryFileError (Chinese) for anything not genuine or expired."""
    if len(data) > MAX_BYTES:
        raise RecoveryFileError("这不是童护恢复文件（文件太大）。请选择县民政局开具的 .tonghu-recovery 文件。")
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != MAGIC:
            raise ValueError("magic")
        raw = base64.b64decode(doc["payload"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise RecoveryFileError("这不是童护恢复文件。请选择县民政局开具的 .tonghu-recovery 文件。") from None
    if doc.get("version") != VERSION:
        raise RecoveryFileError("这个恢复文件的格式较新，请先升级童护。")
    try:
        key = signing.public_key(county_sign_public)
    except ValueError:
        key = None
    if key is None or not signing.verify(key, doc.get("signature"), _message(raw)):
        raise RecoveryFileError("恢复文件的签名不对：它不是本县民政局开具的，或者已被改动。请向县民政局重新申请。")
    payload = json.loads(raw.decode("utf-8"))
    expires = dt.datetime.fromisoformat(payload["expires_at"])
    if clock.utcnow() > expires:
        raise RecoveryFileError(f"这个恢复文件已过期（有效期到 {expires:%Y-%m-%d %H:%M} UTC）。请向县民政局重新申请。")
    return payload
