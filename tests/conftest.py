"""Shared fixtures: offscreen Qt, a cheap key derivation, real encrypted stores in tmp dirs, and a
frozen clock (`frozen_clock`) for every test whose outcome depends on the date."""

from __future__ import annotations

import datetime as dt
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TONGHU_FAST_KDF"] = "1"
os.environ["TONGHU_TESTING"] = "1"  # lets subprocesses honour TONGHU_FAST_KDF (app/data/keys.py)
# Logs of the test run go to a throw-away folder, never the developer's own log folder.
if "TONGHU_LOG_DIR" not in os.environ:
    import tempfile

    os.environ["TONGHU_LOG_DIR"] = tempfile.mkdtemp(prefix="tonghu-test-logs-")
# County servers on PostgreSQL keep their key files here, never in the developer's data folder.
if "TONGHU_SERVER_KEYS_DIR" not in os.environ:
    import tempfile

    os.environ["TONGHU_SERVER_KEYS_DIR"] = tempfile.mkdtemp(prefix="tonghu-test-server-keys-")

import pytest  # noqa: E402

from app.core import clock  # noqa: E402
from app.data.store import Store  # noqa: E402

PASSWORD = "correct-horse-9"
VILLAGE = "320115101201"
# The instant `frozen_clock` shows unless the test says otherwise (local time: a Monday morning).
FROZEN_AT = dt.datetime(2026, 11, 2, 10, 0)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "frozen_at(when): the instant `frozen_clock` shows (a date, datetime or ISO string)")


def _instant(value) -> dt.date | dt.datetime:
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)
    return value


@pytest.fixture
def frozen_clock(request):
    """Freeze `app.core.clock` (every "now" and "today" of the app) for this test.

    At FROZEN_AT unless the test is marked `@pytest.mark.frozen_at("2026-12-01")` (a date means
    local noon). Yields the handle: `frozen_clock.move_to(day)`, `frozen_clock.advance(days=1)`.
    Ask for it before `store`/`ctx` so the store is created under the frozen clock too.
    """
    marker = request.node.get_closest_marker("frozen_at")
    with clock.frozen(_instant(marker.args[0]) if marker else FROZEN_AT) as frozen:
        yield frozen


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "village.store"


@pytest.fixture
def store(store_path):
    """A fresh, empty encrypted store for the village 东山村 (synthetic)."""
    s = Store.create(
        store_path, user="lin", password=PASSWORD, village_code=VILLAGE,
        village_name="东山村", township_name="秣陵街道", county_name="江宁区", display_name="林主任",
    )
    yield s
    ops = sys.modules.get("app.ui.ops")
    if ops is not None:  # a UI test may leave work queued on the store worker: let it finish first
        ops.drain()
    s.close()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """Once app.ui.ops has moved garbage collection onto the UI thread's timer, tests that turn no
    event loop still collect: the collection due runs after each test, on this thread."""
    yield
    gc_module = sys.modules.get("app.ui.main_thread_gc")
    if gc_module is not None:
        gc_module.collect_due()
