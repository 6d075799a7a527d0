"""The merge on its own (no server): order does not matter, repeats change nothing, a concurrent
loser is kept as a Conflict, append-only rows never conflict, unknown tables are refused."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from app.data.models.child import Child
from app.data.models.local import OutboxChange
from app.data.models.sync import Conflict
from app.sync import changes, merge
from app.sync.client import remote_session
from tests.sync.stores import V1, add_child, edit, make_store


def _outbox(store):
    with store.read_session() as s:
        return changes.read_batch(s, 10_000)


def _state(store):
    with store.read_session() as s:
        kids = {c.id: (c.name, c.phone, c.deleted) for c in s.scalars(select(Child))}
        conflicts = {(c.row_id, c.field, c.winner_value, c.loser_value) for c in s.scalars(select(Conflict))}
    return kids, conflicts


def test_order_and_repeats_do_not_matter(tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    cid = add_child(a, "甲")
    base = _outbox(a)
    with remote_session(b) as s:
        merge.apply(s, base)
    edit(a, Child, cid, phone="1", name="甲一")
    edit(b, Child, cid, phone="2")
    edit(b, Child, cid, deleted=True)
    ca = [c for c in _outbox(a) if c.field != "*"]
    cb = [c for c in _outbox(b) if c.table == "child"]
    stores = []
    for i, order in enumerate(itertools.islice(itertools.permutations(ca + cb), 0, 24, 5)):
        st = make_store(tmp_path, f"r{i}", V1)
        with remote_session(st) as s:
            merge.apply(s, base)
            merge.apply(s, list(order))
            merge.apply(s, list(order))  # repeated: nothing changes
        stores.append(st)
    states = [_state(st) for st in stores]
    assert all(x == states[0] for x in states)
    kids, conflicts = states[0]
    assert kids[cid][2] is True and kids[cid][0] == "甲一"
    assert len([c for c in conflicts if c[1] == "phone"]) == 1
    for st in stores + [a, b]:
        st.close()


def test_unknown_table_or_field_refused_whole_batch(tmp_path):
    a = make_store(tmp_path, "a", V1)
    cid = add_child(a, "甲")
    good = _outbox(a)
    bad = merge.Change("child", cid, "colour", '"红"', good[-1].hlc, good[-1].base_hlc, "x")
    st = make_store(tmp_path, "b", V1)
    with pytest.raises(merge.MergeError):
        with remote_session(st) as s:
            merge.apply(s, good + [bad])
    with pytest.raises(merge.MergeError):
        with remote_session(st) as s:
            merge.apply(s, [merge.Change("nope", cid, "x", "1", good[0].hlc, good[0].base_hlc, "x")])
    with st.read_session() as s:
        assert s.get(Child, cid) is None
    a.close()
    st.close()


def test_outbox_priority_first_acknowledged_leave_refused_stay_visible(store):
    from app.data.models.protection import MandatoryReport
    import datetime as dt

    cid = add_child(store, "甲")
    with store.session() as s:
        s.add(MandatoryReport(child_id=cid, found_at=dt.datetime(2026, 1, 1), recorded_at=dt.datetime(2026, 1, 1)))
    with store.read_session() as s:
        batch = changes.read_batch(s, 2)
    assert batch[0].table == "mandatory_report"
    assert len({c.id for c in batch}) == 2 and all(len(c.id) == 36 for c in batch)
    with store.read_session() as s, s.begin():
        changes.acknowledge(s, [c.id for c in changes.read_batch(s, 100)])
        assert s.scalar(select(OutboxChange.seq).limit(1)) is None  # nothing kept once the county holds it
    other = add_child(store, "乙")
    edit(store, Child, other, phone="1")
    with store.read_session() as s, s.begin():
        first, second = changes.read_batch(s, 10)
        changes.refuse(s, [(first.id, "out_of_scope", "不属于本设备负责的范围")])
    with store.read_session() as s:
        assert [c.id for c in changes.read_batch(s, 10)] == [second.id]  # a refusal never blocks the queue
        assert changes.pending_count(s) == 1
        (shown,) = changes.refused(s)
        assert (shown["row_id"], shown["code"], shown["message"]) == (other, "out_of_scope", "不属于本设备负责的范围")


def _send(a, b):
    """Apply a's queued changes on b, then clear them from a's outbox as the county would."""
    with remote_session(b) as s:
        result = merge.apply(s, _outbox(a))
    with a.read_session() as s, s.begin():
        changes.acknowledge(s, [c.id for c in changes.read_batch(s, 10_000)])
    return result


def _concurrent_phone_edits(tmp_path):
    """Two replicas of one child; b sets the phone to 222, a (later, so it wins) to 111."""
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    cid = add_child(a, "甲")
    _send(a, b)
    edit(b, Child, cid, phone="222")
    edit(a, Child, cid, phone="111")  # later: wins
    return a, b, cid, _send(a, b)


def test_conflict_keep_or_swap(tmp_path):
    a, b, cid, result = _concurrent_phone_edits(tmp_path)
    assert len(result.conflicts) == 1
    with b.read_session() as s:
        c = s.scalars(select(Conflict)).one()
        assert (c.winner_value, c.loser_value, c.loser_actor) == ('"111"', '"222"', "b")
        assert s.get(Child, cid).phone == "111"
    with b.session() as s:
        merge.resolve(s, c.seq, swap=True, user="b")
    with b.read_session() as s:
        assert s.get(Child, cid).phone == "222"
        assert s.scalars(select(Conflict)).one().resolution == "swapped"
        last = s.scalars(select(OutboxChange).order_by(OutboxChange.seq.desc())).first()
        assert (last.field, last.value) == ("phone", '"222"')
    a.close()
    b.close()


def test_swap_of_a_superseded_conflict_never_brings_back_an_old_value(tmp_path):
    a, b, cid, _ = _concurrent_phone_edits(tmp_path)
    edit(a, Child, cid, phone="333")  # the field moves on after the conflict
    _send(a, b)
    with b.read_session() as s:
        c = s.scalars(select(Conflict)).one()
        assert c.key == merge.conflict_key("child", cid, "phone", c.loser_hlc, c.loser_origin)
    with pytest.raises(merge.SupersededError):
        with b.session() as s:
            merge.resolve(s, c.seq, swap=True, user="b")
    with b.read_session() as s:
        assert s.get(Child, cid).phone == "333"
    a.close()
    b.close()
