"""Result records, a timer and the "floor" helper for the benchmark modules.

A result may carry `floor`: the same rows written by one `executemany` in one transaction on the
same backend, measured in the same run, so `ratio` (measured / floor) stays comparable on a noisy
machine. `QUICK` is set by `python -m bench --quick` (small sizes for a smoke run).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import asdict, dataclass
from typing import Callable


@dataclass
class Result:
    name: str
    value: float
    unit: str = "ms"
    target: float | None = None
    note: str = ""
    floor: float | None = None       # same unit as value
    max_ratio: float | None = None   # a target on value / floor instead of (or besides) the value

    @property
    def ratio(self) -> float | None:
        if self.floor is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def ok(self) -> bool:
        if self.target is not None and self.value > self.target:
            return False
        if self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio:
            return False
        return True

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "ok": self.ok}


QUICK = False


def sized(full: int, quick: int) -> int:
    return quick if QUICK else full


def copy_rows(src_engine, dst_engine, tables, *, clear: bool = True, prepare=None) -> float:
    """The floor: copy every row of `tables` (SQLAlchemy Table objects, parents first) from
    `src_engine` into `dst_engine` with one executemany per table in ONE transaction; returns the
    milliseconds of that transaction (reading the rows and clearing the destination not counted).
    `prepare(conn)` runs first inside the timed transaction's connection (e.g. PRAGMAs)."""
    data = []
    with src_engine.connect() as conn:
        for table in tables:
            data.append((table, [dict(r._mapping) for r in conn.execute(table.select())]))
    with dst_engine.connect() as conn:
        if prepare is not None:
            prepare(conn)
            conn.commit()
        if clear:
            with conn.begin():
                for table in reversed(tables):
                    conn.execute(table.delete())
        start = time.perf_counter()
        with conn.begin():
            for table, rows in data:
                if rows:
                    conn.execute(table.insert(), rows)
        return (time.perf_counter() - start) * 1000


def time_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `fn` in milliseconds over `repeat` runs."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
