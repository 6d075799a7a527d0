"""County password recovery on the laptop: set up the recovery wrap at enrolment, and use a county
recovery file to set a new password when every password is forgotten.

- `set_up(store, recovery_public, county_public)`: called when the laptop enrols (network or
  file). Seals the data key for the county at this laptop's current generation (kept if the same
  box key was set up before).
- `recover(path, file_bytes, user, new_password, repeat)`: checks the file (county signature,
  this laptop's box key, not expired, not used before), unwraps the data key with the file's key
  for the wrap's generation, replaces the user's password, moves the recovery wrap to the next
  generation (so the same file never works again), and records the recovery in the key file and
  the store's audit log. Returns the store, open as that user.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from app.core import recovery_file
from app.core.recovery_file import RecoveryFileError
from app.data.keys import KeyFile, RecoveryError, UnknownUserError, key_path_for, recovery_wrap

if TYPE_CHECKING:
    from app.data.store import Store

log = logging.getLogger(__name__)

S_IDENTITY = "device_identity"  # app.sync.client.S_IDENTITY (the data layer does not import sync)


class _DeviceBox:
    """The device's X25519 box key from its sync identity (`{"sign": b64, "box": b64}`)."""

    def __init__(self, held: str):
        import base64

        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        self.box_private = X25519PrivateKey.from_private_bytes(base64.b64decode(json.loads(held)["box"]))


def _identity(store: Store) -> _DeviceBox | None:
    held = store.setting(S_IDENTITY)
    return _DeviceBox(held) if held else None


def _county_sign(county_public: str | dict) -> str:
    keys = json.loads(county_public) if isinstance(county_public, str) else county_public
    return str(keys["sign"])


def wrap_for(store: Store, data_key: bytes, generation: int | None = None) -> dict | None:
    """The recovery wrap of `data_key` with this store's recovery settings (None if none)."""
    return wrap_maker(store, generation)(data_key)


def wrap_maker(store: Store, generation: int | None = None) -> Callable[[bytes], dict | None]:
    """`make(data_key) -> wrap | None`, reading this store's device key now (before a re-key closes it)."""
    entry = store.keyfile.recovery()
    identity = _identity(store)
    if not entry or identity is None or "recovery_public" not in entry:
        return lambda _key: None
    gen = int(entry["generation"]) if generation is None else generation
    store_id, device_id = store.keyfile.store_id, store.device_id or ""

    def make(data_key: bytes) -> dict:
        return recovery_wrap(store_id=store_id, data_key=data_key, box_private=identity.box_private,
                             recovery_public=entry["recovery_public"], county_sign_public=entry["county_sign_public"],
                             device_id=device_id, generation=gen)

    return make


def set_up(store: Store, recovery_public: str | None, county_public: str | dict) -> bool:
    """Seal the data key for the county's recovery key. False when the county has none."""
    identity = _identity(store)
    if not recovery_public or identity is None:
        log.info("no county recovery key at enrolment: recovery not set up")
        return False
    old = store.keyfile.recovery() or {}
    wrap = recovery_wrap(store_id=store.keyfile.store_id, data_key=store.data_key, box_private=identity.box_private,
                         recovery_public=recovery_public, county_sign_public=_county_sign(county_public),
                         device_id=store.device_id or "", generation=0)
    if old.get("device_box_public") == wrap["device_box_public"] and old.get("recovery_public") == recovery_public:
        wrap = recovery_wrap(store_id=store.keyfile.store_id, data_key=store.data_key, box_private=identity.box_private,
                             recovery_public=recovery_public, county_sign_public=_county_sign(county_public),
                             device_id=store.device_id or "", generation=int(old.get("generation", 0)))
    store.keyfile.data["recovery"] = wrap
    store.keyfile.save()
    store.log("recovery_setup", table_name="keys", note=f"县级密码恢复已设置（第{wrap['generation']}代）")
    return True


def status(store_path: Path | str) -> dict:
    """What the login window and 设置 show: is recovery set up, for which device."""
    entry = KeyFile.load(key_path_for(store_path)).recovery()
    if not entry or "recovery_public" not in entry:
        return {"ready": False}
    return {"ready": True, "device_id": entry.get("device_id", ""), "generation": entry.get("generation", 0)}


def read_file(keyfile: KeyFile, data: bytes) -> tuple[dict, bytes]:
    """The verified payload of a recovery file for this key file, and the key for its wrap."""
    import base64

    entry = keyfile.recovery()
    if not entry or "recovery_public" not in entry:
        raise RecoveryError("这台电脑的数据还没有设置县级密码恢复（登记到县级服务器时自动设置）。"
                            "请联系县民政局，按用户手册第6节处理。")
    try:
        payload = recovery_file.read(data, entry["county_sign_public"])
    except RecoveryFileError as exc:
        raise RecoveryError(exc.message) from None
    if payload.get("device_box_public") != entry["device_box_public"]:
        raise RecoveryError(f"这个恢复文件是为另一台电脑（设备 {payload.get('device_id', '?')}）开具的，"
                            f"不能用于本机（设备 {entry.get('device_id', '?')}）。请向县民政局核对设备编号后重新申请。")
    if payload.get("file_id") in keyfile.recovery_used():
        raise RecoveryError("这个恢复文件已经用过了，每个恢复文件只能用一次。如需再次恢复，请向县民政局重新申请。")
    kek = (payload.get("keys") or {}).get(str(entry["generation"]))
    if not kek:
        raise RecoveryError("这个恢复文件已经用过，或者早于本机最近一次恢复。请向县民政局重新申请。")
    return payload, base64.b64decode(kek)


def recover(path: Path | str, data: bytes, user: str, new_password: str, repeat: str | None = None) -> Store:
    """Use a county recovery file: `user` gets `new_password`; the old one stops working."""
    from app.data.keys import unwrap_recovery
    from app.data.store import Store, check_new_password

    path = Path(path)
    keyfile = KeyFile.load(key_path_for(path))
    if user not in keyfile.users():
        raise UnknownUserError(user)
    payload, kek = read_file(keyfile, data)
    entry = keyfile.recovery() or {}
    data_key = unwrap_recovery(entry, keyfile.store_id, kek)
    store = Store.open_with_key(path, data_key, user, keyfile)
    try:
        check_new_password(new_password, repeat, names=store.password_names(user))
        generation = int(entry["generation"]) + 1
        next_wrap = wrap_for(store, data_key, generation)
        keyfile.wrap_for_user(user, new_password, data_key)
        if next_wrap is not None:
            keyfile.data["recovery"] = next_wrap
        keyfile.mark_recovery_used(str(payload["file_id"]))
        keyfile.data.setdefault("login", {}).pop(user, None)
        keyfile.save()
        store.log("recovery", table_name="app_user", row_id=user,
                  note=f"用县级恢复文件 {payload['file_id']} 重设密码（{payload.get('issued_at', '')} 开具）")
    except BaseException:
        store.close()
        raise
    log.info("county recovery file %s used for user %s", payload["file_id"], user)
    return store
