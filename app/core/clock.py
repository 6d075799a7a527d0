"""The one wall clock of the program: every "now" and "today" in app code comes from here.

Reading `datetime.now()`, `date.today()` or `time.time()` anywhere else makes code untestable on
the days it matters (month ends, New Year, a laptop whose clock is a year off). Tests freeze or
move this clock with `frozen(...)`; the real source is the system clock.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

UTC = dt.timezone.utc


def _system() -> dt.datetime:
    return dt.datetime.now(UTC)


_lock = threading.Lock()
_source: Callable[[], dt.datetime] = _system


def now() -> dt.datetime:
    """The current instant, timezone-aware UTC."""
    return _source()


def utcnow() -> dt.datetime:
    """Naive UTC, as the stores keep timestamps."""
    return now().replace(tzinfo=None)


def local_now() -> dt.datetime:
    """Naive local time (what a person reads off the laptop's clock)."""
    return now().astimezone().replace(tzinfo=None)


def today() -> dt.date:
    """The local calendar day."""
    return local_now().date()


def timestamp() -> float:
    """Seconds since the epoch, as `time.time()` gives them (login lock-out times)."""
    return now().timestamp()


def wall_ms() -> int:
    """Milliseconds since the epoch (the physical part of HLC stamps)."""
    if _source is _system:
        return int(time.time() * 1000)
    return int(now().timestamp() * 1000)


def sleep(seconds: float) -> None:
    """Wait `seconds`: for real on the system clock; a frozen clock is moved on instead (tests never sleep)."""
    source = _source
    if isinstance(source, Frozen):
        source.advance(seconds=max(0.0, seconds))
    elif seconds > 0:
        time.sleep(seconds)


def set_source(source: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (None restores the system clock). The source returns aware datetimes."""
    global _source
    with _lock:
        _source = source or _system


def _aware(at: dt.datetime | dt.date) -> dt.datetime:
    if not isinstance(at, dt.datetime):
        at = dt.datetime.combine(at, dt.time(12, 0))
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.datetime.now().astimezone().tzinfo)
    return at.astimezone(UTC)


@contextmanager
def frozen(at: dt.datetime | dt.date, *, ticking: bool = False) -> Iterator["Frozen"]:
    """Run with the clock set to `at` (a date means local noon that day); naive datetimes are local.
    With `ticking`, time moves on from `at` at the real rate. `move_to`/`advance` shift it."""
    state = Frozen(_aware(at), ticking)
    previous = _source
    set_source(state)
    try:
        yield state
    finally:
        set_source(previous if previous is not state else None)


class Frozen:
    def __init__(self, at: dt.datetime, ticking: bool):
        self._at = at
        self._ticking = ticking
        self._started = time.monotonic()

    def __call__(self) -> dt.datetime:
        if self._ticking:
            return self._at + dt.timedelta(seconds=time.monotonic() - self._started)
        return self._at

    def move_to(self, at: dt.datetime | dt.date) -> None:
        self._at = _aware(at)
        self._started = time.monotonic()

    def advance(self, **delta: float) -> None:
        self._at += dt.timedelta(**delta)
