"""Backup and restore of one store: a single encrypted, self-checking file.

A backup file (`*.tonghu-backup`) holds the store's database and its key file:

    MAGIC (16 bytes) | header length (4, big-endian) | header (JSON, UTF-8) | chunks… | SHA-256 (32)

The header carries the format, the store id, the village, when it was made, the whole key file
(its wraps are sealed by each user's password, as beside the store) and a random salt. The
database is copied with SQLite's backup API from the open SQLCipher connection (one step: a
consistent snapshot even while the app writes), then sealed chunk by chunk with AES-256-GCM under
a key derived from the data key and the salt (HKDF). Every chunk's associated data binds the
header's hash, the chunk number and whether it is the last, so a reordered, cut or altered file is
refused; the trailing SHA-256 lets `check_file` find a damaged file without the password.

`restore` opens nothing in place: it checks and decrypts into a temporary file beside the new
path, verifies the database (`PRAGMA integrity_check`), writes the key file and renames the
database last, so a failed or killed restore leaves no store behind. The restored store is marked
(`restored_from`); its sync state token is the one it had at backup time, so the county treats its
next sync as a restored store's (protocol 2) and sends back its own later changes.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlcipher3 import dbapi2 as sqlcipher

from app.core import clock
from app.core.errors import TonghuError
from app.data import audit_chain
from app.data.keys import KeyFile, UnknownUserError, key_path_for

__all__ = ["BackupError", "BackupInfo", "make_backup", "restore", "check_file", "read_header", "list_backups",
           "days_since_backup", "reminder_due", "restore_path_beside", "schedule_switch", "apply_pending_switch",
           "SUFFIX", "REMIND_DAYS", "DEFAULT_KEEP"]

MAGIC = b"TONGHU-BACKUP-1\n"
FORMAT = 1
SUFFIX = ".tonghu-backup"
CHUNK = 1 << 20
TAG = 16
REMIND_DAYS = 30
DEFAULT_KEEP = 5
LAST_BACKUP = "last_backup"      # store setting: ISO time of the last backup made
RESTORED_FROM = "restored_from"  # store setting: the backup this store was restored from
MAX_HEADER = 1 << 20


class BackupError(TonghuError):
    code = "backup_error"
    default_message = "备份文件无法使用"


MSG_NOT_BACKUP = "这不是童护的备份文件：{name}"
MSG_DAMAGED = "备份文件已损坏或被改动过（{name}），无法恢复。本机的数据没有任何改动；请换一个较新的备份文件。"
MSG_TRUNCATED = "备份文件不完整（{name}，可能复制到一半中断了），无法恢复。本机的数据没有任何改动；请换一个备份文件。"
MSG_EXISTS = "目标位置已经有数据文件：{path}。恢复不会覆盖已有的文件，请另选一个新的文件名。"
MSG_NO_DIR = "备份位置不存在或不是文件夹：{path}。请插好U盘或选择一个已有的文件夹。"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed to the user."""

    path: Path
    created_at: str
    village_code: str
    store_id: str
    size: int
    written_ns: int = 0


def _hkdf(data_key: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"tonghu-backup-v1").derive(data_key)


def _nonce(index: int) -> bytes:
    return b"\0\0\0\0" + struct.pack(">Q", index)


def _aad(header_hash: bytes, index: int, last: bool) -> bytes:
    return header_hash + struct.pack(">Q?", index, last)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:
        return  # not every system can open a directory (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (FAT on USB sticks) refuse fsync on a directory; the data is synced
    finally:
        os.close(fd)


# -- making a backup -----------------------------------------------------------
def _stamp() -> str:
    return clock.local_now().strftime("%Y%m%d-%H%M%S")


def backup_name(village_code: str) -> str:
    return f"童护备份-{village_code or 'store'}-{_stamp()}{SUFFIX}"


