"""Hybrid logical clock (HLC): wall time plus a counter, so a laptop whose clock is months wrong
still orders its own changes after everything it has already seen.

A timestamp is a fixed-width string `WWWWWWWWWWWWWWW.CCCCC` (milliseconds since the epoch and a
counter), so plain string comparison orders timestamps; ties between devices are broken by the
device id, which travels beside the timestamp (`origin`).
"""

from __future__ import annotations

import threading
import time
from typing import Callable

ZERO = "000000000000000.00000"


def encode(wall_ms: int, counter: int) -> str:
    return f"{wall_ms:015d}.{counter:05d}"


def decode(stamp: str) -> tuple[int, int]:
    wall, _, counter = stamp.partition(".")
    if len(wall) != 15 or len(counter) != 5 or not wall.isdigit() or not counter.isdigit():
        raise ValueError(f"not an HLC timestamp: {stamp!r}")
    return int(wall), int(counter)


def is_valid(stamp: str) -> bool:
    try:
        decode(stamp)
    except (ValueError, AttributeError, TypeError):
        return False
    return True


def wall_ms_now() -> int:
    return int(time.time() * 1000)


class HybridClock:
    """Thread-safe HLC. `now()` stamps a local event; `observe()` folds in a remote stamp."""

    def __init__(self, last: str = ZERO, wall: Callable[[], int] = wall_ms_now):
        self._wall = wall
        self._lock = threading.Lock()
        self._last = decode(last or ZERO)

    @property
    def last(self) -> str:
        return encode(*self._last)

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            last_wall, counter = self._last
            self._last = (wall, 0) if wall > last_wall else (last_wall, counter + 1)
            return encode(*self._last)

    def observe(self, remote: str) -> None:
        remote_wall, remote_counter = decode(remote)
        with self._lock:
            if (remote_wall, remote_counter) > self._last:
                self._last = (remote_wall, remote_counter)
