"""The stores of the scale series (issue 17): a village (3,000 children), a township (30,000) and a
whole county (100,000), each with a proportional visit history, benefits and a screening round.

Built once with the project's own demo generator (`app.data.demo.generate`, every feature's demo
extension included) and cached between runs under `~/.cache/tonghu-bench` (outside git;
`TONGHU_BENCH_CACHE` moves it, deleting a file rebuilds it). The key file uses the fast test key
derivation: the benchmarks open with the unwrapped key, as the app does after the password.
The outbox is emptied after generating (see `SENT`).

    python -m bench.scale_store 3000 30000 100000   # build (or reuse) the stores, print their sizes
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

PASSWORD = "bench-password-1"
USER = "bench"
VILLAGE = "320115101201"
TODAY = dt.date(2026, 12, 1)  # the demo's "today"; the series reads as of this date
VERSION = 1  # bump when the generator changes what a store holds
# A county laptop holding 100,000 children got them by sync, so nothing waits to be sent: the
# demo's outbox is emptied as a first sync would leave it (the audit log stays).
SENT = "DELETE FROM outbox"


def cache_dir() -> Path:
    return Path(os.environ.get("TONGHU_BENCH_CACHE") or Path.home() / ".cache" / "tonghu-bench")


def store_path(children: int) -> Path:
    return cache_dir() / f"scale-{children}-v{VERSION}.store"


def _files(path: Path) -> list[Path]:
    from app.data.keys import key_path_for

    return [path, key_path_for(path), Path(str(path) + "-wal"), Path(str(path) + "-shm")]


BUILD_CACHE_KIB = 1024 * 1024  # 1 GiB while building (pages of a growing store are written once, not re-read)


@contextmanager
def _building():
    """While a bench store is built, its engine gets a 1 GiB page cache instead of the app's (sized from
    the store file, empty at creation: 64 MiB). At 100,000 children the growing indexes (audit, outbox,
    search, categories) overflowed 64 MiB and every insert decrypted and re-encrypted evicted pages: the
    build took ~50 minutes; with the large cache it grows linearly."""
    from app.data import cache_size

    saved = cache_size.for_store
    cache_size.for_store = lambda _path: BUILD_CACHE_KIB  # type: ignore[assignment]
    try:
        yield
    finally:
        cache_size.for_store = saved  # type: ignore[assignment]


def _fast_writes(store) -> None:
    """A bench store is rebuilt if lost: commits need not reach the disk (synchronous = OFF)."""
    from sqlalchemy import event

    store.engine.dispose()  # connections made before the listener get it too

    @event.listens_for(store.engine, "connect")
    def _no_sync(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA synchronous = OFF")


def build(children: int) -> float:
    """Build the store of `children` children (replacing a partial one); returns the seconds."""
    os.environ["TONGHU_FAST_KDF"] = "1"
    from app.data import demo
    from app.data.store import Store

    path = store_path(children)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(str(path) + ".building")
    for p in _files(partial):
        p.unlink(missing_ok=True)
    start = time.perf_counter()
    with _building():
        store = Store.create(partial, user=USER, password=PASSWORD, village_code=VILLAGE, village_name="东山村",
                             township_name="秣陵街道", county_name="江宁区", display_name="林主任")
    _fast_writes(store)
    try:
        demo.generate(store, children, seed=1, today=TODAY)
        with store.engine.begin() as conn:
            conn.exec_driver_sql(SENT)
            conn.exec_driver_sql("ANALYZE")
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    for src, dst in zip(_files(partial), _files(path), strict=True):
        if src.exists():
            src.replace(dst)
    return time.perf_counter() - start


def ensure(children: int) -> tuple[Path, float | None]:
    """The cached store's path, building it first if missing (then also the build seconds)."""
    from app.data.keys import key_path_for

    path = store_path(children)
    if path.exists() and key_path_for(path).exists():
        from app.data.store import Store

        Store.open_with_key(path, data_key(path), USER).close()  # migrate a cached store once, untimed
        return path, None
    print(f"  building the {children:,}-child scale store at {path} (once) ...", flush=True)
    seconds = build(children)
    print(f"  built in {seconds:.0f} s", flush=True)
    return path, seconds


def data_key(path: Path) -> bytes:
    os.environ["TONGHU_FAST_KDF"] = "1"
    from app.data.keys import KeyFile, key_path_for

    return KeyFile.load(key_path_for(path)).unwrap_for_user(USER, PASSWORD)


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [3000, 30000, 100000]:
        p, secs = ensure(n)
        print(f"{n:>7} children: {p} {p.stat().st_size / 2**20:.0f} MiB" + (f", built in {secs:.0f} s" if secs else ""))


def ledger_store_path(children: int) -> Path:
    return cache_dir() / f"ledger-{children}-v{VERSION}.store"


def ensure_ledger_store(children: int) -> Path:
    """A village of `children` children (no feature extensions) with about one visit a child this
    month, as bench_print builds it: the monthly ledger's input. Cached like the scale stores."""
    import random

    from sqlalchemy import insert, select, update

    from app.core import clock
    from app.data import demo
    from app.data.ids import new_id
    from app.data.keys import key_path_for
    from app.data.models import Child
    from app.data.models.visits import Visit
    from app.data.store import Store

    path = ledger_store_path(children)
    if path.exists() and key_path_for(path).exists():
        return path
    os.environ["TONGHU_FAST_KDF"] = "1"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(str(path) + ".building")
    for p in _files(partial):
        p.unlink(missing_ok=True)
    store = Store.create(partial, user=USER, password=PASSWORD, village_code=VILLAGE, village_name="东山村",
                         township_name="秣陵街道", county_name="江宁区", display_name="林主任")
    try:
        demo.generate(store, children=children, seed=3, with_extensions=False)
        rng = random.Random(5)
        today = clock.today()
        first = today.replace(day=1)
        with store.session() as s:
            colours = ["红"] * 2 + ["黄"] * 8 + ["蓝"] * 60 + ["绿"] * 30
            visits, derived = [], []
            for cid in list(s.scalars(select(Child.id))):
                colour = rng.choice(colours)
                last = first + dt.timedelta(days=rng.randrange(0, max(1, (today - first).days + 1)))
                derived.append((cid, colour, last, last + dt.timedelta(days={"红": 7, "黄": 15}.get(colour, 30))))
                visits.append({"id": new_id(), "child_id": cid, "visit_date": last, "kind": "入户", "visitor": "林主任",
                               "findings": "一切正常", "checklist": "{}", "follow_ups": "[]", "hlc": "0",
                               "origin": "bench", "deleted": False, "versions": "{}", "present": "",
                               "lives_where": "", "lives_with": "", "needs": "", "help_given": "",
                               "reassess": False, "amend_reason": ""})
            for cid, colour, last, due in derived:
                s.execute(update(Child).where(Child.id == cid).values(colour=colour, last_visit_date=last,
                                                                      next_visit_due=due))
            s.execute(insert(Visit), visits)
    finally:
        store.close()
    for src, dst in zip(_files(partial), _files(path), strict=True):
        if src.exists():
            src.replace(dst)
    return path
