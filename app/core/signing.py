"""What the county signs and what a device signs on the wire (docs/sync-protocol.md §2).

- Every `/api/v1` answer carries `X-Tonghu-Signature`: base64 Ed25519 signature by the county's
  signing key over `answer_message(status, path, nonce, body)`, where `nonce` is the request's
  `X-Tonghu-Nonce` (random per request, so an old signed answer cannot be replayed to a new
  request) and `body` the exact uncompressed body bytes. A device verifies it with the county key
  it pinned at enrolment.
- A device that is already enrolled (by file, or earlier over the network) proves it is the same
  laptop when it enrols again: `X-Tonghu-Enrol-Proof` is its enrolled Ed25519 key's signature
  over `enrol_message(code, device_id, sign, box)`.

Shared by the server (`app/server/api.py`, `service.enrol`) and the desktop
(`app/sync/transport.py`); no FastAPI here, the desktop does not ship it.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

HEADER_SIGNATURE = "X-Tonghu-Signature"
HEADER_NONCE = "X-Tonghu-Nonce"
HEADER_ENROL_PROOF = "X-Tonghu-Enrol-Proof"
MAX_NONCE = 128


def answer_message(status: int, path: str, nonce: str, body: bytes) -> bytes:
    """The bytes the county signs for one answer."""
    return f"tonghu-answer-v1\n{int(status)}\n{path}\n{nonce[:MAX_NONCE]}\n".encode("utf-8") + bytes(body)


def enrol_message(code: str, device_id: str, sign: str, box: str) -> bytes:
    """The bytes an enrolled device signs to enrol again (code normalised: letters and digits,
    upper case, as the server compares codes)."""
    norm = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"tonghu-enrol-v1\n{norm}\n{device_id}\n{sign}\n{box}".encode("utf-8")


def public_key(value: object) -> Ed25519PublicKey:
    """An Ed25519 public key from a key object, raw 32 bytes, base64 text, or a dict / JSON text
    of public keys (`{"sign": …, "box": …}`, as enrolment stores `county_public`).
    Raises ValueError when it is none of these."""
    if isinstance(value, Ed25519PublicKey):
        return value
    if isinstance(value, str) and value.lstrip().startswith("{"):
        import json

        value = json.loads(value)
    if isinstance(value, dict):
        value = value.get("sign")
    if isinstance(value, str):
        try:
            value = base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise ValueError("not base64") from None
    if isinstance(value, (bytes, bytearray)) and len(value) == 32:
        return Ed25519PublicKey.from_public_bytes(bytes(value))
    raise ValueError("not an Ed25519 public key")


def verify(key: Ed25519PublicKey, signature_b64: str | None, message: bytes) -> bool:
    """True when `signature_b64` is a valid signature of `message` by `key`."""
    if not signature_b64:
        return False
    try:
        key.verify(base64.b64decode(signature_b64.strip().encode("ascii"), validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError, UnicodeEncodeError):
        return False
    return True
