"""The same child registered on two laptops (issue 11 item 8), through a live county server and
real encrypted stores: both files stay visible and editable after sync, they are listed as
疑似重复档案, and a merge on one laptop reaches the other as one file with all visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.data import children as C
from app.data import duplicates as D
from app.data import visits as V
from app.data.models.child import Child
from app.data.models.sync import Conflict
from app.domain import child_rules, idnumber, vocab
from app.domain import duplicates as rules
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


def _file(store, child_id) -> dict:
    """What a laptop shows of a child's file, as plain values."""
    with store.read_session() as s:
        child = C.get_child(s, child_id)
        return {
            "name": child.name, "phone": child.phone, "address": child.address,
            "visits": sorted(e.current.visit_date for e in V.visit_history(s, child_id)),
            "assessments": len(V.assessments(s, child_id)),
            "guardians": sorted((g.relation, g.name, g.phone) for g in C.guardians(s, child_id)),
            "categories": [c.category for c in C.child_categories(s, child_id)],
            "colour": child.colour, "last_visit": child.last_visit_date,
            "register": register_ids(store), "duplicates": len(D.duplicate_groups(s)),
        }


def _fill(store, child_id, guardians, visit_day, colour_answers=()):
    with store.session() as s:
        for relation, name, phone in guardians:
            C.save_guardian(s, child_id, {"relation": relation, "name": name, "phone": phone}, today=TODAY)
        C.save_category(s, child_id, {"category": vocab.CATEGORY_LOW_INCOME, "since": TODAY}, today=TODAY)
        V.record_assessment(s, child_id, list(colour_answers), on=visit_day)
        V.record_visit(s, child_id, visit_day, "入户")


def test_merge_on_one_laptop_reaches_the_other(live, tmp_path):
    a = enrolled(live, tmp_path, "a", V1)
    b = enrolled(live, tmp_path, "b", V1)
    ca = register(a, "王小明", phone="13800000111")
    cb = register(b, "王晓明", address="二组5号")
    _fill(a, ca, [("母亲", "李芳", "")], dt.date(2026, 9, 1))
    _fill(b, cb, [("母亲", "李芳", "13900000009"), ("父亲", "王大", "")], dt.date(2026, 10, 8), ["withdrawn"])
    for st in (a, b, a):
        client.sync(st)
    with a.session() as s:
        summary = D.file_summary(s, cb)
        assert summary.counts == {"visits": 1, "assessments": 1, "reports": 0, "payments": 0}
        outcome = D.merge_children(s, ca, cb, {"name": rules.KEEP, "phone": rules.KEEP}, user="a", today=TODAY)
    assert outcome.taken == ["address"]  # empty on the survivor: the other file's value by default
    assert (outcome.moved, outcome.folded) == (1, 2)  # 父亲 moves; 母亲 and 低保 fold into their twins
    merged = _file(a, ca)
    assert merged["register"] == [ca] and merged["duplicates"] == 0
    assert merged["visits"] == [dt.date(2026, 9, 1), dt.date(2026, 10, 8)]
    assert merged["assessments"] == 2 and merged["last_visit"] == dt.date(2026, 10, 8)
    assert merged["guardians"] == [("母亲", "李芳", "13900000009"), ("父亲", "王大", "")]
    assert merged["categories"] == [vocab.CATEGORY_LOW_INCOME]
    assert (merged["name"], merged["phone"], merged["address"]) == ("王小明", "13800000111", "二组5号")
    with a.read_session() as s:
        assert get(a, Child, cb).merged_into == ca and get(a, Child, cb).deleted
        trail = C.audit_trail(s, ca)
        merge_entries = [e for e in trail if e.action == "merge"]
        assert len(merge_entries) == 1 and merge_entries[0].actor == "a" and merge_entries[0].row_id == cb
        assert "王晓明" in C.describe_audit(merge_entries[0])
        assert any(e.child_id == cb for e in trail)  # the merged file's history shows too
    for st in (a, b):
        client.sync(st)
    assert _file(b, ca) == merged  # the second laptop sees one file with all visits
    edit(b, ca, address="二组6号")  # and it saves
    with pytest.raises(C.NotFoundError):
        edit(b, cb, address="x")
    a.close()
    b.close()


