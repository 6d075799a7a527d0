"""Signing and encryption key pairs of a device or of the county server.

Made at enrolment: each device holds an Ed25519 key (signs what it sends) and an X25519 key
(receives what is encrypted to it); so does the county. Public halves are exchanged during
enrolment; USB bundles are encrypted to the recipient's X25519 key and signed with the sender's
Ed25519 key. The private halves stay inside the encrypted store (device) or the server's key file.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class PublicIdentity:
    sign: Ed25519PublicKey
    box: X25519PublicKey

    def to_dict(self) -> dict[str, str]:
        return {"sign": _b64(self.sign.public_bytes_raw()), "box": _b64(self.box.public_bytes_raw())}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> "PublicIdentity":
        return cls(
            sign=Ed25519PublicKey.from_public_bytes(_unb64(data["sign"])),
            box=X25519PublicKey.from_public_bytes(_unb64(data["box"])),
        )

    def fingerprint(self) -> str:
        """Short hex id of the signing key, for messages and file names."""
        from hashlib import sha256

        return sha256(self.sign.public_bytes_raw()).hexdigest()[:16]


@dataclass(frozen=True)
class Identity:
    sign_private: Ed25519PrivateKey
    box_private: X25519PrivateKey

    @classmethod
    def generate(cls) -> "Identity":
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    def public(self) -> PublicIdentity:
        return PublicIdentity(self.sign_private.public_key(), self.box_private.public_key())

    def to_json(self) -> str:
        return json.dumps({
            "sign": _b64(self.sign_private.private_bytes_raw()),
            "box": _b64(self.box_private.private_bytes_raw()),
        })

    @classmethod
    def from_json(cls, text: str) -> "Identity":
        data = json.loads(text)
        return cls(
            Ed25519PrivateKey.from_private_bytes(_unb64(data["sign"])),
            X25519PrivateKey.from_private_bytes(_unb64(data["box"])),
        )
