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
    return max(0, int(round(last_failure + delay_after(failures) - now)))
