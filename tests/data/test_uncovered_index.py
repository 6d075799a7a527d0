"""应保未保 reads the parents whose circumstances may qualify from their partial index (migration
0023, issue 17) and finds the same children, kinds and reasons as a scan of every guardian;
待终止 is unchanged too."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from app.data import benefits, demo
from app.data.models import Guardian

TODAY = dt.date(2026, 11, 23)


def _lists(store):
    with store.read_session() as s:
        unpaid = [(u.child.id, tuple(u.kinds), u.reason) for u in benefits.looks_eligible_unpaid(s, TODAY)]
        ending = [(t.child.id, t.entitlement.id, t.end_date, t.reason) for t in benefits.entitlements_to_end(s, TODAY)]
    return unpaid, ending


def test_the_parents_index_finds_what_a_scan_finds(store):
    demo.generate(store, 300, seed=4, today=TODAY)
    with store.session() as s:  # a few more both-parents cases, one of them removed
        kids = list(s.scalars(select(Guardian.child_id).where(Guardian.relation == "父亲").order_by(Guardian.id)))[:6]
        for i, cid in enumerate(kids):
            for parent in s.scalars(select(Guardian).where(Guardian.child_id == cid)):
                parent.circumstance = ["死亡", "失踪", "服刑在押"][i % 3]
                parent.circumstance_since = TODAY - dt.timedelta(days=400)
                parent.deleted = i == 5
    with store.read_session() as s:
        plan = " ".join(r[-1] for r in s.execute(text(
            f"EXPLAIN QUERY PLAN SELECT child_id FROM guardian WHERE {benefits.QUALIFYING_PARENTS}")))
        assert benefits.PARENT_INDEX_NAME in plan
    indexed = _lists(store)
    assert len(indexed[0]) > 20 and any("事实无人抚养" in reason for _, _, reason in indexed[0])
    with store.engine.begin() as conn:
        conn.execute(text(f"DROP INDEX {benefits.PARENT_INDEX_NAME}"))
    assert _lists(store) == indexed
