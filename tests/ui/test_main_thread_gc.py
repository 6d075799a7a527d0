"""Garbage is collected on the UI thread only (app/ui/main_thread_gc.py): a collection on the store
worker destroys Qt objects off the UI thread and crashes the process."""

from __future__ import annotations

import gc
import threading

from app.ui import main_thread_gc, ops


def test_a_worker_making_garbage_never_runs_the_collector(qtbot, ctx):
    collected_on = []

    def note(phase, _info):
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    def work(_progress):
        kept = []
        for i in range(300_000):  # far past the collector's threshold (700 allocations)
            cycle: list = []
            cycle.append(cycle)
            if i % 1000 == 0:
                kept.append(cycle)
        return len(kept)

    gc.callbacks.append(note)
    try:
        op = ops.run(None, work).wait(60000)
        qtbot.wait(main_thread_gc.INTERVAL_MS * 3)  # the UI thread's timer collects what is due
    finally:
        gc.callbacks.remove(note)
    assert op.error is None and op.result == 300
    assert not gc.isenabled()
    assert collected_on, "nothing was collected at all"
    assert set(collected_on) == {threading.main_thread().name}, collected_on
