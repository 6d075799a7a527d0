"""Two real encrypted stores syncing through a live county server (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import select

from app.data.models.child import Child, Guardian
from app.data.models.sync import Conflict
from app.server import service
from app.sync import client
from tests.sync.stores import V1, V2, add_child, add_guardian, edit, get, make_store


def test_push_pull_edit_and_conflict(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    cid = add_child(a, "王小明")
    add_guardian(a, cid, "李芳")
    assert client.status(a)["pending"] > 0
    rep = client.sync(a)
    assert rep.pushed > 0 and client.status(a)["pending"] == 0
    client.sync(b)
    assert get(b, Child, cid).name == "王小明"
    with b.read_session() as s:
        assert s.scalars(select(Guardian).where(Guardian.child_id == cid)).one().name == "李芳"
    # both edit the same field offline
    edit(a, Child, cid, phone="111")
    edit(b, Child, cid, phone="222")
    client.sync(a)
    client.sync(b)
    client.sync(a)
    pa, pb = get(a, Child, cid).phone, get(b, Child, cid).phone
    assert pa == pb
    for st in (a, b):
        with st.read_session() as s:
            conflicts = s.scalars(select(Conflict)).all()
        assert len(conflicts) == 1
        c = conflicts[0]
        assert {c.winner_value, c.loser_value} == {'"111"', '"222"'}
    a.close()
    b.close()


def test_scope_isolation_and_township(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    t = make_store(tmp_path, "t", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    client.enrol(t, live.url, live.code(V1[:9]))
    assert t.scope == V1[:9]
    ca = add_child(a, "甲")
    cb = add_child(b, "乙")
    for st in (a, b, t):
        client.sync(st)
    assert get(a, Child, cb) is None
    assert get(b, Child, ca) is None
    assert get(t, Child, ca) is not None and get(t, Child, cb) is not None
    for st in (a, b, t):
        st.close()


def test_transfer_moves_whole_file_and_purges(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    cid = add_child(a, "丙")
    gid = add_guardian(a, cid, "丙母")
    client.sync(a)
    client.sync(b)
    assert get(b, Child, cid) is None
    edit(a, Child, cid, village_code=V2)
    rep = client.sync(a)
    assert rep.purged == 1
    assert get(a, Child, cid) is None and get(a, Guardian, gid) is None
    client.sync(b)
    assert get(b, Child, cid).village_code == V2
    assert get(b, Guardian, gid).name == "丙母"
    a.close()
    b.close()


def test_devices_listing(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    client.sync(a)
    devices = service.list_devices(live.db)
    assert devices[0]["id"] == a.device_id and devices[0]["scope"] == V1 and devices[0]["last_sync"]
    a.close()