def test_township_merges_files_of_two_villages(live, tmp_path):
    a = enrolled(live, tmp_path, "a", V1)
    b = enrolled(live, tmp_path, "b", V2)
    t = enrolled(live, tmp_path, "t", TOWNSHIP, village=V1)
    ca = register(a, "钱小军")
    cb = register(b, "钱小军")
    _fill(a, ca, [("母亲", "周红", "")], dt.date(2026, 9, 1))
    _fill(b, cb, [("祖父", "钱老汉", "")], dt.date(2026, 10, 8))
    for st in (a, b, t):
        client.sync(st)
    with t.session() as s:
        assert D.merge_children(s, ca, cb, user="t", today=TODAY).deferred
    for st in (t, a, b):
        client.sync(st)
    with t.session() as s:  # the move reached the county: the rows follow (the 工作台 does this after a sync)
        assert D.finish_merges(s, today=TODAY) == 2  # 祖父 moves, 低保 folds
    with a.session() as s:  # the village laptop holds the moved file now and does the same
        assert D.finish_merges(s, today=TODAY) == 2
    for st in (t, a, t):
        client.sync(st)
    on_a = _file(a, ca)
    assert on_a["visits"] == [dt.date(2026, 9, 1), dt.date(2026, 10, 8)]  # the other village's visit came along
    assert on_a["guardians"] == [("母亲", "周红", ""), ("祖父", "钱老汉", "")]
    assert on_a == _file(t, ca)
    for st in (a, t):  # both moved the same rows the same way: no conflicts
        with st.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Conflict)) == 0
    assert register_ids(b) == [] and get(b, Child, cb) is None  # the other village no longer holds the file
    for st in (a, b, t):
        st.close()


def test_merge_refusals_and_edits_of_the_number(store):
    ca = register(store, "孙小梅")
    other = register(store, "周小兰", make_id("20140101", "456"))
    with store.session() as s:
        with pytest.raises(ValidationErrors):
            D.merge_children(s, ca, other, today=TODAY)  # different numbers
        with pytest.raises(ValidationErrors):
            D.merge_children(s, ca, ca, today=TODAY)
    # a typo fixed: changing the number to one nobody holds saves
    edit(store, other, id_number=make_id("20140101", "457"))


def test_opposite_merges_on_two_laptops_end_as_one_file(live, tmp_path):
    a = enrolled(live, tmp_path, "a", V1)
    b = enrolled(live, tmp_path, "b", V1)
    ca = register(a, "李小龙")
    cb = register(b, "李小龙")
    _fill(a, ca, [("母亲", "陈梅", "")], dt.date(2026, 9, 1))
    _fill(b, cb, [("父亲", "李强", "")], dt.date(2026, 10, 8))
    for st in (a, b, a):
        client.sync(st)
    with a.session() as s:
        D.merge_children(s, ca, cb, today=TODAY)
    with b.session() as s:
        D.merge_children(s, cb, ca, today=TODAY)  # the other way round, before hearing of a's merge
    for st in (a, b, a):
        client.sync(st)
    assert register_ids(a) == register_ids(b) == []  # each file points at the other
    for st in (a, b):
        with st.session() as s:
            D.finish_merges(s, today=TODAY)
    for st in (a, b, a):
        client.sync(st)
    keep = min(ca, cb)
    on_a = _file(a, keep)
    assert on_a["register"] == [keep]
    assert on_a["visits"] == [dt.date(2026, 9, 1), dt.date(2026, 10, 8)]
    assert on_a["guardians"] == [("母亲", "陈梅", ""), ("父亲", "李强", "")]
    assert _file(b, keep) == on_a
    a.close()
    b.close()


def test_numbers_saved_by_older_versions_are_normalised(store):
    from tests.sync.stores import add_child

    clean = register(store, "吴小宝")
    odd = add_child(store, "吴小宝", id_number=NUMBER[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
                    + NUMBER[-1].lower())
    alone = add_child(store, "郑一", id_number="3201152014010145ｘ")
    with store.read_session() as s:
        groups = D.duplicate_groups(s)
        assert D.duplicate_count(s) == 1
    assert [(g.id_number, sorted(m.id for m in g.members)) for g in groups] == [(NUMBER, sorted([clean, odd]))]
    assert alone not in str(groups)


def test_the_duplicate_check_ignores_merged_away_files(store):
    from tests.sync.stores import add_child

    keep = register(store, "冯小花")
    drop = add_child(store, "冯晓花", id_number=NUMBER)  # as a sync leaves it
    with store.session() as s:
        D.merge_children(s, keep, drop, today=TODAY)
    edit(store, keep, id_number=make_id("20150315", "124"))  # the survivor's number was mistyped
    other = register(store, "冯小草")  # the old number is free again: the merged-away file does not hold it
    with store.read_session() as s:
        assert C.get_child(s, other).id_number == NUMBER
        assert D.duplicate_groups(s) == []
