"""Sync benchmarks (DESIGN §6): push and pull 10,000 changes over loopback and an empty incremental
sync, on SQLite and on PostgreSQL; and the server's throughput with 50 devices syncing at once.

The county server runs as a real `tonghu serve` subprocess; the devices are real encrypted stores
(the 50-device run uses plain HTTP clients speaking the protocol, each with its own enrolment).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from bench.common import Result

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TONGHU_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
N_CHANGES = 10_000
N_DEVICES = 50
PER_DEVICE = 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, db_url: str):
        self.db_url = db_url
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--db", self.db_url, "--port", str(self.port)],
            cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
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


def _stores(tmp: Path, village: str, n: int):
    from app.data.store import Store

    return [Store.create(tmp / f"d{i}.store", user=f"u{i}", password="bench-password-1", village_code=village)
            for i in range(n)]


def _fill(store, n: int) -> None:
    """n outbox changes exactly as capture writes them: children created (one "*" change each) and
    then edited (one change per field). Written directly (capture's own cost is benched elsewhere)."""
    from app.data.ids import new_id
    from app.data.models.child import Child
    from app.data.models.local import OutboxChange
    from app.sync import merge

    creates = n // 2
    dev, clock = store.device_id, store.clock
    fields = merge.synced_fields(Child)
    children, outbox = [], []
    for i in range(creates):
        stamp = clock.now()
        cid = new_id()
        row = {name: (col.default.arg if col.default is not None and getattr(col.default, "is_scalar", False) else None)
               for name, col in fields.items()}
        row.update(village_code=store.village_code, name=f"儿童{i}", id_number="", deleted=False, photo=None)
        children.append(dict(row, id=cid, hlc=stamp, origin=dev, versions=json.dumps({"*": [stamp, dev]})))
        outbox.append(dict(table_name="child", row_id=cid, field="*", value=json.dumps(row, ensure_ascii=False),
                           hlc=stamp, base_hlc="000000000000000.00000", origin=dev, actor=store.user, priority=0,
                           acked=False))
    for c in children[: n - creates]:
        stamp = clock.now()
        outbox.append(dict(table_name="child", row_id=c["id"], field="phone", value='"13800000000"', hlc=stamp,
                           base_hlc=c["hlc"], origin=dev, actor=store.user, priority=0, acked=False))
        c["phone"] = "13800000000"
        c["versions"] = json.dumps({"*": [c["hlc"], dev], "phone": [stamp, dev]})
    with store.read_session() as s, s.begin():
        s.execute(Child.__table__.insert(), children)
        s.execute(OutboxChange.__table__.insert(), outbox)


def _one_backend(label: str, db_url: str) -> list[Result]:
    from app.server import service
    from app.server.db import ServerDB
    from app.sync import client

    results = []
    with tempfile.TemporaryDirectory() as tmp, _Server(db_url) as srv:
        tmp = Path(tmp)
        db = ServerDB(db_url)
        a, b = _stores(tmp, "320115101201", 2)
        client.enrol(a, srv.url, service.create_enrol_code(db, "320115101201"))
        client.enrol(b, srv.url, service.create_enrol_code(db, "320115101201"))
        _fill(a, N_CHANGES)
        t = time.perf_counter()
        pushed = client.sync(a)
        push_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        pulled = client.sync(b)
        pull_ms = (time.perf_counter() - t) * 1000
        assert pushed.pushed >= N_CHANGES, pushed
        assert pulled.pulled >= N_CHANGES, pulled
        results.append(Result(f"sync {label}: push {N_CHANGES} changes", push_ms, "ms"))
        results.append(Result(f"sync {label}: pull {N_CHANGES} changes", pull_ms, "ms"))
        results.append(Result(f"sync {label}: push+pull {N_CHANGES} changes", push_ms + pull_ms, "ms", 5000))
        samples = []
        for _ in range(7):
            t = time.perf_counter()
            client.sync(b)
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        results.append(Result(f"sync {label}: empty incremental sync", samples[len(samples) // 2], "ms", 200))
        results.append(_fifty(label, srv, db))
        a.close()
        b.close()
        db.close()
    return results


def _fifty(label: str, srv: _Server, db) -> Result:
    """50 devices push PER_DEVICE changes each and pull, all at once: changes per second."""
    from app.core import protocol as P
    from app.server import service

    tokens = []
    for i in range(N_DEVICES):
        village = f"3201151{i // 10:02d}{i % 10 + 1:03d}"
        answer = service.enrol(db, code=service.create_enrol_code(db, village), device_id=f"bench-{uuid.uuid4()}",
                               name=f"bench{i}", public_keys={"sign": "x" * 44, "box": "y" * 44})
        tokens.append((answer["device_id"], answer["token"], village))
    errors = []

    def device(device_id, token, village):
        headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL), "Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=srv.url, headers=headers, timeout=120) as http:
            changes = []
            for i in range(PER_DEVICE):
                row = {"village_code": village, "name": f"童{i}", "id_number": ""}
                changes.append({"seq": i + 1, "table": "child", "row_id": str(uuid.uuid4()), "field": "*",
                                "value": json.dumps(row, ensure_ascii=False), "hlc": f"{1_800_000_000_000 + i:015d}.00000",
                                "base_hlc": "000000000000000.00000", "origin": device_id})
            r = http.post("/api/v1/push", json={"changes": changes})
            if r.status_code != 200:
                errors.append(r.text)
            cursor = 0
            while True:
                r = http.post("/api/v1/pull", json={"cursor": cursor, "limit": 500})
                if r.status_code != 200:
                    errors.append(r.text)
                    break
                body = r.json()
                cursor = body["cursor"]
                if not body["more"]:
                    break

    threads = [threading.Thread(target=device, args=t) for t in tokens]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    seconds = time.perf_counter() - t
    if errors:
        raise RuntimeError(errors[0])
    return Result(f"sync {label}: {N_DEVICES} devices at once", N_DEVICES * PER_DEVICE / seconds, "ch/s",
                  note=f"{N_DEVICES}×{PER_DEVICE} changes pushed and pulled in {seconds:.1f} s")


def run() -> list[Result]:
    os.environ.setdefault("TONGHU_FAST_KDF", "1")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.extend(_one_backend("SQLite", f"sqlite:///{tmp}/county.db"))
    try:
        url, drop = _pg_schema()
    except Exception as exc:
        print(f"PostgreSQL not reachable, skipped: {exc}", flush=True)
        return results
    try:
        results.extend(_one_backend("PostgreSQL", url))
    finally:
        drop()
    return results