def _copy_database(store, target: Path, data_key: bytes) -> None:
    """The SQLite backup API from one of the store's own connections into `target`, encrypted
    with the same key: one step, so the copy is a single consistent snapshot."""
    dest = sqlcipher.connect(str(target))
    try:
        dest.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        with store.engine.connect() as conn:
            conn.connection.dbapi_connection.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def make_backup(store, data_key: bytes, out_dir: Path | str, *, keep: int = DEFAULT_KEEP,
                progress=None) -> Path:
    """Write one backup file of `store` into `out_dir` and keep only the newest `keep` backups of
    this store there. Returns the new file's path. `data_key` is the store's (already unwrapped)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise BackupError(MSG_NO_DIR.format(path=out_dir))
    progress = progress or (lambda done, total: None)
    first = out_dir / backup_name(store.village_code)
    final, n = first, 1
    while final.exists():
        final = out_dir / first.name.replace(SUFFIX, f"-{n}{SUFFIX}")
        n += 1
    _remove_leftovers(store, out_dir)
    part = final.with_name(final.name + ".part")
    snapshot = Path(str(store.path) + f".backup-{secrets.token_hex(4)}.tmp")
    try:
        _copy_database(store, snapshot, data_key)
        salt = secrets.token_bytes(16)
        header = {
            "format": FORMAT, "store_id": store.keyfile.store_id, "village_code": store.village_code,
            "device_id": store.device_id or "", "created_at": clock.utcnow().isoformat(timespec="seconds"),
            "salt": salt.hex(), "chunk": CHUNK, "db_size": snapshot.stat().st_size, "keys": store.keyfile.data,
        }
        _write_sealed(snapshot, part, header, _hkdf(data_key, salt), progress)
        os.replace(part, final)
        _fsync_dir(out_dir)
    except (OSError, sqlcipher.OperationalError) as exc:  # a full or pulled-out USB stick, a full disk
        from app.data.storage import storage_error

        raise storage_error(exc, where=out_dir) from exc
    finally:
        for leftover in (snapshot, part):
            leftover.unlink(missing_ok=True)
    store.set_setting(LAST_BACKUP, clock.utcnow().isoformat(timespec="seconds"))
    store.log("backup", note=final.name)
    prune(out_dir, store.keyfile.store_id, keep)
    return final


def _remove_leftovers(store, out_dir: Path) -> None:
    """What an interrupted backup of this store left (the app closed or killed mid-way)."""
    stale = list(store.path.parent.glob(glob.escape(store.path.name) + ".backup-*.tmp"))
    stale += out_dir.glob(glob.escape(f"童护备份-{store.village_code or 'store'}-") + f"*{SUFFIX}.part")
    for path in stale:
        path.unlink(missing_ok=True)


def _write_sealed(source: Path, part: Path, header: dict, key: bytes, progress) -> None:
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    header_hash = hashlib.sha256(head).digest()
    aes = AESGCM(key)
    total = source.stat().st_size
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(part, "wb") as out:
        def emit(data: bytes) -> None:
            digest.update(data)
            out.write(data)

        emit(MAGIC + struct.pack(">I", len(head)) + head)
        index, done = 0, 0
        block = src.read(CHUNK)
        while True:
            following = src.read(CHUNK) if block else b""
            last = not following
            emit(aes.encrypt(_nonce(index), block, _aad(header_hash, index, last)))
            done += len(block)
            progress(done, total)
            if last:
                break
            block, index = following, index + 1
        out.write(digest.digest())
        out.flush()
        os.fsync(out.fileno())


def prune(out_dir: Path, store_id: str, keep: int) -> list[Path]:
    """Delete this store's backups in `out_dir` beyond the newest `keep`; the deleted paths."""
    mine = [b for b in list_backups(out_dir) if b.store_id == store_id]
    mine.sort(key=lambda b: (b.created_at, b.written_ns), reverse=True)
    gone = [b.path for b in mine[max(keep, 1):]]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def list_backups(folder: Path | str) -> list[BackupInfo]:
    """The backup files in `folder` whose header reads, newest first."""
    found = []
    for path in Path(folder).glob(f"*{SUFFIX}"):
        try:
            header = read_header(path)
        except BackupError:
            continue
        found.append(BackupInfo(path, header.get("created_at", ""), header.get("village_code", ""),
                                header.get("store_id", ""), path.stat().st_size, path.stat().st_mtime_ns))
    found.sort(key=lambda b: (b.created_at, b.written_ns), reverse=True)
    return found


# -- reading and checking --------------------------------------------------------
def _read_head(fh, name: str) -> tuple[dict, bytes]:
    magic = fh.read(len(MAGIC))
    if magic != MAGIC:
        raise BackupError(MSG_NOT_BACKUP.format(name=name))
    raw_len = fh.read(4)
    if len(raw_len) != 4:
        raise BackupError(MSG_TRUNCATED.format(name=name))
    (length,) = struct.unpack(">I", raw_len)
    if length > MAX_HEADER:
        raise BackupError(MSG_DAMAGED.format(name=name))
    head = fh.read(length)
    if len(head) != length:
        raise BackupError(MSG_TRUNCATED.format(name=name))
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError(MSG_DAMAGED.format(name=name)) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT or not isinstance(header.get("keys"), dict):
        raise BackupError(MSG_DAMAGED.format(name=name))
    return header, head


def read_header(path: Path | str) -> dict:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            return _read_head(fh, path.name)[0]
    except OSError:
        raise BackupError(MSG_NOT_BACKUP.format(name=path.name)) from None


