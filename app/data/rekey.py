"""Re-encrypt a store with a new data key (`PRAGMA rekey`), safe against a crash at any moment.

Order of writes (each key-file save is an fsynced atomic rename):
1. the key file gains `next`: the new data key sealed for every user who stays (and the county
   recovery wrap) beside the current wraps, which still open today's file;
2. SQLCipher re-encrypts every page in one transaction (WAL: the commit frame decides);
3. the new key is checked against the file, then `next` replaces the current wraps.

A crash before 2 commits leaves the file on the old key and `next` pending; after it, the file is
on the new key and the current wraps are stale. `settle()` (called by `Store.open` after the
password check) tries both keys, finishes or resumes the job, and hands back the key that opens
the file. A user whom the re-encryption removes cannot sign in while it is pending.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from sqlcipher3 import dbapi2 as sqlcipher

from app.data.engine import WrongKeyError, make_engine
from app.data.keys import KeyFile, UnknownUserError, new_data_key

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


def _noop(_text: str, _done: int, _total: int) -> None:
    return None


def opens(path: Path, key: bytes) -> bool:
    """Does `key` open the SQLCipher file at `path`?"""
    engine = make_engine(path, key)
    try:
        with engine.connect():
            return True
    except WrongKeyError:
        return False
    finally:
        engine.dispose()


def _pragma_rekey(path: Path, old: bytes, new: bytes) -> None:
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{old.hex()}'\"")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def stage(keyfile: KeyFile, new_key: bytes, *, drop: tuple[str, ...] = (), recovery: dict | None = None) -> None:
    """Step 1: write the new key's wraps for every user except `drop` as `next`, and save."""
    import copy

    wraps = {u: copy.deepcopy(w) for u, w in keyfile.data["wraps"].items() if u not in drop}
    for user in wraps:
        keyfile.reseal_for_user(user, new_key, wraps)
    keyfile.begin_rekey(wraps, recovery)
    keyfile.save()


def apply(path: Path, keyfile: KeyFile, old_key: bytes, new_key: bytes, progress: Progress = _noop) -> None:
    """Steps 2 and 3 (the engine on `path` must be closed)."""
    progress("正在重新加密数据…", 1, 3)
    _pragma_rekey(path, old_key, new_key)
    progress("正在核对…", 2, 3)
    if not opens(path, new_key):
        raise WrongKeyError("the new key does not open the re-encrypted file")
    keyfile.finish_rekey()
    keyfile.save()
    progress("完成", 3, 3)


def rekey(path: Path, keyfile: KeyFile, old_key: bytes, *, drop: tuple[str, ...] = (), recovery_for=None,
          progress: Progress = _noop) -> bytes:
    """Re-encrypt the (closed) store at `path` with a new data key; returns it. `recovery_for(key)`
    makes the county recovery wrap of the new key (None when the store has none)."""
    new_key = new_data_key()
    progress("正在准备新的钥匙…", 0, 3)
    stage(keyfile, new_key, drop=drop, recovery=recovery_for(new_key) if recovery_for else keyfile.recovery())
    apply(path, keyfile, old_key, new_key, progress)
    return new_key


def settle(path: Path, keyfile: KeyFile, user: str, password: str, current_key: bytes) -> bytes:
    """After the password check: the key that opens the file, finishing an interrupted re-encryption."""
    if keyfile.pending_rekey() is None:
        return current_key
    next_key = keyfile.unwrap_next(user, password)
    if next_key is None:
        raise UnknownUserError(f"用户 {user} 已被删除")
    if opens(path, next_key):
        log.info("finishing an interrupted re-encryption: the file is on the new key")
        keyfile.finish_rekey()
        keyfile.save()
        return next_key
    if opens(path, current_key):
        log.info("resuming an interrupted re-encryption: the file is still on the old key")
        apply(path, keyfile, current_key, next_key)
        return next_key
    return current_key  # neither opens: the caller reports a damaged file
