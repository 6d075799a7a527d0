"""The 工作台's 跟进到期 list read from the partial index of visits with follow-ups (migration 0021,
issue 17) gives what reading every visit gives: the current version of each visit (its newest
amendment, also one that clears or completes the follow-ups), active children only, the most
overdue first with names breaking ties, and the full count."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, text

from app.core import clock
from app.data import demo
from app.data import visits as V
from app.data.dashboard import FOLLOW_UP_INDEX_NAME, follow_ups_due
from app.data.models import Child
from app.data.models.visits import Visit
from app.domain import schedule
from app.domain.vocab import STATUS_ACTIVE

TODAY = dt.date(2026, 11, 23)


def _every_visit(session, today, end):
    """The straightforward reading: every visit, the newest version of each, its open follow-ups."""
    newest: dict[str, Visit] = {}
    for v in session.scalars(select(Visit).where(Visit.deleted.is_(False))):
        key = v.amends_id or v.id
        if key not in newest or v.hlc > newest[key].hlc:
            newest[key] = v
    out = []
    for v in newest.values():
        child = session.get(Child, v.child_id)
        if child.deleted or child.status != STATUS_ACTIVE:
            continue
        for f in json.loads(v.follow_ups or "[]"):
            if f.get("done") or not f.get("due"):
                continue
            due = dt.date.fromisoformat(f["due"])
            if due <= end:
                out.append((due, child.name, child.id, f.get("action", ""), schedule.overdue_days(due, today)))
    out.sort(key=lambda x: (x[0], x[1]))
    return out


def _open_of(visit, end):
    return [f for f in json.loads(visit.follow_ups) if not f.get("done") and dt.date.fromisoformat(f["due"]) <= end]


def _listed(block):
    return [(i.due, i.name, i.child_id, i.note, i.days_overdue) for i in block.items]


def test_the_index_gives_what_every_visit_gives(store, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    demo.generate(store, 200, seed=3, today=TODAY)
    with store.read_session() as s:
        plan = " ".join(r[-1] for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM visit WHERE deleted = 0 AND (follow_ups NOT IN ('', '[]') "
            "OR amends_id IS NOT NULL)")))
        assert FOLLOW_UP_INDEX_NAME in plan
        visit = s.scalars(select(Visit).where(Visit.follow_ups.notin_(("", "[]")), Visit.amends_id.is_(None))
                          .order_by(Visit.id)).first()
        others = s.scalars(select(Visit).where(Visit.follow_ups.notin_(("", "[]")), Visit.amends_id.is_(None),
                                               Visit.child_id != visit.child_id).order_by(Visit.id)).all()
    with store.read_session() as s:
        before = follow_ups_due(s, TODAY).count
        end = TODAY + dt.timedelta(days=7)
        cleared, completed = (_open_of(v, end) for v in (visit, others[0]))
        gone = [x for x in _every_visit(s, TODAY, end) if x[2] == others[1].child_id]
    with store.session() as s:  # a correction clears one visit's follow-ups, another's are done
        V.amend_visit(s, visit.id, "已当场处理", follow_ups=[])
        done = [dict(f, done=True) for f in json.loads(others[0].follow_ups)]
        V.amend_visit(s, others[0].id, "已办结", follow_ups=done)
        moved = s.get(Child, others[1].child_id)
        moved.status, moved.status_date = "已转出", TODAY
    with store.read_session() as s:
        expected = _every_visit(s, TODAY, TODAY + dt.timedelta(days=7))
        for limit in (5, 50, 10_000):
            block = follow_ups_due(s, TODAY, limit=limit)
            assert block.count == len(expected)
            assert _listed(block) == expected[:limit]
        assert len(expected) > 50
        assert block.count == before - len(cleared) - len(completed) - len(gone)
