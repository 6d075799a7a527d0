"""USB bundles: export a device's file of 10,000 changes, open it at the county, import it there
(as a push) and write the answer, and import a county answer of 10,000 changes on a device.

Synthetic data only; stores live in a temporary folder.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from bench.common import Result

N = 10_000
PASSWORD = "bench-password-1"


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _fill(store, n: int) -> None:
    from app.data.models import Child

    with store.session() as s:
        for i in range(n):
            s.add(Child(village_code=store.village_code, name=f"测试{i:05d}", id_number=f"3201152010{i:08d}"[:18],
                        address=f"东山村{i % 12 + 1}组"))


def run() -> list[Result]:
    os.environ.setdefault("TONGHU_FAST_KDF", "1")
    from app.data.store import Store
    from app.sync import bundle as B
    from app.sync import bundle_io, client
    from app.sync.identity import Identity

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = Store.create(tmp / "v.store", user="lin", password=PASSWORD, village_code="320115101201",
                             village_name="东山村")
        county = Identity.generate()
        device = Identity.generate()
        store.set_setting(client.S_IDENTITY, device.to_json())
        store.set_setting(client.S_COUNTY, json.dumps(county.public().to_dict()))
        _fill(store, N)
        ms, exported = _timed(lambda: bundle_io.export_bundle(store, tmp / "usb"))
        size = exported.path.stat().st_size
        results.append(Result(f"bundle export {exported.count} changes", ms, "ms",
                              note=f"{size / 1024:.0f} KiB file"))
        data = exported.path.read_bytes()
        known = {device.public().fingerprint(): device.public()}
        ms, _ = _timed(lambda: B.open_bundle(data, me=county, senders=known.get, expect_kind=B.KIND_DEVICE))
        results.append(Result(f"bundle open+verify+decrypt {exported.count} changes", ms, "ms"))
        results.extend(_server_side(tmp, store, exported))
        store.close()
    return results


def _server_side(tmp: Path, store, exported) -> list[Result]:
    """County import of the device file and device import of the answer (needs the server)."""
    try:
        from app.server import bundles  # noqa: F401
    except ImportError:
        return [Result("bundle county import (server not available)", 0.0, "ms", note="skipped")]
    from bench import bundle_server_bench

    return bundle_server_bench(tmp, store, exported)
