"""Garbage is collected on the UI thread only (app/ui/main_thread_gc.py): a collection on the store
worker destroys Qt objects off the UI thread and crashes the process."""

from __future__ import annotations

import gc
import sys
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


class _Node:
    """A container object the collector counts (lists and dicts may come from free lists, which it does not)."""

    def __init__(self, other=None):
        self.other = other


def _checks(n: int) -> list[int | None]:
    """`collect_due` n times, with a little cyclic garbage made before each."""
    ran = []
    for _ in range(n):
        a = _Node()
        a.other = _Node(a)
        del a
        ran.append(main_thread_gc.collect_due())
    return ran


def test_a_full_collection_waits_until_the_heap_grew_by_a_quarter(monkeypatch):
    """Automatic collection skips a full collection while the oldest generation grew by less than a
    quarter (each one scans every object of the process and pauses every thread); the UI thread's
    timer keeps that rule, or a long session with a large heap would pause again and again."""
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    gc.set_threshold(1, 1, 1)  # some collection is due at every check; the oldest one every few
    monkeypatch.setattr(main_thread_gc, "_blocks_after_full", 0)
    try:
        heap = [_Node() for _ in range(100_000)]  # long-lived objects
        ran = _checks(20)
        assert 2 in ran, ran  # the first full collection: nothing was measured before it
        assert 2 not in ran[ran.index(2) + 1:], ran  # garbage came and went: the heap did not grow
        assert 1 in ran[ran.index(2) + 1:], ran  # the younger generations are still collected

        start = sys.getallocatedblocks()
        while sys.getallocatedblocks() < start * 1.3:  # the heap grows by more than a quarter
            heap.extend(_Node() for _ in range(10_000))
        assert 2 in _checks(20)
    finally:
        gc.set_threshold(*thresholds)
        if was_enabled:
            gc.enable()
    assert len(heap) > 100_000
