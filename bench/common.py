"""Result records and a timer for the benchmark modules."""

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

    @property
    def ok(self) -> bool:
        return self.target is None or self.value <= self.target

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


def time_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `fn` in milliseconds over `repeat` runs."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
