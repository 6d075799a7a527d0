"""The key file beside the store: the random data key, wrapped once per user and for recovery.

The 256-bit data key that opens the SQLCipher file is never stored in the clear. Each user's
password derives a key-encryption key with Argon2id (memory 64 MiB, 3 passes, 4 lanes, 16-byte
salt: RFC 9106's second recommended option, about 0.3 s on an old laptop); that key seals the data
key with AES-256-GCM. Changing a password writes a new wrap; the store is never re-encrypted.
A `recovery` wrap seals the same data key to the county's X25519 public key, so the county can
reopen a store whose every password is forgotten (DESIGN §5).

The file also carries the login lock-out counters (not secret; they must survive a restart).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core import clock
from app.core.errors import TonghuError

FORMAT = 1


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4


DEFAULT_KDF = KdfParams()
# Tests create hundreds of stores; they may ask for a cheap KDF. Never set in production.
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def kdf_params() -> KdfParams:
    return FAST_KDF if os.environ.get("TONGHU_FAST_KDF") == "1" else DEFAULT_KDF


class WrongPasswordError(TonghuError):
    code = "wrong_password"
    default_message = "密码错误"


class UnknownUserError(TonghuError):
    code = "unknown_user"
    default_message = "用户不存在"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(password.encode("utf-8"))


def key_path_for(store_path: Path | str) -> Path:
    return Path(str(store_path) + ".keys")


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


class KeyFile:
    """The parsed key file. Mutations are written atomically with `save()`."""

    def __init__(self, path: Path, data: dict):
        self.path = path
        self.data = data

    @classmethod
    def create(cls, path: Path, store_id: str) -> "KeyFile":
        return cls(path, {"format": FORMAT, "store_id": store_id, "wraps": {}, "recovery": None, "login": {}})

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported key file format: {data.get('format')}")
        return cls(Path(path), data)

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    @property
    def store_id(self) -> str:
        return self.data["store_id"]

    def users(self) -> list[str]:
        return list(self.data["wraps"])

    def _aad(self, user: str) -> bytes:
        return f"tonghu-key|{self.store_id}|{user}".encode("utf-8")

    def wrap_for_user(self, user: str, password: str, data_key: bytes, params: KdfParams | None = None) -> None:
        params = params or kdf_params()
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = _derive(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(user))
        self.data["wraps"][user] = {
            "kdf": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

    def unwrap_for_user(self, user: str, password: str) -> bytes:
        wrap = self.data["wraps"].get(user)
        if wrap is None:
            raise UnknownUserError(user)
        params = KdfParams(wrap["memory_kib"], wrap["iterations"], wrap["lanes"])
        kek = _derive(password, _unb64(wrap["salt"]), params)
        try:
            return AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["wrapped"]), self._aad(user))
        except InvalidTag:
            raise WrongPasswordError(user) from None

    def remove_user(self, user: str) -> None:
        self.data["wraps"].pop(user, None)

    # County recovery wrap: an ephemeral X25519 exchange with the county's public key.
    def wrap_for_recovery(self, county_public_key: bytes, data_key: bytes) -> None:
        ephemeral = X25519PrivateKey.generate()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(county_public_key))
        kek = _recovery_kek(shared, self.store_id)
        nonce = secrets.token_bytes(12)
        eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.data["recovery"] = {
            "scheme": "x25519-hkdf-sha256-aesgcm",
            "county_public_key": _b64(county_public_key),
            "ephemeral_public_key": _b64(eph_pub),
            "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(kek).encrypt(nonce, data_key, self._aad("recovery"))),
        }

    def unwrap_with_recovery(self, county_private_key: X25519PrivateKey) -> bytes:
        rec = self.data.get("recovery")
        if not rec:
            raise WrongPasswordError("recovery")
        shared = county_private_key.exchange(X25519PublicKey.from_public_bytes(_unb64(rec["ephemeral_public_key"])))
        kek = _recovery_kek(shared, self.store_id)
        try:
            return AESGCM(kek).decrypt(_unb64(rec["nonce"]), _unb64(rec["wrapped"]), self._aad("recovery"))
        except InvalidTag:
            raise WrongPasswordError("recovery") from None

    # Login lock-out state, per user.
    def failures(self, user: str) -> tuple[int, float]:
        entry = self.data.setdefault("login", {}).get(user, {})
        return int(entry.get("failures", 0)), float(entry.get("last_failure", 0.0))

    def record_failure(self, user: str, at: float | None = None) -> None:
        count, _ = self.failures(user)
        self.data["login"][user] = {"failures": count + 1, "last_failure": at or clock.timestamp()}
        self.save()

    def clear_failures(self, user: str) -> None:
        if self.data.setdefault("login", {}).pop(user, None) is not None:
            self.save()


def _recovery_kek(shared: bytes, store_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"tonghu-recovery|{store_id}".encode()).derive(shared)
