"""A category or group filter's count read from each child's category set (migration 0020, issue 17)
is the number of children the list shows, after every kind of write that touches categories: the
app's edits (add, remove, end now, end later, reopen), a removed child, rows moved to another child
(a merge of duplicate files), rows deleted outright (the purge), changes applied by sync (rows of a
child arriving before the child), and a store migrated with its categories already there."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete, select, text, update

from app.data import category_counts, demo
from app.data import children as C
from app.data.models import Child, ChildCategory
from app.domain import vocab
from app.sync import changes, merge
from app.sync.client import remote_session
from tests.sync.stores import make_store

TODAY = dt.date(2026, 11, 23)


def _queries() -> list[C.ChildQuery]:
    qs = [C.ChildQuery(group=g, status=st, colour=colour)
          for g in (vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP)
          for st in ("", vocab.STATUS_ACTIVE) for colour in ("", "红", C.UNASSESSED)]
    qs += [C.ChildQuery(category=c, status=st) for c in vocab.CATEGORIES for st in ("", vocab.STATUS_ACTIVE)]
    qs.append(C.ChildQuery(category=vocab.CATEGORY_LOW_INCOME, village="320115101201"))
    return qs


def _check(store) -> list[int]:
    """Every filter's count equals the number of children the list finds (read without the set)."""
    counts = []
    with store.read_session() as s:
        assert category_counts.ready(s)
        for q in _queries():
            listed = len(C.list_children(s, q, today=TODAY))
            fast = category_counts.count(s, q, TODAY)
            assert fast == listed, q
            assert C.count_children(s, q, today=TODAY) == listed
            counts.append(listed)
    return counts


def _rows(store, n: int, seed: int) -> list[ChildCategory]:
    with store.read_session() as s:
        rows = list(s.scalars(select(ChildCategory).where(ChildCategory.deleted.is_(False)).order_by(ChildCategory.id)))
    return random.Random(seed).sample(rows, n)


def test_counts_follow_every_write(tmp_path):
    a = make_store(tmp_path, "a")
    b = make_store(tmp_path, "b")
    try:
        demo.generate(a, 150, seed=5, today=TODAY, with_extensions=False)
        with a.session() as s:  # a few colours, so the colour filters count something
            for i, cid in enumerate(s.scalars(select(Child.id).order_by(Child.id))):
                s.execute(update(Child).where(Child.id == cid).values(colour=["红", "蓝", ""][i % 3]))
        before = _check(a)
        assert sum(before) > 0

        removed, ended, later, reopened = (_rows(a, 4, seed) for seed in (1, 2, 3, 4))
        with a.session() as s:
            for r in removed:
                C.remove_category(s, r.id)
            for r in ended:
                s.get(ChildCategory, r.id).ended = TODAY - dt.timedelta(days=2)
            for r in later:  # ends after today: still counted
                s.get(ChildCategory, r.id).ended = TODAY + dt.timedelta(days=20)
            for r in reopened:
                s.get(ChildCategory, r.id).ended = TODAY - dt.timedelta(days=1)
        with a.session() as s:
            for r in reopened:
                s.get(ChildCategory, r.id).ended = None
            kids = list(s.scalars(select(Child.id).order_by(Child.id)))
            for cid in kids[:3]:  # a new category, some twice over (one ended)
                s.add(ChildCategory(child_id=cid, category=vocab.CATEGORY_LOW_INCOME, since=TODAY))
                s.add(ChildCategory(child_id=cid, category=vocab.CATEGORY_LOW_INCOME, since=TODAY,
                                    ended=TODAY - dt.timedelta(days=1)))
            s.get(Child, kids[5]).deleted = True  # a removed file
        after_edits = _check(a)
        assert after_edits != before

        with a.session() as s:  # a merge moves one file's rows onto the kept file
            moved = s.scalars(select(ChildCategory).where(ChildCategory.child_id == kids[10])).all()
            for r in moved:
                r.child_id = kids[11]
        _check(a)
        with a.engine.begin() as conn:  # the purge deletes a child's rows outright
            conn.execute(delete(ChildCategory).where(ChildCategory.child_id == kids[20]))
            conn.execute(delete(ChildCategory).where(ChildCategory.id == _rows(a, 1, 9)[0].id))
        _check(a)

        # sync: the same changes applied to another store, a child's rows before the child itself
        with a.read_session() as s:
            batch = changes.read_batch(s, 100_000)
        batch.sort(key=lambda ch: ch.table != "child_category")
        with remote_session(b) as s:
            merge.apply(s, batch)
        _check(b)
    finally:
        a.close()
        b.close()


def test_a_store_with_categories_gets_its_sets_when_migrated(store, store_path):
    from app.data.store import Store
    from tests.conftest import PASSWORD

    demo.generate(store, 80, seed=7, today=TODAY, with_extensions=False)
    expected = _check(store)
    with store.engine.begin() as conn:  # as before migration 0020: no sets, no triggers
        for name in category_counts.TRIGGERS:
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text("UPDATE child SET category_set = ''"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0019_child_filter_counts' "
                          "WHERE version_num IN ('0020_child_category_set', '0022_child_id_search', "
                          "'0023_guardian_qualifying')"))
    with store.read_session() as s:
        assert category_counts.count(s, C.ChildQuery(group=vocab.LEFT_BEHIND_GROUP), TODAY) is None  # not kept
    store.close()
    reopened = Store.open(store_path, PASSWORD)
    try:
        assert _check(reopened) == expected
    finally:
        reopened.close()
