"""Garbage collection on the UI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is crossed.
When that is the store worker (`app/ui/ops.py`) and the garbage holds Qt objects, Qt objects are
destroyed off the UI thread, which crashes the process (seen as a segfault "Garbage-collecting"
inside a worker's query). As Anki does, automatic collection is switched off and a UI-thread timer
runs the same generational collections instead.

Every collection holds the GIL, so it pauses the worker and the window alike, for as long as the
objects it scans. Two rules keep the pauses short, as automatic collection keeps them:
- the timer checks often (`BUSY_MS`) while collections keep being due, so the youngest generation
  holds what a busy worker allocated in a few dozen milliseconds, not in half a second;
- a full collection (every object of the process) runs only once the heap has grown by a quarter
  since the last one, CPython's own guard against collecting a large long-lived heap over and over
  (measured here by the allocator's block count, which is cheap to read).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # nothing was due at the last check
BUSY_MS = 50  # a collection ran at the last check: allocation is going on
FULL_GROWTH = 4  # a full collection once the heap grew by 1/FULL_GROWTH since the last one
_timer: QTimer | None = None
_blocks_after_full = 0  # sys.getallocatedblocks() after the last full collection this module ran


def full_collection_due() -> bool:
    """The heap grew enough since the last full collection for another one to be worth its pause."""
    return sys.getallocatedblocks() - _blocks_after_full > _blocks_after_full // FULL_GROWTH


def collect_due() -> int | None:
    """Run the collection automatic GC would run now (the oldest generation whose threshold is
    crossed, the oldest one only if `full_collection_due`); the generation collected, or None."""
    global _blocks_after_full
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            if generation == 2 and not full_collection_due():
                continue
            gc.collect(generation)
            if generation == 2:
                _blocks_after_full = sys.getallocatedblocks()
            return generation
    return None


def _tick() -> None:
    collected = collect_due()
    if _timer is not None:
        _timer.setInterval(INTERVAL_MS if collected is None else BUSY_MS)


def install(parent: QObject) -> QTimer:
    """Switch automatic collection off and collect on a timer owned by `parent` (the application)."""
    global _timer
    if _timer is None:
        gc.disable()
        _timer = QTimer(parent)
        _timer.setInterval(INTERVAL_MS)
        _timer.timeout.connect(_tick)
        _timer.start()
    return _timer
