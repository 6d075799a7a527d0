"""County roster import (issue 16): a 30,000-row national-system export imported at the county
(read, every row checked, compared with the server, written as county changes), on PostgreSQL
(target < 30 s) and SQLite; then the first sync of a township laptop holding 2,000 children that
arrived by roster (a 10,000-row roster over 5 townships), through a real server over a socket.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.bench_sync import _Backend, _enrol, _Server, _store
from bench.common import Result, sized

TOWNSHIP = "320115101"


def _roster(tmp: Path, rows: int) -> Path:
    from tests.server.roster import rosters

    return rosters.national_xlsx(tmp / f"national_{rows}.xlsx", rows)


def _load_places(db) -> None:
    from app.server.roster import places
    from tests.server.roster import rosters

    places.save_places(db, rosters.places())


def _import(label: str, backend: _Backend, roster: Path, rows: int) -> Result:
    from app.server.db import ServerDB
    from app.server.roster.importer import import_roster

    db = ServerDB(backend.new_url())
    _load_places(db)
    cpu, start = time.process_time(), time.perf_counter()
    report = import_roster(db, roster)
    ms = (time.perf_counter() - start) * 1000
    cpu = time.process_time() - cpu
    assert report.created == rows and not report.skipped, report.to_dict()
    start = time.perf_counter()
    again = import_roster(db, roster)
    again_ms = (time.perf_counter() - start) * 1000
    assert again.changes == 0
    db.close()
    return Result(f"roster {label}: import {rows} rows (national xlsx)", ms,
                  target=30_000 if label == "PostgreSQL" else None,
                  note=f"{report.changes} county changes; {cpu:.1f} s CPU in this process; "
                       f"re-import (no change) {again_ms / 1000:.1f} s")


def _township_first_sync(label: str, backend: _Backend, tmp: Path, roster: Path, rows: int) -> Result:
    from app.server.db import ServerDB
    from app.server.roster.importer import import_roster
    from app.sync import client

    url = backend.new_url()
    db = ServerDB(url)
    _load_places(db)
    import_roster(db, roster)
    with _Server(url) as srv:
        laptop = _store(tmp, "township", f"{TOWNSHIP}201")
        _enrol(laptop, srv, db, TOWNSHIP)
        start = time.perf_counter()
        got = client.sync(laptop)
        ms = (time.perf_counter() - start) * 1000
        from sqlalchemy import func, select

        from app.data.models.child import Child

        with laptop.read_session() as s:
            held = s.scalar(select(func.count()).select_from(Child))
        laptop.close()
    db.close()
    assert abs(held - rows // 5) <= rows // 500, held  # 12 of the 60 villages
    return Result(f"roster {label}: first sync of a township laptop, {held} children from the roster", ms,
                  target=30_000, note=f"{got.pulled} changes pulled (child, guardian, category each)")


def run() -> list[Result]:
    rows = sized(30_000, 2_000)
    township_rows = sized(10_000, 1_000)
    out: list[Result] = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        big, small = _roster(tmp, rows), _roster(tmp, township_rows)
        for label in ("PostgreSQL", "SQLite"):
            backend = _Backend(label, tmp)
            try:
                out.append(_import(label, backend, big, rows))
                out.append(_township_first_sync(label, backend, tmp, small, township_rows))
            finally:
                backend.close()
    return out
