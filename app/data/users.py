"""The people who sign in on one laptop: list, add (a deputy with their own password), remove, and
change a password — removing a user, or a password change on request, re-encrypts the store with
a new data key (`rekey.py`) so an old copy of the key file no longer opens today's data.

Every function takes the open `Store` of the signed-in user, whose current password confirms
the action. Plain values out; the screens and the command line call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from app.data import recovery, rekey
from app.data.models import User
from app.domain.errors import ValidationError

if TYPE_CHECKING:
    from app.data.store import Store

USER_NAME_MAX = 32


def list_users(store: Store) -> list[dict]:
    """Each user with a password on this laptop: name, real name, role, and whether signed in."""
    in_file = set(store.keyfile.users())
    with store.read_session() as s:
        rows = {u.name: u for u in s.scalars(select(User))}
    out = []
    for name in store.keyfile.users():
        row = rows.get(name)
        out.append({"name": name, "display_name": (row.display_name if row else "") or name,
                    "role": row.role if row else "", "current": name == store.user})
    return [u for u in out if u["name"] in in_file]


def _check_name(store: Store, name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "请填写登录名")
    if len(name) > USER_NAME_MAX or any(ch.isspace() for ch in name):
        raise ValidationError("name", f"登录名不能有空格，最多{USER_NAME_MAX}个字符")
    if name in store.keyfile.users():
        raise ValidationError("name", f"这台电脑上已经有用户 {name}")
    return name


def confirm(store: Store, current_password: str) -> None:
    """The signed-in user's password, asked again before a change to the users (WrongPasswordError)."""
    store.keyfile.unwrap_for_user(store.user, current_password)


def add_user(store: Store, name: str, password: str, *, current_password: str, display_name: str = "",
             role: str = "儿童主任", repeat: str | None = None) -> None:
    from app.data.store import check_new_password

    name = _check_name(store, name)
    check_new_password(password, repeat, names=store.password_names(name) + (display_name,))
    confirm(store, current_password)
    with store.session() as s:
        row = s.get(User, name)
        if row is None:
            s.add(User(name=name, display_name=display_name or name, role=role))
        else:
            row.display_name = display_name or row.display_name
    store.keyfile.wrap_for_user(name, password, store.data_key)
    store.keyfile.save()
    store.log("user_add", table_name="app_user", row_id=name, note=f"新增用户 {display_name or name}")


def remove_user(store: Store, name: str, *, current_password: str, progress: rekey.Progress = rekey._noop) -> None:
    """Remove `name`'s password and re-encrypt the store, so their old key file opens nothing."""
    if name == store.user:
        raise ValidationError("name", "不能删除正在使用的账号。请用另一个账号登录后再删除。")
    if name not in store.keyfile.users():
        raise ValidationError("name", f"没有用户 {name}")
    confirm(store, current_password)
    rekey_store(store, drop=(name,), progress=progress)
    store.log("user_remove", table_name="app_user", row_id=name, note=f"删除用户 {name}，数据已重新加密")


def change_password(store: Store, old: str, new: str, repeat: str | None = None, *, rekey_data: bool = False,
                    progress: rekey.Progress = rekey._noop) -> None:
    """A new password; with `rekey_data` the store also gets a new data key (old key files stop working)."""
    store.change_password(old, new, repeat)
    if rekey_data:
        rekey_store(store, progress=progress)


def rekey_store(store: Store, *, drop: tuple[str, ...] = (), progress: rekey.Progress = rekey._noop) -> None:
    """Re-encrypt the open store with a new data key; the store stays open on the new key."""
    old_key = store.data_key
    recovery_for = recovery.wrap_maker(store)  # reads the device key now, while the store is open
    store.engine.dispose()
    new_key = rekey.rekey(store.path, store.keyfile, old_key, drop=drop, recovery_for=recovery_for, progress=progress)
    store.reopen_with(new_key)
    store.log("rekey", table_name="keys", note="数据已用新的钥匙重新加密")
