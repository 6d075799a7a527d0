"""USB bundles: a device exports a file of 10,000 changes; the county imports it (as a push) and
writes the answer; the device imports the answer; another device receives the 10,000 changes in
a county answer and imports them. County on SQLite.

Synthetic data only; stores live in a temporary folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import Result, copy_rows, sized

N = 10_000
PASSWORD = "bench-password-1"


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _fill(store, n: int) -> None:
    from app.data import capture
    from app.data.models import Child

    with store.session() as s:
        capture.bulk_create(s, Child, [dict(village_code=store.village_code, name=f"测试{i:05d}",
                                            id_number=f"3201152010{i:08d}"[:18], address=f"东山村{i % 12 + 1}组")
                                       for i in range(n)])


def _prepare_floor(conn) -> None:
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    # the floor store's own audit entries are cleared before the copy: lift the append-only guard there
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")


def _floor(tmp: Path, src) -> float:
    """The same rows the import wrote (synced rows, audit entries), written into a fresh store by
    one executemany per table in one transaction."""
    from app.data.base import Base, synced_tables
    from app.data.store import Store

    names = set(synced_tables()) | {"audit_entry", "sync_conflict"}
    dst = Store.create(tmp / "floor.store", user="floor", password=PASSWORD, village_code="320115101201")
    try:
        return copy_rows(src.engine, dst.engine, [t for t in Base.metadata.sorted_tables if t.name in names],
                         prepare=_prepare_floor)
    finally:
        dst.close()


def run() -> list[Result]:
    os.environ.setdefault("TONGHU_FAST_KDF", "1")
    from app.data.store import Store
    from app.server import bundles as county
    from app.server.db import ServerDB
    from app.sync import bundle_io

    results: list[Result] = []
    n = sized(N, 1_000)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = ServerDB(f"sqlite:///{tmp / 'county.db'}")

        def device(name: str):
            store = Store.create(tmp / f"{name}.store", user=name, password=PASSWORD, village_code="320115101201",
                                 village_name="东山村")
            made = county.enrolment_file(db, tmp / f"{name}.tonghu-enrol", village="320115101201")
            bundle_io.enrol_from_file(store, made.path, made.code)
            return store

        a, b = device("a"), device("b")
        _fill(a, n)
        ms, exported = _timed(lambda: bundle_io.export_bundle(a, tmp / "usb"))
        size = exported.path.stat().st_size
        results.append(Result(f"device export {exported.count} changes", ms, note=f"{size / 1024:.0f} KiB file"))
        data = exported.path.read_bytes()
        ms, pushed = _timed(lambda: county.import_bytes(db, data, tmp / "usb"))
        results.append(Result(f"county import {pushed.accepted} changes + answer", ms))
        ms, acked = _timed(lambda: bundle_io.import_bundle(a, pushed.answer))
        results.append(Result(f"device import answer acknowledging {acked.acked}", ms))
        # the other laptop of the village receives everything by USB
        empty = bundle_io.export_bundle(b, tmp / "usb")
        ms, answered = _timed(lambda: county.import_file(db, empty.path, tmp / "usb"))
        results.append(Result(f"county answer with {answered.sent} changes", ms,
                              note=f"{answered.answer.stat().st_size / 1024:.0f} KiB file"))
        ms, got = _timed(lambda: bundle_io.import_bundle(b, answered.answer))
        results.append(Result(f"device import answer with {got.received} changes (USB)", ms, target=3000,
                              floor=_floor(tmp, b)))
        for store in (a, b):
            store.close()
        db.close()
    return results
