"""How long the login stays locked after repeated wrong passwords: a delay that grows."""

from __future__ import annotations

FREE_ATTEMPTS = 3
BASE_DELAY_S = 30
MAX_DELAY_S = 3600


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive wrong passwords (0 for the first few)."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(BASE_DELAY_S * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S)


def seconds_left(failures: int, last_failure: float, now: float) -> int:
    """Seconds the login stays locked at `now` (epoch seconds), never more than the delay itself.

    A laptop clock set back (a flat CMOS battery, a year typed wrong) must not lock the user out
    until the clock catches up with the last failure: set back by less than the delay, the wait
    is the delay; by more, the time of the failure is unknown and the lock is released (setting
    the clock forward releases it too, so this gives a guesser nothing new).
    """
    delay = delay_after(failures)
    if now < last_failure - delay:
        return 0
    return max(0, min(delay, int(round(last_failure + delay - now))))
