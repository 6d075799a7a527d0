"""The same child registered on two laptops (issue 11 item 8), through a live county server and
real encrypted stores: both files stay visible and editable after sync, they are listed as
疑似重复档案, and a merge on one laptop reaches the other as one file with all visits."""

from __future__ import annotations

import datetime as dt

from app.data import children as C
from app.data import duplicates as D
from app.data import visits as V
from app.data.models.child import Child
from app.domain import child_rules, idnumber
from app.domain.errors import ValidationErrors
from app.sync import client
from tests.sync.stores import TOWNSHIP, V1, V2, get, make_store

import pytest

TODAY = dt.date(2026, 11, 23)


def make_id(birth="20150315", seq="123", region="320115"):
    body = f"{region}{birth}{seq}"
    return body + idnumber.check_digit(body)


NUMBER = make_id()


def register(store, name, number=NUMBER, **extra) -> str:
    with store.session() as s:
        return C.save_child(s, {"name": name, "id_number": number, **extra}, today=TODAY).id


def edit(store, child_id, **fields) -> None:
    """Save an edit the way the 编辑 dialog does: every field of the form, the ID number included."""
    with store.session() as s:
        child = C.get_child(s, child_id)
        values = {f: getattr(child, f) for f in child_rules.CHILD_FIELDS if f != "photo"}
        values.update(fields)
        C.save_child(s, values, child_id=child_id, today=TODAY)


def register_ids(store) -> list[str]:
    with store.read_session() as s:
        return sorted(r.id for r in C.list_children(s, C.ChildQuery(), today=TODAY))


def enrolled(live, tmp_path, name, scope, village=None):
    st = make_store(tmp_path, name, village or scope)
    client.enrol(st, live.url, live.code(scope))
    return st


def test_same_village_two_laptops_both_files_stay_editable(live, tmp_path):
    a = enrolled(live, tmp_path, "a", V1)
    b = enrolled(live, tmp_path, "b", V1)
    ca = register(a, "王小明", phone="13800000111")
    cb = register(b, "王晓明", phone="13800000222")
    for st in (a, b, a):
        client.sync(st)
    for st in (a, b):
        assert register_ids(st) == sorted([ca, cb])  # both files visible on the register
        # editing other fields of either file saves
        edit(st, ca, address="一组3号")
        edit(st, cb, address="一组4号")
        with st.read_session() as s:
            groups = D.duplicate_groups(s)
        assert [sorted(m.id for m in g.members) for g in groups] == [sorted([ca, cb])]
        assert groups[0].id_number == NUMBER
    # a new registration of the same number, or changing another child's number to it, is refused
    with pytest.raises(ValidationErrors) as exc:
        register(a, "王三")
    assert "该身份证号码已登记" in exc.value.by_field()["id_number"]
    other = register(a, "李四", make_id("20140101", "456"))
    with pytest.raises(ValidationErrors):
        edit(a, other, id_number=NUMBER)
    for st in (a, b, a):
        client.sync(st)
    assert get(a, Child, ca).address == get(b, Child, ca).address == "一组3号"
    a.close()
    b.close()


def test_township_and_village_laptop(live, tmp_path):
    v = enrolled(live, tmp_path, "v", V1)
    t = enrolled(live, tmp_path, "t", TOWNSHIP, village=V1)
    cv = register(v, "赵小红")
    ct = register(t, "赵小红")
    for st in (v, t, v):
        client.sync(st)
    for st in (v, t):
        edit(st, cv, phone="13800000001")
        edit(st, ct, phone="13800000002")
        with st.read_session() as s:
            assert len(D.duplicate_groups(s)) == 1
    v.close()
    t.close()


def test_across_villages_seen_by_the_township(live, tmp_path):
    a = enrolled(live, tmp_path, "a", V1)
    b = enrolled(live, tmp_path, "b", V2)
    t = enrolled(live, tmp_path, "t", TOWNSHIP, village=V1)
    ca = register(a, "钱小军")
    cb = register(b, "钱小军")
    for st in (a, b, t):
        client.sync(st)
    edit(t, ca, phone="13900000001")
    edit(t, cb, phone="13900000002")
    with t.read_session() as s:
        groups = D.duplicate_groups(s)
    assert len(groups) == 1
    assert sorted(m.village_code for m in groups[0].members) == [V1, V2]
    # each village laptop holds only its own file, and still saves it
    edit(a, ca, phone="13900000003")
    edit(b, cb, phone="13900000004")
    for st in (a, b, t):
        client.sync(st)
    assert get(t, Child, ca).phone == "13900000003" and get(t, Child, cb).phone == "13900000004"
    for st in (a, b, t):
        st.close()
