"""What went wrong with the disk under a store, in words a village director can act on.

SQLite (and the operating system) report a full disk, a read-only file and a damaged file as
error codes; `classify(exc)` turns them into one of three `StorageError`s with its own Chinese
message, or None for anything else. The engine raises them in place of the driver's error
(`engine.py`), opening a store raises them before any password question is decided (`store.py`),
and backup/restore use `storage_error` for their own file writes. Each message says the data
already saved is intact: a failed write rolls back its whole transaction (WAL, synchronous=FULL).
"""

from __future__ import annotations

import errno
from pathlib import Path

from app.core.errors import TonghuError

__all__ = ["StorageError", "DiskFullError", "ReadOnlyStoreError", "DamagedStoreError", "classify", "storage_error",
           "check_writable"]

SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 10, 11, 13, 14, 26


class StorageError(TonghuError):
    """The disk or the file under a store failed; nothing half-written was kept."""

    code = "storage"

    def __init__(self, message: str = "", **kwargs):
        super().__init__(message or self.default_message, **kwargs)  # str(exc) is the message too


class DiskFullError(StorageError):
    code = "disk_full"
    default_message = ("磁盘空间已满，刚才的操作没有保存（已经保存的资料完好无损）。"
                       "请删除一些不需要的文件，或把数据文件移到空间更多的磁盘上，然后再试一次。")


class ReadOnlyStoreError(StorageError):
    code = "read_only"
    default_message = ("数据文件是只读的，无法保存修改（可能放在只读的U盘或光盘上，或文件被设成了只读）。"
                       "请把数据文件和同名的 .keys 文件一起复制到电脑硬盘上，或取消只读属性，然后重新打开。")


class DamagedStoreError(StorageError):
    code = "damaged"
    default_message = ("数据文件已损坏，无法打开（密码是正确的）。请不要再改动这个文件；"
                       "用“恢复”从最近的备份恢复，或者在新电脑上登记本村后从县级服务器取回全部资料。")


def _sqlite_code(exc: BaseException) -> int | None:
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__, exc.__context__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    return None


def classify(exc: BaseException) -> StorageError | None:
    """The storage error behind `exc` (a driver, SQLAlchemy or OS error), or None."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError) and not _sqlite_code(exc):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError()
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyStoreError()
        return None
    code = _sqlite_code(exc)
    text = str(getattr(exc, "orig", None) or exc).lower()
    if code == SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError()
    if code == SQLITE_READONLY or "readonly database" in text:
        return ReadOnlyStoreError()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return DamagedStoreError()  # the key opened the file: a page that fails its check is damage
    if code == SQLITE_IOERR and ("disk i/o" in text or "i/o error" in text):
        return DiskFullError() if "full" in text else None
    return None


def storage_error(exc: BaseException, *, where: Path | None = None) -> TonghuError:
    """`classify(exc)`, or a plain error naming `where` for other OS failures (a USB stick pulled)."""
    found = classify(exc)
    if found is not None:
        return found
    place = f"（{where}）" if where else ""
    return StorageError(f"读写文件失败{place}：{getattr(exc, 'strerror', None) or type(exc).__name__}。"
                        "已经保存的资料没有受到影响；请检查U盘或磁盘后再试。")


def check_writable(path: Path) -> None:
    """Raise `ReadOnlyStoreError` when the store file or its folder cannot be written (SQLite
    needs the folder for its -wal and -shm files)."""
    import os

    path = Path(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyStoreError()
    if _read_only_mount(path):
        raise ReadOnlyStoreError()


def _read_only_mount(path: Path) -> bool:
    import os

    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows): os.access above is what we have
        return False
