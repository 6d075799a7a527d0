"""Hybrid logical clock (HLC): wall time plus a counter, so a laptop whose clock is months wrong
still orders its own changes after everything it has already seen.

A timestamp is a fixed-width string `WWWWWWWWWWWWWWW.CCCCC` (milliseconds since the epoch and a
counter), so plain string comparison orders timestamps; ties between devices are broken by the
device id, which travels beside the timestamp (`origin`).

Two rules keep stamps readable forever: the counter never overflows (at 99,999 it rolls into the
physical part, one millisecond later), and no replica accepts a stamp more than `MAX_AHEAD_MS`
ahead of its own clock, so neither a laptop whose clock is a year fast nor a crafted push can
drag every clock to the end of time.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

from app.core import clock as wallclock

log = logging.getLogger(__name__)

ZERO = "000000000000000.00000"
MAX_COUNTER = 99_999
MAX_WALL = 10**15 - 1
MAX_AHEAD_MS = 24 * 3600 * 1000  # how far ahead of our own clock a stamp may be
MAX_SAVED_AHEAD_MS = 20 * 365 * 24 * 3600 * 1000  # a saved stamp beyond this was never accepted


class ClockSkewError(ValueError):
    """A stamp too far ahead of this replica's clock."""


def encode(wall_ms: int, counter: int) -> str:
    if counter > MAX_COUNTER:
        wall_ms += counter // (MAX_COUNTER + 1)
        counter %= MAX_COUNTER + 1
    if not 0 <= wall_ms <= MAX_WALL:
        raise ValueError(f"HLC wall time out of range: {wall_ms}")
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
    return wallclock.wall_ms()


def ahead_ms(stamp: str, wall_ms: int) -> int:
    """How many milliseconds `stamp` is ahead of `wall_ms` (negative when behind)."""
    return decode(stamp)[0] - wall_ms


def too_far_ahead(stamp: str, wall_ms: int | None = None, bound: int = MAX_AHEAD_MS) -> bool:
    return ahead_ms(stamp, wall_ms_now() if wall_ms is None else wall_ms) > bound


def describe_ahead(stamp: str, wall_ms: int | None = None) -> str:
    hours = ahead_ms(stamp, wall_ms_now() if wall_ms is None else wall_ms) / 3_600_000
    return f"{hours / 24:.0f} 天" if hours >= 48 else f"{hours:.0f} 小时"


def _step(last: tuple[int, int]) -> tuple[int, int]:
    wall, counter = last
    return (wall + 1, 0) if counter >= MAX_COUNTER else (wall, counter + 1)


class HybridClock:
    """Thread-safe HLC. `now()` stamps a local event; `observe()` folds in a remote stamp.

    A saved stamp that is unreadable, or absurdly far ahead (beyond `MAX_SAVED_AHEAD_MS`, which no
    replica could have accepted), restarts the clock from the wall clock (and says so in the log),
    so a store opens whatever it saved. A stamp merely days ahead is kept: a laptop whose own clock
    is behind legitimately holds stamps ahead of it; `reset()` is for the sync client, once the
    county's clock shows that this laptop's own stamps ran ahead."""

    def __init__(self, last: str = ZERO, wall: Callable[[], int] = wall_ms_now):
        self._wall = wall
        self._lock = threading.Lock()
        self._last = self._trusted(last or ZERO)

    def _trusted(self, saved: str) -> tuple[int, int]:
        try:
            last = decode(saved)
        except (ValueError, AttributeError, TypeError):
            log.warning("unreadable saved HLC stamp %r: restarting from the wall clock", saved)
            return (0, 0)
        if last[0] - self._wall() > MAX_SAVED_AHEAD_MS:
            log.warning("saved HLC stamp %s is far ahead of the wall clock: restarting from it", saved)
            return (0, 0)
        return last

    @property
    def last(self) -> str:
        return encode(*self._last)

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            self._last = (wall, 0) if wall > self._last[0] else _step(self._last)
            return encode(*self._last)

    def after(self, held: str) -> str:
        """Stamp a local event later than `held`, a version this replica already holds (accepted
        when it arrived, so it is not checked against the 24 h bound again): an edit must be
        stamped after the value it replaces, or every replica would keep the old value."""
        floor = decode(held)
        with self._lock:
            self._last = _step(max(self._last, floor))
            return encode(*self._last)

    def observe(self, remote: str, reference_ms: int | None = None) -> None:
        """Fold in a remote stamp. One more than 24 h ahead of our wall clock (or of `reference_ms`,
        the county's clock as its signed answer gave it, if later) raises `ClockSkewError`."""
        remote_last = decode(remote)
        with self._lock:
            wall = max(self._wall(), reference_ms or 0)
            if remote_last[0] - wall > MAX_AHEAD_MS:
                raise ClockSkewError(f"stamp {remote} is more than 24 h ahead of this clock")
            if remote_last > self._last:
                self._last = remote_last

    def ahead_of(self, reference_ms: int) -> bool:
        """Have this clock's own stamps run more than 24 h ahead of `reference_ms`?"""
        return self._last[0] - reference_ms > MAX_AHEAD_MS

    def reset(self, reference_ms: int) -> None:
        """Restart from the later of the wall clock and `reference_ms` (the county's clock)."""
        with self._lock:
            self._last = (max(self._wall(), reference_ms), 0)
