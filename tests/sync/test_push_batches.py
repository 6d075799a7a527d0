"""Pushes go in batches of up to the protocol's 2,000 changes, cut so that no request nears the
county's 16 MiB body limit: a laptop whose outbox holds long texts (a value may be 4 MiB) still
syncs, through a real county server and a real store."""

from __future__ import annotations

import random
import string

from sqlalchemy import select

from app.data.models.child import Child
from app.sync import client
from tests.sync.stores import V1, add_child, make_store


def test_long_values_are_pushed_in_parts_below_the_body_limit(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    try:
        client.enrol(a, live.url, live.code(V1))
        rng = random.Random(7)
        notes = {}
        for i in range(5):  # 5 × 3.5 MB of notes: one request would be refused as too large
            text = "".join(rng.choices(string.ascii_letters, k=3_500_000))
            notes[add_child(a, f"儿童{i}", notes=text)] = text
        report = client.sync(a)
        assert report.refused == 0 and client.status(a)["pending"] == 0
        with live.db.sessions() as s:
            held = {cid: text for cid, text in s.execute(select(Child.id, Child.notes).where(Child.id.in_(list(notes))))}
        assert held == notes
    finally:
        a.close()


def test_parts_keep_order_and_size():
    from app.sync.merge import Change

    changes = [Change(table="child", row_id=str(i), field="notes", value="x" * size, hlc="0", base_hlc="0",
                      origin="d", id=str(i)) for i, size in enumerate([10, 4_000_000, 3_000_000, 10, 10, 5_000_000])]
    parts = list(client.by_size(changes, limit=6 * 1024 * 1024))
    assert [c.id for p in parts for c in p] == [c.id for c in changes]
    assert [len(p) for p in parts] == [2, 3, 1]
