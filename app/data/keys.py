"""The key file beside the store: the random data key, wrapped once per user and for recovery.

The 256-bit data key that opens the SQLCipher file is never stored in the clear. Each user's
password derives a key-encryption key with Argon2id (memory 64 MiB, 3 passes, 4 lanes, 16-byte
salt: RFC 9106's second recommended option, about 0.3 s on an old laptop). That key seals the
user's own X25519 private key (AES-256-GCM); the data key is sealed to the user's public key. So a
password change rewrites one wrap, and a re-encryption (`rekey.py`: on request, and always when a
user is removed) can hand the new data key to every remaining user without their passwords.
Wraps of the first releases (the data key sealed directly) still open, and are rewritten in the
new form at the user's next login.

The `recovery` wrap seals the same data key for the county (DESIGN §5; docs/用户手册.md §6.1,
docs/县级管理员手册.md 密码恢复文件): its key is derived from an X25519 exchange between this
laptop's sync box key and the county's recovery key, and a generation number. The county can
derive it only with its recovery private key (kept in a file apart from the server database); the
wrapped data key exists only in this file. So a county recovery file (`app/core/recovery_file.py`)
opens nothing without this laptop's key file, and each recovery moves the wrap to the next
generation, which makes a used recovery file useless.

While a store is being re-encrypted, `next` holds the wraps of the new data key beside the
current ones, so a crash at any point leaves a key file that opens the store (`Store.open`
finishes the job).

The file also carries the login lock-out counters (not secret; they must survive a restart).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import sys
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
# Tests create hundreds of stores; they may ask for a cheap KDF (TONGHU_FAST_KDF=1). It is
# honoured only inside a test run: never in the frozen program, and only when pytest is running
# (or the test run's own marker TONGHU_TESTING=1, which tests/conftest.py sets for the
# subprocesses it starts). Anywhere else the switch is ignored, and a wrap found weaker than the
# default is rewritten with the default at the next login (`needs_stronger_wrap`).
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def under_tests() -> bool:
    if getattr(sys, "frozen", False):
        return False
    return "pytest" in sys.modules or bool(os.environ.get("PYTEST_VERSION")) or os.environ.get("TONGHU_TESTING") == "1"


def kdf_params() -> KdfParams:
    return FAST_KDF if os.environ.get("TONGHU_FAST_KDF") == "1" and under_tests() else DEFAULT_KDF


class WrongPasswordError(TonghuError):
    code = "wrong_password"
    default_message = "密码错误"


class UnknownUserError(TonghuError):
    code = "unknown_user"
    default_message = "用户不存在"


class RecoveryError(TonghuError):
    """A recovery file that cannot be used here; the message says why, in Chinese."""

    code = "recovery_refused"
    default_message = "无法使用这个恢复文件"


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
        _fsync_dir(self.path.parent)

    @property
    def store_id(self) -> str:
        return self.data["store_id"]

    def users(self) -> list[str]:
        return list(self.data["wraps"])

    def _aad(self, user: str) -> bytes:
        return f"tonghu-key|{self.store_id}|{user}".encode("utf-8")

    def wrap_for_user(self, user: str, password: str, data_key: bytes, params: KdfParams | None = None) -> None:
        """The user's wrap: a new X25519 key pair whose private half is sealed by the password's
        key, and the data key sealed to its public half — so a re-encryption can hand the new data
        key to every remaining user without their passwords (`reseal_for_user`)."""
        params = params or kdf_params()
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = _derive(password, salt, params)
        private = X25519PrivateKey.generate()
        self.data["wraps"][user] = {
            "kdf": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "private": _b64(AESGCM(kek).encrypt(nonce, _raw_private(private), self._aad(user))),
            "public": _b64(_raw_public(private.public_key())),
        }
        self.reseal_for_user(user, data_key)

    def reseal_for_user(self, user: str, data_key: bytes, wraps: dict | None = None) -> None:
        """Seal `data_key` to the user's public key (in `wraps`, default the current wraps)."""
        wrap = (self.data["wraps"] if wraps is None else wraps)[user]
        if "public" not in wrap:
            raise UnknownUserError(f"用户 {user} 需要先登录一次，才能重新加密数据")
        ephemeral = X25519PrivateKey.generate()
        kek = _seal_kek(ephemeral.exchange(X25519PublicKey.from_public_bytes(_unb64(wrap["public"]))))
        nonce = secrets.token_bytes(12)
        wrap["sealed"] = {"ephemeral": _b64(_raw_public(ephemeral.public_key())), "nonce": _b64(nonce),
                          "wrapped": _b64(AESGCM(kek).encrypt(nonce, data_key, self._aad(user)))}

    def unwrap_for_user(self, user: str, password: str) -> bytes:
        wrap = self.data["wraps"].get(user)
        if wrap is None:
            raise UnknownUserError(user)
        params = KdfParams(wrap["memory_kib"], wrap["iterations"], wrap["lanes"])
        kek = _derive(password, _unb64(wrap["salt"]), params)
        try:
            if "private" not in wrap:  # format of the first releases: the data key sealed directly
                return AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["wrapped"]), self._aad(user))
            private = X25519PrivateKey.from_private_bytes(
                AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["private"]), self._aad(user)))
            sealed = wrap["sealed"]
            shared = private.exchange(X25519PublicKey.from_public_bytes(_unb64(sealed["ephemeral"])))
            return AESGCM(_seal_kek(shared)).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["wrapped"]), self._aad(user))
        except InvalidTag:
            raise WrongPasswordError(user) from None

    def is_old_format(self, user: str) -> bool:
        return "private" not in (self.data["wraps"].get(user) or {})

    def remove_user(self, user: str) -> None:
        self.data["wraps"].pop(user, None)

    def needs_stronger_wrap(self, user: str) -> bool:
        """The user's wrap was made with weaker key derivation than this program now uses."""
        wrap = self.data["wraps"].get(user) or {}
        want = kdf_params()
        return (wrap.get("memory_kib", 0) < want.memory_kib or wrap.get("iterations", 0) < want.iterations)

    # -- re-encryption in progress (see the module docstring) ----------------------------------
    def begin_rekey(self, new_wraps: dict, new_recovery: dict | None) -> None:
        self.data["next"] = {"wraps": new_wraps, "recovery": new_recovery}

    def pending_rekey(self) -> dict | None:
        return self.data.get("next")

    def unwrap_next(self, user: str, password: str) -> bytes | None:
        """The new data key of an unfinished re-encryption, for `user` (None if there is none)."""
        pending = self.pending_rekey()
        if not pending or user not in pending["wraps"]:
            return None
        staged = KeyFile(self.path, {**self.data, "wraps": pending["wraps"]})
        return staged.unwrap_for_user(user, password)

    def finish_rekey(self) -> None:
        """The store now opens with the new key: its wraps become the only ones."""
        pending = self.data.pop("next", None)
        if pending is not None:
            self.data["wraps"] = pending["wraps"]
            self.data["recovery"] = pending["recovery"]

    def abandon_rekey(self) -> None:
        self.data.pop("next", None)

    # -- county recovery -----------------------------------------------------------------------
    def recovery(self) -> dict | None:
        return self.data.get("recovery")

    def recovery_used(self) -> list[str]:
        return list(self.data.get("recovery_used", []))

    def mark_recovery_used(self, file_id: str) -> None:
        self.data["recovery_used"] = self.recovery_used() + [file_id]


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


