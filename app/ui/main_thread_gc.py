"""Garbage collection on the UI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is crossed.
When that is the store worker (`app/ui/ops.py`) and the garbage holds Qt widgets, Qt objects are
destroyed off the UI thread, which crashes the process (seen as a segfault "Garbage-collecting"
inside a worker's query). As Anki does, automatic collection is switched off and a UI-thread timer
runs the same generational collections instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_timer: QTimer | None = None


def collect_due() -> int | None:
    """Run the collection automatic GC would run now (the oldest generation whose threshold is
    crossed); the generation collected, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None


def install(parent: QObject) -> QTimer:
    """Switch automatic collection off and collect on a timer owned by `parent` (the application)."""
    global _timer
    if _timer is None:
        gc.disable()
        _timer = QTimer(parent)
        _timer.setInterval(INTERVAL_MS)
        _timer.timeout.connect(collect_due)
        _timer.start()
    return _timer
