"""Staged start (issue 17): the window comes up with the 工作台 counts at once, and its heavier
lists (应保未保 …) fill in from the store worker, read once, while the window stays interactive —
the event loop keeps turning and the 儿童名册 answers before they arrive."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QElapsedTimer, QTimer

from app.data import benefits
from app.ui.main_window import MainWindow

SLOW_SECONDS = 3.0  # had the window waited for the list, the event loop would stop this long


def test_window_is_interactive_while_the_heavier_lists_load(qtbot, ctx, kids, monkeypatch):
    real = benefits.looks_eligible_unpaid
    calls, never = [], threading.Event()

    def slow(*args, **kwargs):  # a county-sized 应保未保 list: slow, on the store worker
        calls.append(threading.current_thread().name)
        never.wait(SLOW_SECONDS)  # sleeps without holding the interpreter
        return real(*args, **kwargs)

    monkeypatch.setattr(benefits, "looks_eligible_unpaid", slow)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dash = window.pages["dashboard"]
    assert dash.cards["never"].count == 3  # the counts are there at once
    block = next(w for w in dash.sections if type(w).__name__ == "ProtectionSection")
    uncovered = block.parts[1][1]
    assert uncovered.summary.text() == "正在统计…" and uncovered.count == 0

    ticks, longest = [], [0]
    clock = QElapsedTimer()
    clock.start()

    def tick():
        longest[0] = max(longest[0], clock.restart())
        ticks.append(time.monotonic())

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    qtbot.wait(300)
    window.show_page("children")  # the user goes on working meanwhile
    page = window.stack.currentWidget()
    assert page.model.rowCount() == 3 and uncovered.count == 0  # 在册: 赵强 moved away
    qtbot.waitUntil(lambda: uncovered.count > 0, timeout=15000)
    timer.stop()

    assert len(ticks) >= 10, len(ticks)  # the event loop turned all along (loosely: a shared, busy machine)
    assert longest[0] < SLOW_SECONDS * 1000 * 2 / 3, longest[0]
    assert calls == ["tonghu-store_0"]  # read once, on the store worker
    names = [line.split("　")[0] for line in uncovered.list.lines()]
    assert "李华" in names  # 散居孤儿 with no entitlement: 应保未保
    assert block.tabs.tabText(1) == f"应保未保 {uncovered.count}"