def check_file(path: Path | str) -> dict:
    """Check a backup file without the password (complete, trailing SHA-256 matches); its header.
    Raises `BackupError` with the reason."""
    path = Path(path)
    header = read_header(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(len(MAGIC))
        (head_len,) = struct.unpack(">I", fh.read(4))
    db_size = int(header.get("db_size") or 0)
    chunks = max(1, -(-db_size // CHUNK))
    expected = len(MAGIC) + 4 + head_len + db_size + TAG * chunks + 32
    if size < expected:
        raise BackupError(MSG_TRUNCATED.format(name=path.name))
    if size > expected:
        raise BackupError(MSG_DAMAGED.format(name=path.name))
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        remaining = size - 32
        while remaining:
            block = fh.read(min(CHUNK, remaining))
            if not block:
                raise BackupError(MSG_TRUNCATED.format(name=path.name))
            digest.update(block)
            remaining -= len(block)
        trailer = fh.read(32)
    if digest.digest() != trailer:
        raise BackupError(MSG_DAMAGED.format(name=path.name))
    return header


# -- restoring -------------------------------------------------------------------
def unwrap_key(header: dict, user: str | None, password: str) -> tuple[str, bytes]:
    """The user and the data key of a backup, from the key file it carries (password checked)."""
    keyfile = KeyFile(Path("backup.keys"), header["keys"])
    users = keyfile.users()
    if user is None:
        if len(users) != 1:
            raise UnknownUserError("请输入用户名")
        user = users[0]
    return user, keyfile.unwrap_for_user(user, password)


def restore(backup: Path | str, new_path: Path | str, password: str, user: str | None = None,
            progress=None) -> Path:
    """Restore `backup` as a new store at `new_path` (never over an existing store). Raises
    `BackupError` (damaged, cut, not a backup), `WrongPasswordError`, or a storage error; in every
    case nothing is left at `new_path`. The database is checked, marked restored and given its key
    file before it takes its name, so a restore killed at any point leaves either nothing (at most
    a temporary file and a lone key file, which the next restore replaces) or the whole store."""
    backup, new_path = Path(backup), Path(new_path)
    keypath = key_path_for(new_path)
    if new_path.exists():
        raise BackupError(MSG_EXISTS.format(path=new_path))
    header = check_file(backup)
    user, data_key = unwrap_key(header, user, password)
    progress = progress or (lambda done, total: None)
    new_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = new_path.with_name(new_path.name + f".restore-{secrets.token_hex(4)}.tmp")
    try:
        _unseal(backup, tmp, _hkdf(data_key, bytes.fromhex(header["salt"])), progress)
        _verify_database(tmp, data_key, backup.name)
        _mark_restored(tmp, data_key, user, backup.name, header.get("created_at", ""))
        restored = KeyFile(keypath, header["keys"])
        restored.data["login"] = {}
        restored.save()
        os.replace(tmp, new_path)
        _fsync_dir(new_path.parent)
    except (OSError, sqlcipher.OperationalError) as exc:
        if not new_path.exists():
            keypath.unlink(missing_ok=True)
        from app.data.storage import storage_error

        raise storage_error(exc, where=new_path.parent) from exc
    except BaseException:
        if not new_path.exists():
            keypath.unlink(missing_ok=True)
        raise
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    return new_path


def _unseal(backup: Path, target: Path, key: bytes, progress) -> None:
    aes = AESGCM(key)
    size = backup.stat().st_size
    with open(backup, "rb") as fh, open(target, "wb") as out:
        header, head = _read_head(fh, backup.name)
        header_hash = hashlib.sha256(head).digest()
        total = int(header.get("db_size") or 0)
        end = size - 32
        index, done = 0, 0
        while True:
            left = end - fh.tell()
            if left < TAG:
                raise BackupError(MSG_TRUNCATED.format(name=backup.name))
            sealed = fh.read(min(CHUNK + TAG, left))
            last = fh.tell() >= end
            try:
                block = aes.decrypt(_nonce(index), sealed, _aad(header_hash, index, last))
            except InvalidTag:
                raise BackupError(MSG_DAMAGED.format(name=backup.name)) from None
            out.write(block)
            done += len(block)
            progress(done, total)
            if last:
                break
            index += 1
        out.flush()
        os.fsync(out.fileno())
    if done != total:
        raise BackupError(MSG_DAMAGED.format(name=backup.name))


def _verify_database(path: Path, data_key: bytes, name: str) -> None:
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        ok = conn.execute("PRAGMA integrity_check").fetchone()
    except sqlcipher.DatabaseError:
        raise BackupError(MSG_DAMAGED.format(name=name)) from None
    finally:
        conn.close()
    if not ok or ok[0] != "ok":
        raise BackupError(MSG_DAMAGED.format(name=name))


def _mark_restored(path: Path, data_key: bytes, user: str, name: str, created_at: str) -> None:
    """On the restored database (still under its temporary name): the schema brought up to date,
    `restored_from` set, a new audit chain id (the county files what follows as a restore, not a
    rewrite) and a `restore` audit entry."""
    from sqlalchemy.orm import Session

    from app.data import migrate
    from app.data.engine import make_engine
    from app.data.models import AuditEntry, Setting

    engine = make_engine(path, data_key)
    try:
        if migrate.current_heads(engine) != migrate.script_heads():
            migrate.upgrade(engine)
        with Session(engine) as s, s.begin():
            audit_chain.new_chain(s)
            s.merge(Setting(key=RESTORED_FROM, value=json.dumps(
                {"file": name, "backup_at": created_at, "restored_at": clock.utcnow().isoformat(timespec="seconds")},
                ensure_ascii=False)))
            device = s.get(Setting, "device_id")
            s.add(AuditEntry(actor=user, device=device.value if device else "", action="restore", new_value=name))
    finally:
        engine.dispose()  # the last connection closing checkpoints the WAL into the file
    if Path(f"{path}-wal").exists():
        raise BackupError(MSG_DAMAGED.format(name=name))


# -- switching to a restored store at the next start -------------------------------
SWITCH_SUFFIX = ".switch"


def restore_path_beside(store_path: Path | str, header: dict) -> Path:
    """A free name beside the current store for restoring the backup described by `header`."""
    store_path = Path(store_path)
    stamp = (header.get("created_at") or "")[:10].replace("-", "") or "backup"
    candidate = store_path.with_name(f"{store_path.stem}-恢复-{stamp}{store_path.suffix}")
    n = 1
    while candidate.exists() or key_path_for(candidate).exists():
        candidate = store_path.with_name(f"{store_path.stem}-恢复-{stamp}-{n}{store_path.suffix}")
        n += 1
    return candidate


def schedule_switch(store_path: Path | str, restored: Path | str) -> None:
    """At the next start, use `restored` in place of `store_path` (the app cannot swap the store it
    has open); the current store is kept beside it under another name."""
    marker = Path(str(store_path) + SWITCH_SUFFIX)
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text(json.dumps({"to": Path(restored).name}, ensure_ascii=False), "utf-8")
    os.replace(tmp, marker)


def apply_pending_switch(store_path: Path | str) -> Path | None:
    """Called before the login at start: carry out a `schedule_switch`. The current store and its
    key file are renamed `…-恢复前-<time>` (kept), the restored ones take their names. Each step
    can be repeated, so a start interrupted mid-way finishes the job next time. The kept name, or None."""
    store_path = Path(store_path)
    marker = Path(str(store_path) + SWITCH_SUFFIX)
    if not marker.exists():
        return None
    try:
        target = store_path.with_name(json.loads(marker.read_text("utf-8"))["to"])
    except (OSError, ValueError, KeyError, TypeError):
        marker.unlink(missing_ok=True)
        return None
    kept = store_path.with_name(f"{store_path.stem}-恢复前-{_stamp()}{store_path.suffix}")
    if target.exists():
        for suffix in ("", "-wal", "-shm", ".keys"):
            current = Path(str(store_path) + suffix)
            if current.exists():
                os.replace(current, Path(str(kept) + suffix))
        os.replace(key_path_for(target), key_path_for(store_path))
        os.replace(target, store_path)
    marker.unlink(missing_ok=True)
    return kept


# -- the 30-day reminder ---------------------------------------------------------
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def days_since_backup(store) -> int | None:
    """Whole days since this store's last backup (None: never backed up)."""
    import datetime as dt

    value = store.setting(LAST_BACKUP) or ""
    if not _ISO.match(value):
        return None
    return (clock.utcnow() - dt.datetime.fromisoformat(value)).days


def reminder_due(store) -> str | None:
    """The reminder text when the last backup is older than 30 days (or there never was one and
    the store holds data older than that); None when no reminder is due."""
    days = days_since_backup(store)
    if days is None:
        import datetime as dt

        from app.data.models import Setting  # the store's own creation time: its device_id row

        created = store.read(lambda s: s.get(Setting, "device_id"))
        if created is None:
            return None
        first = store.read(_first_audit_time)
        if first is None or (clock.utcnow() - first) < dt.timedelta(days=REMIND_DAYS):
            return None
        return "这台电脑上的资料还从来没有备份过。请插上U盘，点“备份”做一次备份。"
    if days < REMIND_DAYS:
        return None
    return f"距离上次备份已经{days}天了。请插上U盘，点“备份”再做一次备份。"


def _first_audit_time(session):
    from sqlalchemy import func, select

    from app.data.models import AuditEntry

    return session.scalar(select(func.min(AuditEntry.at)))
