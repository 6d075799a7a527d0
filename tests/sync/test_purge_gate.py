"""The work after a sync is in proportion to what changed (issue 17): the out-of-scope purge is
skipped when nothing moved — it reads no child's file — and runs when a child moved (by a pulled
change or a local edit, once sent) or the scope changed. Real encrypted stores."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event, select, update

from app.data.models.child import Child, Guardian
from app.sync import changes as outbox
from app.sync import purge_gate
from app.sync.client import remote_session
from tests.sync.stores import V1, V2, add_child, add_guardian, edit, get, make_store


@contextmanager
def statements(store):
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def village(tmp_path, n: int = 5):
    store = make_store(tmp_path, "a", V1)
    kids = [add_child(store, f"儿童{i}") for i in range(n)]
    mothers = [add_guardian(store, cid, f"母亲{i}") for i, cid in enumerate(kids)]
    with remote_session(store) as s:  # as after a first sync: nothing waits to be sent
        outbox.acknowledge(s, list(s.scalars(select(outbox.OutboxChange.change_id))))
    return store, kids, mothers


def test_nothing_moved_skips_the_purge_and_reads_no_file(tmp_path):
    store, kids, _ = village(tmp_path)
    assert purge_gate.after_sync(store, set()) == 0  # never checked: the full check, once
    with statements(store) as seen:
        assert purge_gate.after_sync(store, set(kids)) == 0
    linked = [sql for sql in seen if "guardian" in sql or "visit" in sql or "DELETE" in sql]
    assert linked == [], linked  # only the child index was read: no file scanned, nothing removed
    assert all(get(store, Child, cid) is not None for cid in kids)
    store.close()


def test_a_child_moved_by_the_county_is_purged_with_its_file(tmp_path):
    store, kids, mothers = village(tmp_path)
    purge_gate.after_sync(store, set())
    with remote_session(store) as s:  # a pulled change: the county moved the child to 东山二村
        s.execute(update(Child).where(Child.id == kids[0]).values(village_code=V2))
    assert purge_gate.after_sync(store, {kids[0]}) == 1
    assert get(store, Child, kids[0]) is None and get(store, Guardian, mothers[0]) is None
    assert all(get(store, Child, cid) is not None for cid in kids[1:])
    store.close()


def test_a_local_move_is_purged_once_sent(tmp_path):
    store, kids, mothers = village(tmp_path)
    purge_gate.after_sync(store, set())
    edit(store, Child, kids[1], village_code=V2)  # moved here; the change waits to be sent
    assert purge_gate.after_sync(store, set()) == 0
    assert get(store, Child, kids[1]) is not None  # kept: nothing is lost before the county has it
    with remote_session(store) as s:
        outbox.acknowledge(s, list(s.scalars(select(outbox.OutboxChange.change_id))))
    assert purge_gate.after_sync(store, set()) == 1
    assert get(store, Child, kids[1]) is None and get(store, Guardian, mothers[1]) is None
    store.close()


def test_rows_arriving_after_their_child_left_are_purged(tmp_path):
    store, kids, _ = village(tmp_path)
    purge_gate.after_sync(store, set())
    gone = "0192f0d8-0000-7000-8000-00000000abcd"
    with remote_session(store) as s:  # a guardian row of a child this laptop no longer holds
        s.add(Guardian(id="0192f0d8-0000-7000-8000-00000000beef", child_id=gone, relation="父亲", name="某某"))
    assert purge_gate.after_sync(store, {gone, kids[0]}) == 1
    assert get(store, Guardian, "0192f0d8-0000-7000-8000-00000000beef") is None
    assert get(store, Child, kids[0]) is not None
    store.close()


def test_a_new_scope_runs_the_full_check(tmp_path):
    store, kids, _ = village(tmp_path, 3)
    purge_gate.after_sync(store, set())
    store.set_setting("scope", V2)  # enrolled again, for another village
    assert purge_gate.after_sync(store, set()) == 3
    assert all(get(store, Child, cid) is None for cid in kids)
    assert purge_gate.after_sync(store, set()) == 0
    store.close()