def recovery_wrap(*, store_id: str, data_key: bytes, box_private: X25519PrivateKey, recovery_public: str,
                  county_sign_public: str, device_id: str, generation: int) -> dict:
    """The `recovery` entry of a key file: the data key sealed with the generation's recovery key."""
    box_public = _b64(_raw_public(box_private.public_key()))
    shared = box_private.exchange(X25519PublicKey.from_public_bytes(_unb64(recovery_public)))
    kek = recovery_kek(shared, box_public, generation)
    nonce = secrets.token_bytes(12)
    return {
        "scheme": "x25519-device-hkdf-sha256-aesgcm-v2",
        "recovery_public": recovery_public,
        "county_sign_public": county_sign_public,
        "device_id": device_id,
        "device_box_public": box_public,
        "generation": generation,
        "nonce": _b64(nonce),
        "wrapped": _b64(AESGCM(kek).encrypt(nonce, data_key, _recovery_aad(store_id))),
    }


def unwrap_recovery(entry: dict, store_id: str, kek: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), _recovery_aad(store_id))
    except (InvalidTag, ValueError, KeyError):
        raise RecoveryError("这个恢复文件已经用过，或者不是为这台电脑的数据开具的。请向县民政局重新申请。") from None


def recovery_kek(shared: bytes, device_box_public: str, generation: int) -> bytes:
    """The key that seals a device's recovery wrap at `generation`; the county derives the same
    from its recovery private key and the device's box public key."""
    info = f"tonghu-recovery-v2|{device_box_public}|{int(generation)}".encode("utf-8")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _seal_kek(shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tonghu-user-seal-v2").derive(shared)


def _recovery_aad(store_id: str) -> bytes:
    return f"tonghu-key|{store_id}|recovery".encode("utf-8")
