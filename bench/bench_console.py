"""The county console over a county of 300 villages, 30,000 children and 500,000 visits:
- "overview page": GET / (总览 of the whole county, with its charts) through the FastAPI app
  in-process (server time: routing, session check, every SQL aggregate, the 应保未保 rule, SVG and
  template), target < 300 ms on PostgreSQL, measured on SQLite too;
- "overview query": the numbers alone (`app.server.console.overview.overview`);
- "first of the day": the page when every village's numbers are counted again (the village numbers
  are kept between requests and recounted only for villages a sync changed);
- "roster export": the 30,000-child 儿童花名册 workbook (summary + 300 village sheets), target < 5 s.

The county is written once by `app.data.demo_county.generate` (bulk inserts straight into the
server tables) and cached: SQLite under the temp folder (`TONGHU_BENCH_DIR` to move it), PostgreSQL
in the schema `tonghu_bench_console` of the test database (`TONGHU_TEST_PG`).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from bench.common import Result, sized, time_ms

TOWNSHIPS, VILLAGES_PER = 30, 10
CHILDREN_PER = sized(100, 10)
VISITS = sized(500_000, 20_000)
MARK = f"bench-console-1:{TOWNSHIPS}x{VILLAGES_PER}x{CHILDREN_PER}:{VISITS}"
PG_URL = os.environ.get("TONGHU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SCHEMA = "tonghu_bench_console" + ("_quick" if CHILDREN_PER != 100 else "")
PASSWORD = "Bench-admin-2026!"


def _base() -> Path:
    return Path(os.environ.get("TONGHU_BENCH_DIR") or Path(tempfile.gettempdir()) / "tonghu-bench-console")


def _pg_schema(drop: bool = False) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), connect_args={"connect_timeout": 3})
    try:
        with admin.begin() as conn:
            if drop:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    finally:
        admin.dispose()


def _pg_url() -> str | None:
    from sqlalchemy.exc import OperationalError

    try:
        _pg_schema()
    except OperationalError as exc:  # no PostgreSQL here: measure SQLite only, and say so
        print(f"  PostgreSQL not reachable ({type(exc).__name__}): SQLite only")
        return None
    return PG_URL + f"?options=-csearch_path%3D{SCHEMA}"


def _open(url: str):
    """The cached county (built when missing or made by another version of this bench)."""
    import app.server.web  # noqa: F401  (the console package before accounts)
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from app.data import demo_county
    from app.domain import schedule
    from app.server import accounts
    from app.server.db import Device, ServerDB, ServerSetting

    base = _base()
    base.mkdir(parents=True, exist_ok=True)
    keys = str(base / f"keys-{SCHEMA}-{'pg' if url.startswith('postgres') else 'sqlite'}")
    try:
        db = ServerDB(url, keys_path=keys)
        with db.sessions() as s:
            mark = s.get(ServerSetting, "bench_console")
            if mark is not None and mark.value == MARK + f":{schedule.today_local()}":
                return db, 0.0
    except DBAPIError as exc:  # a half-built cache: build it again
        print(f"  cached county unusable ({type(exc).__name__}): building it again")
        db = None
    print("  building the county (cached for later runs) …", flush=True)
    start = time.perf_counter()
    if db is not None:
        db.close()
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        _pg_schema(drop=True)
    db = ServerDB(url, keys_path=keys)
    demo_county.generate(db.engine, townships=TOWNSHIPS, villages_per=VILLAGES_PER, children_per=CHILDREN_PER,
                         visits=VISITS, today=schedule.today_local(), device_table=Device.__table__)
    accounts.create(db, name="bench", role="county-admin", password=PASSWORD, scope=demo_county.COUNTY)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    with db.sessions() as s, s.begin():
        s.merge(ServerSetting(key="bench_console", value=MARK + f":{schedule.today_local()}"))
    return db, time.perf_counter() - start


def _client(db):
    from fastapi.testclient import TestClient

    from app.server.api import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token})
    assert answer.status_code == 200 and "/login" not in str(answer.url), answer.text[:300]
    return client


def _measure(label: str, url: str, target_page: float | None) -> list[Result]:
    from app.data import demo_county
    from app.domain import schedule
    from app.server.console import exports
    from app.server.console.overview import clear_cache, overview

    db, built = _open(url)
    try:
        with db.sessions() as s:
            size = s.execute(__import__("sqlalchemy").text(
                "SELECT (SELECT count(*) FROM child), (SELECT count(*) FROM visit)")).one()
        client = _client(db)
        assert client.get("/").status_code == 200  # warm: templates, first catch-up, caches
        page = time_ms(lambda: client.get("/"), repeat=7)
        cold = time_ms(lambda: (clear_cache(), client.get("/")), repeat=2)
        township = time_ms(lambda: client.get("/?unit=320115101"), repeat=7)
        with db.sessions() as s:
            query = time_ms(lambda: overview(s, demo_county.COUNTY), repeat=7)
            data = {}
            roster = time_ms(lambda: data.update(x=exports.build("roster", s, demo_county.COUNTY,
                                                                 schedule.today_local())), repeat=3)
        note = f"{size[0]:,} children, {size[1]:,} visits" + (f"; built in {built:.0f} s" if built else "")
        return [
            Result(f"console overview page, county ({label})", page, target=target_page, note=note),
            Result(f"console overview page, township ({label})", township, target=target_page),
            Result(f"console overview page, first of the day ({label})", cold,
                   note="every village counted again (after a restart or at midnight)"),
            Result(f"console overview query ({label})", query),
            Result(f"console roster export 30,000 ({label})", roster, target=5000,
                   note=f"{len(data['x']) / 1e6:.1f} MB, 301 sheets"),
        ]
    finally:
        db.close()


def run() -> list[Result]:
    base = _base()
    results = _measure("SQLite", f"sqlite:///{base / f'{SCHEMA}.db'}", None)
    url = _pg_url()
    if url is not None:
        results = _measure("PostgreSQL", url, 300) + results
    return results
