"""One cold start of the desktop over a scale store, in a fresh process (run by bench_scale).

    python -m bench.scale_start STORE   # prints one JSON line

From the unwrapped data key (what the login dialog holds once the password is checked; the key
derivation itself is excluded, as in bench_children, and so are the imports the app does while the
login dialog waits, `app/ui/preload.py`) to:
- `window_ms`: the main window built, shown and painted, with the 工作台's count cards filled;
- `usable_ms`: also the 儿童名册 page opened with its first page of rows and its count;
- `complete_ms`: every staged section of the 工作台 filled in (the store worker idle);
- `max_gap_ms`: the longest the event loop went without turning between the window being
  shown and `complete` (a 10 ms timer measures it): how long the window was unresponsive;
and the process CPU for each, then `rss_mib`: the peak resident memory after the list has also
run a search and a filter.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main(path: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench import scale_store

    key = scale_store.data_key(path)
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.ui.app import make_application

    app = make_application([])
    try:  # what the app imports while the login dialog waits for the password (app/ui/preload.py)
        from app.ui import preload
    except ImportError:  # the "before" tree
        preload = None
    if preload is not None:
        preload.modules()
    from app.data.store import Store
    from app.ui import ops
    from app.ui.context import UiContext
    from app.ui.main_window import MainWindow

    w0, c0 = time.perf_counter(), time.process_time()

    def mark() -> tuple[float, float]:
        return round((time.perf_counter() - w0) * 1000, 1), round((time.process_time() - c0) * 1000, 1)

    store = Store.open_with_key(path, key, scale_store.USER)
    ctx = UiContext(store)
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    window_ms, window_cpu = mark()

    gaps = [0.0]
    clock = QElapsedTimer()
    clock.start()

    def tick():
        gaps[0] = max(gaps[0], clock.restart())

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()

    window.show_page("children")
    page = window.stack.currentWidget()
    app.processEvents()
    assert page.model.rowCount() > 0
    page.model.index(0, 0).data()  # the first page of rows is read
    usable_ms, usable_cpu = mark()

    deadline = time.perf_counter() + 120
    while ops.busy().is_busy and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    complete_ms, complete_cpu = mark()
    timer.stop()

    page.search.setText("zhang")
    page.apply_query()
    page.model.index(0, 0).data()
    page.search.setText("")
    page.apply_query()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    store.close()
    return {"window_ms": window_ms, "window_cpu": window_cpu, "usable_ms": usable_ms, "usable_cpu": usable_cpu,
            "complete_ms": complete_ms, "complete_cpu": complete_cpu, "max_gap_ms": gaps[0],
            "rss_mib": round(rss, 1)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
