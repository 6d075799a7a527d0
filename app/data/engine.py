"""The SQLCipher engine: a raw 256-bit key, WAL, synchronous=FULL, temp data kept in memory.

The data key is handed to SQLCipher as a raw key (`x'…'`), so opening costs no key derivation;
the password work happens once, in `keys.py`, when the data key is unwrapped.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2 as sqlcipher

from app.core import auditchain
from app.core.errors import TonghuError
from app.data import cache_size, storage

# A large page cache is what brings SQLCipher within ~1.1x of plain SQLite (DESIGN §6); the
# engine then sizes it from the store and the machine (app/data/cache_size.py).
CACHE_KIB = 65536


class WrongKeyError(TonghuError):
    """The key does not open this file (or the file is not a Tonghu store)."""

    code = "wrong_key"
    default_message = "无法打开数据文件：密钥不对，或这不是童护的数据文件"


def _configure(conn, key: bytes) -> None:
    cur = conn.cursor()
    cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cur.execute("PRAGMA cipher_memory_security = OFF")
    try:
        cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise WrongKeyError(str(exc)) from None
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.close()
    # the audit log's insert trigger seals each entry with this (app/core/auditchain.py)
    conn.create_function(auditchain.SQL_FUNCTION, len(auditchain.FIELDS), auditchain.entry_hash, deterministic=True)


IMMEDIATE = "tonghu_immediate"  # execution option: this transaction writes, take the write lock at BEGIN


def make_engine(path: Path | str, key: bytes) -> Engine:
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")

    cache_kib = cache_size.for_store(path)  # sized from the store and the machine (issue 17)

    def creator():
        conn = sqlcipher.connect(str(path), check_same_thread=False)
        _configure(conn, key)
        conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        return conn

    engine = create_engine("sqlite+pysqlite://", creator=creator, poolclass=QueuePool, pool_size=4, pool_use_lifo=True)

    # The UI thread's connection keeps the full cache (lists and filters re-read the child table);
    # a connection used off it (the store worker: the 工作台's later sections, writes) a small one,
    # so two caches do not double the memory at a county's size (issue 17). LIFO: each thread tends
    # to get back the connection it warmed.
    @event.listens_for(engine, "checkout")
    def _cache_for_thread(dbapi_conn, record, _proxy):
        kib = cache_kib if threading.current_thread() is threading.main_thread() else cache_size.worker(cache_kib)
        if record.info.get("cache_kib") != kib:
            dbapi_conn.execute(f"PRAGMA cache_size = -{kib}")
            record.info["cache_kib"] = kib

    # pysqlite's own implicit transactions break SAVEPOINT and skip BEGIN before SELECTs;
    # let SQLAlchemy emit BEGIN itself (the documented pysqlite recipe).
    @event.listens_for(engine, "connect")
    def _no_autobegin(dbapi_conn, _record):
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _storage(context):
        # a full disk, a read-only or a damaged file: its own message (app/data/storage.py)
        return storage.classify(context.original_exception)

    return engine
