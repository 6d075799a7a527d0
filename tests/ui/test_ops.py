"""`app.ui.ops`: work runs on one shared worker, the event loop keeps turning, failures reach the
one error path."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from app.data.models import Child
from app.ui import errors, ops

TODAY = dt.date(2026, 11, 2)


def test_work_runs_on_the_one_store_worker_in_order(qtbot):
    seen, done = [], []

    def work(name):
        def run(progress):
            seen.append((name, threading.current_thread().name, threading.current_thread().ident))
            time.sleep(0.05)
            return name
        return run

    first = ops.run(None, work("a"), done=done.append)
    second = ops.run(None, work("b"), done=done.append)
    assert ops.busy().is_busy
    second.wait()
    first.wait()
    assert done == ["a", "b"] and [s[0] for s in seen] == ["a", "b"]
    assert seen[0][2] == seen[1][2] != threading.main_thread().ident  # one thread, not the UI's
    assert seen[0][1].startswith(ops.worker_thread_name)
    assert not ops.busy().is_busy


def test_progress_reaches_the_ui_thread(qtbot):
    got = []

    def work(progress):
        for i in range(3):
            progress("步骤", i + 1, 3)
        return "ok"

    op = ops.run(None, work, progress=lambda text, done, total: got.append(
        (text, done, total, threading.current_thread() is threading.main_thread()))).wait()
    assert op.result == "ok" and got == [("步骤", i, 3, True) for i in (1, 2, 3)]


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_the_work_is_logged_and_shown(qtbot, tmp_path, monkeypatch):
    from app.core import log

    monkeypatch.setenv(log.ENV_DIR, str(tmp_path))
    log.setup("app")

    def work(progress):
        raise ZeroDivisionError("姓名：张小明")

    op = ops.run(None, work, title="测试").wait()
    assert isinstance(op.error, ZeroDivisionError)
    dialog = errors.current_crash_dialog()
    assert dialog is not None and dialog.isVisible() and "ZeroDivisionError" in dialog.details.toPlainText()
    dialog.accept()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "tonghu-app.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in text and "张小明" not in text


class _CollectionLog:
    """A `gc.callbacks` entry noting when each collection started, its generation and how long it took."""

    def __init__(self):
        self.runs: list[tuple[float, int, float]] = []
        self._start = 0.0

    def __call__(self, phase, info):
        if phase == "start":
            self._start = time.monotonic()
        else:
            self.runs.append((self._start, info["generation"], time.monotonic() - self._start))

    def since(self, started: float) -> list[tuple[float, int, float]]:
        return [(round(at - started, 2), generation, round(took, 3)) for at, generation, took in self.runs]


def test_event_loop_keeps_turning_during_a_big_school_roll_import(qtbot, ctx, store, tmp_path):
    """A county roll of 40,000 rows: the wizard's import runs on the worker while a 10 ms timer on
    the UI thread keeps ticking (it would not tick at all if the import ran on the UI thread)."""
    from app.data import schoolroll_sample as sample
    from app.ui.protection.schoolroll import SchoolRollWizard

    kids = sample.village_children(150, seed=7, today=TODAY)
    with store.session() as s:
        for k in kids:
            s.add(Child(village_code="320115101201", name=k.name, id_number=k.id_number, sex=k.sex,
                        birth_date=k.birth_date, school=k.school, school_stage=k.school_stage))
    header, rows, _ = sample.make_roll(kids, today=TODAY, total=40000)
    path = tmp_path / "roll.csv"
    sample.write_csv(path, header, rows)
    wizard = SchoolRollWizard(ctx, path=str(path))
    wizard.today = TODAY
    qtbot.addWidget(wizard)
    wizard.forward()
    wizard.skip_bad.setChecked(True)

    # What is measured is the app: a full collection of the heap that hundreds of earlier tests
    # left behind would stop every thread for a second or more inside the measured window.
    gc.collect()
    gc.freeze()
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    collections = _CollectionLog()
    gc.callbacks.append(collections)
    timer.start()
    started = time.monotonic()
    check = wizard.check()  # reads and checks 40,000 rows
    assert not check.finished  # returned at once; the work is still running
    check.wait(120000)
    op = wizard.do_import()  # compares them with the register and writes the findings
    assert not op.finished
    op.wait(120000)
    took = time.monotonic() - started
    timer.stop()
    gc.callbacks.remove(collections)
    gc.unfreeze()
    assert check.error is None and op.error is None and wizard.pages.currentIndex() == 2
    during = [t for t in ticks if t <= started + took]
    assert took > 0.2, f"import too quick ({took:.2f} s) to show anything"
    print(f"import {took:.2f} s, {len(during)} ticks of 10 ms")
    # On the UI thread the import would allow no tick at all until it ended; a shared, busy
    # machine may slow the ticks, so ask for a few and no stall of most of the import.
    assert len(during) >= 5, (len(during), took)
    gaps = [(b - a, a - started) for a, b in zip([started, *during], [*during, started + took], strict=True)]
    longest_gap, at = max(gaps)
    # Not stalled for most of the import. The one stall seen in full-suite runs (about 1 s) was
    # the UI thread's garbage timer running full collections regardless of the heap's growth
    # (fixed in app/ui/main_thread_gc.py: 0.14 -> 0.04 s); alone the longest gap is well under
    # 0.5 s. Should it fail, the message says which collections ran when.
    assert longest_gap < max(0.5, took * 0.6), (
        f"the UI stalled {longest_gap:.2f} s from {at:.2f} s into a {took:.2f} s import; "
        f"collections (s into the import, generation, s taken): {collections.since(started)}")
