"""How large SQLCipher's page cache is for a store: sized from the store and the machine (issue 17).

Every page read from an encrypted store is decrypted, and a page the cache dropped is decrypted
again: over a county of 100,000 children a fixed 64 MiB cache overflowed and a filter decrypted
the same pages over and over. The hot part of a store (the child table, its indexes and the search
index) grows with the store, so the cache is an eighth of the store file, never below 64 MiB, never
above 128 MiB nor a sixteenth of the machine's memory. That is the UI thread's connection; one
used by the store worker gets at most 32 MiB (`worker`), so the two caches do not double the memory. A read that passes
over a big table once (every visit's follow-ups) runs with a small cache (`one_pass`), so pages it
will not read again do not take the memory.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

MIB = 1024
MIN_KIB = 64 * MIB
MAX_KIB = 128 * MIB
STORE_SHARE = 8     # the cache holds up to 1/8 of the store file
MEMORY_SHARE = 16   # and never more than 1/16 of the machine's memory


def machine_memory_kib() -> int | None:
    """Physical memory in KiB, or None if it cannot be read."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 1024
    except (AttributeError, ValueError, OSError):
        pass
    try:  # Windows
        import ctypes

        class MemoryStatus(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong), ("total", ctypes.c_ulonglong),
                        ("available", ctypes.c_ulonglong), ("page_total", ctypes.c_ulonglong),
                        ("page_available", ctypes.c_ulonglong), ("virtual_total", ctypes.c_ulonglong),
                        ("virtual_available", ctypes.c_ulonglong), ("extended", ctypes.c_ulonglong)]

        status = MemoryStatus()
        status.length = ctypes.sizeof(MemoryStatus)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.total // 1024)
    except (AttributeError, OSError):
        pass
    return None


def cache_kib(store_bytes: int, memory_kib: int | None) -> int:
    """The page cache in KiB for a store file of `store_bytes` on a machine with `memory_kib`."""
    ceiling = MAX_KIB if memory_kib is None else max(MIN_KIB // 2, min(MAX_KIB, memory_kib // MEMORY_SHARE))
    return max(min(MIN_KIB, ceiling), min(ceiling, store_bytes // 1024 // STORE_SHARE))


def for_store(path: Path | str) -> int:
    """The page cache in KiB for the store at `path` (a new store counts as empty)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    return cache_kib(size, machine_memory_kib())


WORKER_KIB = 32 * MIB  # a connection used off the UI thread (app/data/engine.py)


def worker(kib: int) -> int:
    """The page cache in KiB for a connection used off the UI thread, given the store's `kib`."""
    return min(kib, WORKER_KIB)


@contextmanager
def one_pass(session, kib: int = 8 * MIB) -> Iterator[None]:
    """Run a read over a big table with a page cache of `kib` on its connection, then restore it."""
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
