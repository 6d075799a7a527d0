"""Sync benchmarks (DESIGN §6, issue 11 "Fast enough for a county"), on SQLite and on PostgreSQL
county servers, each number beside its floor (the same rows written by one executemany in one
transaction on the same backend, measured in the same run):

* 10,000 changes pushed by one laptop and pulled by another over loopback (< 5 s);
* an empty incremental sync (< 100 ms; floor: one HTTP round trip);
* the first full pull of a township laptop: 2,000 children with their assessments and visits
  (< 30 s);
* an incremental pull (100 new changes) answered by a server whose log holds 1,000,000 changes
  vs one holding 10,000 (about equal; the big log is filled by executemany, not by pushes);
* 200 laptops, each with its own store, syncing at once against PostgreSQL (0 errors).

Everything goes through the high-level APIs (`tonghu serve` as a subprocess, `client.enrol`,
`client.sync`, capture's `bulk_create`), so the bench survives protocol changes. Synthetic data only.
`python -m bench sync --quick` runs small sizes; `TONGHU_BENCH_SYNC_STEPS=push_pull,township,big_log,crowd`
and `TONGHU_BENCH_SYNC_BACKENDS=SQLite,PostgreSQL` run a part.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from bench import common
from bench.common import Result, copy_rows, sized

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TONGHU_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
VILLAGE = "320115101201"
TOWNSHIP = "320115101"
PASSWORD = "bench-password-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    """`tonghu serve` in a subprocess on a free loopback port."""

    def __init__(self, db_url: str):
        self.db_url = db_url
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--db", self.db_url, "--port", str(self.port)],
            cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            try:
                httpx.get(self.url + "/api/v1/hello", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        self.proc.kill()
        raise RuntimeError("server did not start")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(10)


class _Backend:
    """Makes fresh county databases of one kind (a SQLite file, or a PostgreSQL schema each)."""

    def __init__(self, label: str, tmp: Path):
        self.label = label
        self.tmp = tmp
        self.drops = []

    def new_url(self) -> str:
        if self.label == "SQLite":
            return f"sqlite:///{self.tmp}/county-{uuid.uuid4().hex[:8]}.db"
        url, drop = _pg_schema()
        self.drops.append(drop)
        return url

    def close(self):
        for drop in self.drops:
            try:
                drop()
            except Exception as exc:  # noqa: BLE001 - cleanup only
                print(f"could not drop a bench schema: {exc}", flush=True)


def _pg_schema():
    from sqlalchemy import create_engine, text

    name = "tonghu_bench_" + uuid.uuid4().hex[:8]
    engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                           connect_args={"connect_timeout": 3})
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))

    def drop():
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        engine.dispose()

    return PG_URL + f"?options=-csearch_path%3D{name}", drop


def _store(tmp: Path, name: str, village: str = VILLAGE):
    from app.data.store import Store

    return Store.create(tmp / f"{name}-{uuid.uuid4().hex[:6]}.store", user=name, password=PASSWORD,
                        village_code=village)


def _enrol(store, srv: _Server, db, scope: str) -> None:
    from app.server import service
    from app.sync import client

    client.enrol(store, srv.url, service.create_enrol_code(db, scope))


def _children(store, n: int, villages: list[str], tag: str = "") -> list[str]:
    """n children created through capture (one "*" change each), spread over `villages`."""
    from app.data import capture
    from app.data.models.child import Child

    rows = [dict(village_code=villages[i % len(villages)], name=f"儿童{tag}{i}", id_number="",
                 birth_date=dt.date(2014, 1, 1) + dt.timedelta(days=i % 3000), address=f"东山村{i % 12 + 1}组")
            for i in range(n)]
    with store.session() as s:
        return capture.bulk_create(s, Child, rows)


def _edit_phones(store, ids: list[str]) -> None:
    """One field change per child, through the ORM's capture (as a user's edits)."""
    from sqlalchemy import select

    from app.data.models.child import Child

    with store.session() as s:
        for i in range(0, len(ids), 500):
            for child in s.scalars(select(Child).where(Child.id.in_(ids[i:i + 500]))):
                child.phone = "13800000000"


def _fill(store, n: int) -> None:
    """n outbox changes: n/2 children created, then as many edited (one field each)."""
    ids = _children(store, n - n // 2, [store.village_code])
    _edit_phones(store, ids[: n // 2])


def _device_tables():
    from app.data.base import Base, synced_tables

    names = set(synced_tables()) | {"audit_entry", "sync_conflict"}
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def _server_tables():
    from app.data.base import synced_tables
    from app.server.db import ServerBase

    names = set(synced_tables()) | {"srv_change_log", "srv_priority_alert"}
    return [t for t in ServerBase.metadata.sorted_tables if t.name in names]


def _fk_off(conn):
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    # the floor store's own audit entries are cleared before the copy: lift the append-only guard there
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")


def _device_floor(tmp: Path, src_store) -> float:
    """Milliseconds to write what a pull wrote into `src_store` (synced rows and audit entries)
    into a fresh store: one executemany per table in one transaction."""
    dst = _store(tmp, "floor")
    try:
        return copy_rows(src_store.engine, dst.engine, _device_tables(), prepare=_fk_off)
    finally:
        dst.close()


def _server_floor(backend: _Backend, src_db) -> float:
    """Milliseconds to write the server rows a push wrote (model rows and the log) into a fresh
    county database of the same backend."""
    from app.server.db import ServerDB

    dst = ServerDB(backend.new_url())
    try:
        return copy_rows(src_db.engine, dst.engine, _server_tables())
    finally:
        dst.close()


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _cpu_ms(srv: _Server) -> float:
    """CPU milliseconds used so far by this process and the server's (user + system; not the
    PostgreSQL backends): steadier than wall time on a shared machine, since client and server
    take turns."""
    try:
        fields = Path(f"/proc/{srv.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):  # not Linux: the client's share only
        server = 0.0
    return (time.process_time() + server) * 1000


# -- 10,000 changes push + pull, and the empty sync ------------------------------------------
def _push_pull(label: str, backend: _Backend, tmp: Path) -> list[Result]:
    from app.server.db import ServerDB
    from app.sync import client

    n = sized(10_000, 1_000)
    results = []
    url = backend.new_url()
    with _Server(url) as srv:
        db = ServerDB(url)
        a, b = _store(tmp, "a"), _store(tmp, "b")
        _enrol(a, srv, db, VILLAGE)
        _enrol(b, srv, db, VILLAGE)
        _fill(a, n)
        cpu0 = _cpu_ms(srv)
        push_ms, pushed = _timed(lambda: client.sync(a))
        cpu1 = _cpu_ms(srv)
        pull_ms, pulled = _timed(lambda: client.sync(b))
        cpu2 = _cpu_ms(srv)
        assert pushed.pushed >= n, pushed
        assert pulled.pulled >= n, pulled
        server_floor = _server_floor(backend, db)
        device_floor = _device_floor(tmp, b)
        results.append(Result(f"sync {label}: push {n} changes", push_ms, floor=server_floor))
        results.append(Result(f"sync {label}: pull {n} changes", pull_ms, floor=device_floor))
        results.append(Result(f"sync {label}: push+pull {n} changes", push_ms + pull_ms, target=5000,
                              floor=server_floor + device_floor,
                              note="floor: the server's rows and log, and the pulling store's rows, by executemany"))
        results.append(Result(f"sync {label}: push+pull {n} changes, CPU", cpu2 - cpu0,
                              note=f"client and server processes (push {cpu1 - cpu0:.0f} ms, pull {cpu2 - cpu1:.0f} ms)"))
        client.sync(b)  # sends the audit entries the pull wrote, so the samples below are empty syncs
        samples = []
        cpu0 = _cpu_ms(srv)
        for _ in range(7):
            samples.append(_timed(lambda: client.sync(b))[0])
        results.append(Result(f"sync {label}: empty incremental sync, CPU", (_cpu_ms(srv) - cpu0) / 7,
                              note="client and server processes, mean of 7"))
        trips = []
        with httpx.Client(base_url=srv.url) as http:
            for _ in range(7):
                trips.append(_timed(lambda: http.get("/api/v1/hello"))[0])
        results.append(Result(f"sync {label}: empty incremental sync", statistics.median(samples), target=100,
                              floor=statistics.median(trips), note="floor: one HTTP round trip (GET /hello)"))
        a.close()
        b.close()
        db.close()
    return results


# -- the first full pull of a township laptop ------------------------------------------------
def _file(store, n_children: int, villages: list[str]) -> int:
    """n children over `villages`, each with one assessment and three visits. Returns the changes."""
    from app.data import capture
    from app.data.models.visits import Assessment, Visit

    ids = _children(store, n_children, villages, tag="T")
    day = dt.date(2026, 3, 1)
    assessments = [dict(child_id=cid, assessed_on=day - dt.timedelta(days=i % 90), colour=("红", "黄", "绿")[i % 3],
                        suggested_colour=("红", "黄", "绿")[i % 3], answers="{}", reasons="[]")
                   for i, cid in enumerate(ids)]
    visits = [dict(child_id=cid, visit_date=day - dt.timedelta(days=(i * 7 + k * 30) % 200), kind="入户",
                   findings="生活正常", lives_where="家中", lives_with="祖父母")
              for i, cid in enumerate(ids) for k in range(3)]
    with store.session() as s:
        capture.bulk_create(s, Assessment, assessments)
        capture.bulk_create(s, Visit, visits)
    return len(ids) + len(assessments) + len(visits)


def _township(label: str, backend: _Backend, tmp: Path) -> Result:
    from app.server.db import ServerDB
    from app.sync import client

    n = sized(2_000, 200)
    villages = [f"{TOWNSHIP}{i:03d}" for i in range(201, 211)]
    url = backend.new_url()
    with _Server(url) as srv:
        db = ServerDB(url)
        producer, laptop = _store(tmp, "p", villages[0]), _store(tmp, "t", villages[0])
        _enrol(producer, srv, db, TOWNSHIP)
        _enrol(laptop, srv, db, TOWNSHIP)
        changes = _file(producer, n, villages)
        client.sync(producer)
        ms, got = _timed(lambda: client.sync(laptop))
        assert got.pulled >= changes, got
        floor = _device_floor(tmp, laptop)
        producer.close()
        laptop.close()
        db.close()
    return Result(f"sync {label}: first pull, township of {n} children ({changes} changes)", ms, target=30_000,
                  floor=floor, note="children with 1 assessment and 3 visits each, 10 villages")


# -- incremental pull against a big log ------------------------------------------------------
def _fill_log(db, n: int) -> None:
    """Add n changes of another township's children to the county log with executemany, copying
    the shape of the last logged row (whatever columns the log has); on PostgreSQL then VACUUM
    ANALYZE the log (steady state, not a race with the autovacuum the bulk insert starts)."""
    from sqlalchemy import func, select

    from app.server.db import LogEntry

    table = LogEntry.__table__
    with db.engine.begin() as conn:
        template = dict(conn.execute(table.select().order_by(table.c.seq.desc()).limit(1)).one()._mapping)
        start = conn.execute(select(func.max(table.c.seq))).scalar() + 1
        uuid_cols = [k for k, v in template.items() if isinstance(v, str) and len(v) == 36 and v.count("-") == 4]
        seq_cols = [c.name for c in table.columns if "seq" in c.name and c.name != "seq"
                    and template.get(c.name) is not None]
        chunk = 50_000
        for lo in range(0, n, chunk):
            rows = []
            for i in range(lo, min(n, lo + chunk)):
                row = dict(template, seq=start + i)
                for k in uuid_cols:
                    row[k] = str(uuid.uuid4())
                for k in seq_cols:
                    row[k] = 1_000_000 + i
                for k in ("scope_code", "scope_code2"):
                    if k in row:
                        row[k] = f"320115102{i % 50 + 201:03d}" if k == "scope_code" else None
                rows.append(row)
            conn.execute(table.insert(), rows)
    if db.engine.dialect.name == "postgresql":
        # as autovacuum would soon after on a real server (whose log grows over months): measured
        # right after a bulk insert of 1,000,000 rows, the pulls raced the autovacuum it triggers
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM ANALYZE {table.name}")


def _incremental(label: str, backend: _Backend, tmp: Path, log_size: int) -> tuple[float, float]:
    """Median ms of a sync that pulls 100 new changes, with `log_size` other changes in the log;
    and of one empty sync."""
    from app.server.db import ServerDB
    from app.sync import client

    url = backend.new_url()
    with _Server(url) as srv:
        db = ServerDB(url)
        a, b = _store(tmp, "a"), _store(tmp, "b")
        _enrol(a, srv, db, VILLAGE)
        _enrol(b, srv, db, VILLAGE)
        ids = _children(a, 100, [VILLAGE])
        client.sync(a)
        _fill_log(db, log_size)
        client.sync(b)  # first full pull (skips the other township's log)
        samples, empty = [], []
        for round_ in range(5):
            from app.data.models.child import Child  # noqa: F401

            with a.session() as s:
                from sqlalchemy import select

                for child in s.scalars(select(Child).where(Child.id.in_(ids))):
                    child.phone = f"1390000{round_:04d}"
            client.sync(a)
            ms, got = _timed(lambda: client.sync(b))
            assert got.pulled >= 100, got
            samples.append(ms)
            empty.append(_timed(lambda: client.sync(b))[0])
        a.close()
        b.close()
        db.close()
    return statistics.median(samples), statistics.median(empty)


def _big_log(label: str, backend: _Backend, tmp: Path) -> list[Result]:
    big, small = sized(1_000_000, 50_000), sized(10_000, 5_000)
    small_ms, small_empty = _incremental(label, backend, tmp, small)
    big_ms, big_empty = _incremental(label, backend, tmp, big)
    return [
        Result(f"sync {label}: incremental pull of 100, log {big:,} vs {small:,}", big_ms, floor=small_ms,
               max_ratio=1.5, note="floor column: the same pull from the small log"),
        Result(f"sync {label}: empty sync, log {big:,} vs {small:,}", big_empty, floor=small_empty, max_ratio=1.5,
               note="floor column: the same sync against the small log"),
    ]


# -- many laptops at once ----------------------------------------------------------------------
def _crowd(label: str, backend: _Backend, tmp: Path) -> list[Result]:
    """N laptops, each its own store with 25 new children, over N/4 villages, sync all at once
    (threads), then once more (pulling the others' children). Errors counted after retries."""
    from app.server.db import ServerDB
    from app.sync import client

    n = sized(200, 20)
    per = 25
    url = backend.new_url()
    errors: list[str] = []
    with _Server(url) as srv:
        db = ServerDB(url)
        laptops = []
        for i in range(n):
            village = f"{TOWNSHIP}{i // 4 + 201:03d}"
            store = _store(tmp, f"l{i}", village)
            _enrol(store, srv, db, village)
            _children(store, per, [village], tag=f"L{i}-")
            laptops.append(store)
        barrier = threading.Barrier(n)

        def laptop(store):
            barrier.wait()
            for _ in range(2):
                try:
                    client.sync(store)
                except Exception as exc:  # noqa: BLE001 - every failure counts
                    errors.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=laptop, args=(s,)) for s in laptops]
        start = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        seconds = time.perf_counter() - start
        for store in laptops:
            store.close()
        db.close()
    if errors:
        print(f"{len(errors)} errors, first: {errors[0][:300]}", flush=True)
    return [Result(f"sync {label}: {n} laptops syncing at once, errors", len(errors), "err", target=0,
                   note=f"{n}×{per} changes pushed, each laptop synced twice, {seconds:.1f} s"),
            Result(f"sync {label}: {n} laptops syncing at once, wall time", seconds * 1000,
                   note=f"{n} laptops × 2 syncs")]


