"""Two races the convergence property test found, each through a real county server and real
stores: a transfer that loses the merge must not steer the scope checks of the rest of its push,
and an edit must be stamped after the value it replaces even when this laptop's clock never saw
that value's stamp (a year-slow laptop that took the county's value after a refusal)."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core import hlc
from app.data.models.child import Child, Guardian
from app.data.models.local import OutboxChange
from app.sync import changes, client
from app.sync.client import remote_session
from tests.sync.stores import TOWNSHIP, V1, V2, V3, add_child, add_guardian, edit, get, make_store

YEAR_MS = 365 * 24 * 3600 * 1000


def _slow(store):
    store.clock = hlc.HybridClock(store.clock.last, wall=lambda: hlc.wall_ms_now() - YEAR_MS)


def test_a_losing_transfer_does_not_drop_the_child_from_its_own_village(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    t = make_store(tmp_path, "t", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(t, live.url, live.code(TOWNSHIP))
    cid = add_child(a, "甲")
    client.sync(a)
    client.sync(t)
    edit(t, Child, cid, village_code=V2)  # the township moves the child away...
    client.sync(t)
    edit(a, Child, cid, village_code=V3, name="甲改")  # a, not knowing: one batch, a transfer and an edit
    edit(t, Child, cid, village_code=V1)  # ...and back again, after a's edit
    client.sync(t)

    report = client.sync(a)
    with live.db.sessions() as s:
        held = s.get(Child, cid)
        assert held.village_code == V1  # a's transfer was older than the move back: it lost (a conflict)
        assert held.name == "甲改"      # the edit made after it is the county's value
    assert report.refused == 0
    mine = get(a, Child, cid)
    assert mine is not None and mine.village_code == V1 and mine.name == "甲改"
    a.close()
    t.close()


def test_an_edit_after_taking_the_countys_value_wins_on_a_slow_laptop(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    client.sync(b)
    _slow(b)
    edit(a, Child, cid, phone="111")
    client.sync(a)
    with live.db.sessions() as s:
        version = json.loads(s.get(Child, cid).versions)["phone"]
    # b is told the county's value and version (as after a refusal), without pulling anything
    with remote_session(b) as s:
        changes.take_county_values(s, [("child", cid, {"field": "phone", "value": '"111"', "version": version})])
    edit(b, Child, cid, phone="222")
    with b.read_session() as s:
        stamp = s.scalars(select(OutboxChange.hlc).where(OutboxChange.field == "phone")).one()
    assert stamp > version[0]  # stamped after what it replaces, though b's wall clock is a year behind
    client.sync(b)
    client.sync(a)
    with live.db.sessions() as s:
        assert s.get(Child, cid).phone == "222"
    assert get(a, Child, cid).phone == "222" and get(b, Child, cid).phone == "222"
    a.close()
    b.close()


def test_a_row_re_parented_onto_another_villages_child_follows_it(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    c = make_store(tmp_path, "c", V2)
    t = make_store(tmp_path, "t", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(c, live.url, live.code(V2))
    client.enrol(t, live.url, live.code(TOWNSHIP))
    x = add_child(a, "甲")
    guardian = add_guardian(a, x, "甲母")
    edit(a, Guardian, guardian, phone="13800000001")
    y = add_child(c, "乙")
    for st in (a, c, t):
        client.sync(st)
    edit(t, Guardian, guardian, child_id=y)  # the township files the mother under her other child, in V2
    client.sync(t)
    client.sync(c)
    client.sync(a)
    held = get(c, Guardian, guardian)
    assert held is not None and held.child_id == y and held.name == "甲母" and held.phone == "13800000001"
    assert get(a, Guardian, guardian) is None  # and she left V1's laptops
    for st in (a, c, t):
        st.close()


def test_a_child_created_moved_away_and_back_in_one_batch_leaves_the_laptop(live, tmp_path):
    """The move back into the village is refused (a village never takes a child back itself); the
    laptop must then hold what the county holds: the child is the other village's, its file leaves.
    The county's answer used to say nothing (the child was new to it), so the laptop kept a V1
    child the county had in V2."""
    b = make_store(tmp_path, "b", V1)
    c = make_store(tmp_path, "c", V2)
    client.enrol(b, live.url, live.code(V1))
    client.enrol(c, live.url, live.code(V2))
    cid = add_child(b, "甲")
    edit(b, Child, cid, village_code=V2)
    edit(b, Child, cid, village_code=V1)  # changed her mind before the sync

    report = client.sync(b)
    assert report.refused == 1
    with live.db.sessions() as s:
        assert s.get(Child, cid).village_code == V2
    assert get(b, Child, cid) is None
    with b.read_session() as s:
        (refused,) = changes.refused(s)
    assert refused["field"] == "village_code" and "本村不能把他/她改回本村" in refused["message"]
    client.sync(c)
    assert get(c, Child, cid).village_code == V2
    b.close()
    c.close()
