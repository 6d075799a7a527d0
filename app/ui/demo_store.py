"""The demo store a newcomer can start with: an encrypted store of a synthetic village.

The demo password is public (shown on the login screen) because the data is invented. A small
marker file beside the store lets the login screen know it is the demo before it is unlocked.

The demo lives at its own path beside the real store (`tonghu.store` → `tonghu-demo.store`), so
先看看演示数据 never takes the real store's place and the real store can be created afterwards;
it can never be enrolled or synced (`app.data.demo_guard`).
"""

from __future__ import annotations

from pathlib import Path

DEMO_USER = "demo"
DEMO_PASSWORD = "tonghu-demo"
DEMO_CHILDREN = 150
DEMO_VILLAGE = dict(
    village_code="320115101201", village_name="东山村", township_name="秣陵街道", county_name="江宁区",
)


def demo_path(real_store_path: Path | str) -> Path:
    """Where the demo store lives for the real store at `real_store_path`."""
    p = Path(real_store_path)
    return p.with_name(f"{p.stem}-demo{p.suffix}")


def open_or_create_demo(real_store_path: Path | str, children: int | None = None):
    """The demo store beside the real one, open: made the first time, reopened afterwards."""
    from app.data.store import Store

    path = demo_path(real_store_path)
    if path.exists():
        return Store.open(path, DEMO_PASSWORD, user=DEMO_USER)
    return create_demo_store(path, children)


def marker_path(store_path: Path | str) -> Path:
    p = Path(store_path)
    return p.with_name(p.name + ".demo")


def is_demo(store_path: Path | str) -> bool:
    return marker_path(store_path).exists()


def create_demo_store(path: Path | str, children: int | None = None):
    """Create and fill the demo store; returns it open."""
    from app.data.demo import generate
    from app.data.store import Store

    store = Store.create(path, user=DEMO_USER, password=DEMO_PASSWORD, display_name="演示用户", **DEMO_VILLAGE)
    generate(store, children or DEMO_CHILDREN, seed=1)
    store.set_setting("demo", "1")
    marker_path(path).write_text("synthetic demo data; password: " + DEMO_PASSWORD + "\n", encoding="utf-8")
    return store