def _wanted(env: str, name: str) -> bool:
    """`TONGHU_BENCH_SYNC_STEPS=push_pull,township` / `TONGHU_BENCH_SYNC_BACKENDS=SQLite` run a part
    (profiling one step on a shared machine); unset runs everything."""
    chosen = [w.strip().lower() for w in os.environ.get(env, "").split(",") if w.strip()]
    return not chosen or name.strip("_").lower() in chosen


def _backend(label: str, tmp: Path) -> list[Result]:
    backend = _Backend(label, tmp)
    results = []
    try:
        for step in (_push_pull, _township, _big_log):
            if not _wanted("TONGHU_BENCH_SYNC_STEPS", step.__name__):
                continue
            print(f"-- {label} {step.__name__}", flush=True)
            found = step(label, backend, tmp)
            results.extend(found if isinstance(found, list) else [found])
        if label == "PostgreSQL" and _wanted("TONGHU_BENCH_SYNC_STEPS", "crowd"):
            print(f"-- {label} _crowd", flush=True)
            results.extend(_crowd(label, backend, tmp))
    finally:
        backend.close()
    return results


def run() -> list[Result]:
    os.environ.setdefault("TONGHU_FAST_KDF", "1")
    results = []
    if _wanted("TONGHU_BENCH_SYNC_BACKENDS", "SQLite"):
        with tempfile.TemporaryDirectory() as tmp:
            results.extend(_backend("SQLite", Path(tmp)))
    if not _wanted("TONGHU_BENCH_SYNC_BACKENDS", "PostgreSQL"):
        return results
    try:
        _pg_schema()[1]()
    except Exception as exc:
        print(f"PostgreSQL not reachable, skipped: {exc}", flush=True)
        return results
    with tempfile.TemporaryDirectory() as tmp:
        results.extend(_backend("PostgreSQL", Path(tmp)))
    return results


__all__ = ["run", "common"]
