"""Shared fixtures: offscreen Qt, a cheap key derivation, and real encrypted stores in tmp dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TONGHU_FAST_KDF"] = "1"
# Logs of the test run go to a throw-away folder, never the developer's own log folder.
if "TONGHU_LOG_DIR" not in os.environ:
    import tempfile

    os.environ["TONGHU_LOG_DIR"] = tempfile.mkdtemp(prefix="tonghu-test-logs-")

import pytest  # noqa: E402

from app.data.store import Store  # noqa: E402

PASSWORD = "correct-horse-9"
VILLAGE = "320115101201"


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
    s.close()
