"""The child register on a real encrypted store: add, edit, search, filter, status, rows, audit."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.data import children as C
from app.data.models import AuditEntry, CareArrangement, Child, ChildCategory, Guardian, OutboxChange
from app.domain import idnumber, vocab
from app.domain.errors import ValidationErrors

TODAY = dt.date(2026, 11, 23)


def make_id(birth="20150315", seq="123", region="320115"):
    body = f"{region}{birth}{seq}"
    return body + idnumber.check_digit(body)


def add(store, name, number, **extra):
    with store.session() as s:
        return C.save_child(s, {"name": name, "id_number": number, **extra}, today=TODAY).id


def counts(store):
    with store.read_session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in
                     (Child, ChildCategory, Guardian, CareArrangement, OutboxChange, AuditEntry))


@pytest.fixture
def three(store):
    ids = {
        "zxm": add(store, "张小明", make_id("20150315", "123"), categories=[vocab.CATEGORY_LEFT_BEHIND], group_name="一组"),
        "lh": add(store, "李红", make_id("20120601", "222"),
                  categories=[vocab.CATEGORY_HARDSHIP_POVERTY, vocab.CATEGORY_LOW_INCOME]),
        "wf": add(store, "王芳", make_id("20180101", "344", "320281"), categories=[vocab.CATEGORY_SCATTERED_ORPHAN]),
    }
    return ids


def names(store, **kw):
    with store.read_session() as s:
        return [r.name for r in C.list_children(s, C.ChildQuery(**kw), today=TODAY)]


def test_add_derives_fields_and_captures(store):
    before = counts(store)
    cid = add(store, "张小明", make_id(), categories=[vocab.CATEGORY_LEFT_BEHIND])
    with store.read_session() as s:
        child = C.get_child(s, cid)
        assert (child.sex, child.birth_date, child.pinyin_key) == ("男", dt.date(2015, 3, 15), "zxm zhangxiaoming")
        assert child.village_code == "320115101201"
        assert child.status == vocab.STATUS_ACTIVE
        assert child.health == "健康"
        assert [c.category for c in C.child_categories(s, cid)] == [vocab.CATEGORY_LEFT_BEHIND]
    after = counts(store)
    assert after[0] == before[0] + 1 and after[1] == before[1] + 1
    assert after[4] == before[4] + 2 and after[5] == before[5] + 2  # child + category, outbox and audit


def test_search_by_name_pinyin_and_id(store, three):
    assert names(store, text="小明") == ["张小明"]
    assert names(store, text="zxm") == ["张小明"]
    assert names(store, text="ZXM") == ["张小明"]
    assert names(store, text="zhangx") == ["张小明"]
    assert names(store, text="20120601") == ["李红"]
    assert names(store, text=make_id("20180101", "344", "320281")[-6:]) == ["王芳"]
    assert names(store, text="%") == []
    assert sorted(names(store)) == sorted(["张小明", "李红", "王芳"])


def test_filters_sort_and_count(store, three):
    assert names(store, group="留守") == ["张小明"]
    assert names(store, group="困境") == ["李红", "王芳"]  # pinyin order: li < wang
    assert names(store, category=vocab.CATEGORY_LOW_INCOME) == ["李红"]
    assert names(store, colour="未评估", sort="name") == ["李红", "王芳", "张小明"]
    assert names(store, colour="红") == []
    assert names(store, sort="age") == ["王芳", "张小明", "李红"]
    assert names(store, sort="age", descending=True) == ["李红", "张小明", "王芳"]
    assert names(store, sort="name", limit=1, offset=1) == ["王芳"]
    with store.read_session() as s:
        assert C.count_children(s, C.ChildQuery(group="困境"), today=TODAY) == 2
        row = C.list_children(s, C.ChildQuery(text="lh"), today=TODAY)[0]
        assert row.categories == [vocab.CATEGORY_LOW_INCOME, vocab.CATEGORY_HARDSHIP_POVERTY]
        assert row.age == 14 and row.colour == C.UNASSESSED


def test_status_filter_and_never_deleted(store, three):
    with store.session() as s:
        C.set_status(s, three["lh"], vocab.STATUS_TRANSFERRED, TODAY, "迁往南京", today=TODAY)
    assert "李红" not in names(store, status="在册")
    assert names(store, status="已转出") == ["李红"]
    assert "李红" in names(store)
    with store.session() as s:
        C.set_status(s, three["lh"], vocab.STATUS_ACTIVE, TODAY, today=TODAY)
    assert "李红" in names(store, status="在册")


def test_edit_records_who_changed_what(store, three):
    cid = three["zxm"]
    with store.session() as s:
        C.save_child(s, {"school": "东山小学", "name": "张晓明"}, cid, today=TODAY)
    assert names(store, text="zxm") == ["张晓明"]
    with store.read_session() as s:
        trail = C.audit_trail(s, cid)
        changes = {(e.field, e.old_value, e.new_value, e.actor, e.action) for e in trail}
        assert ("school", "", "东山小学", "lin", "update") in changes
        assert ("name", "张小明", "张晓明", "lin", "update") in changes
        assert trail[0].seq > trail[-1].seq
        assert trail[-1].action == "create"
        assert "就读学校" in " ".join(C.describe_audit(e) for e in trail)


@pytest.mark.parametrize("data, field, message", [
    ({"name": "新人", "id_number": make_id()[:17] + ("0" if make_id()[17] != "0" else "1")}, "id_number",
     "身份证号码校验位错误，请核对最后一位"),
    ({"name": "新人", "id_number": make_id("20270101")}, "id_number", "身份证号码中的出生日期晚于今天"),
    ({"name": "新人", "id_number": make_id("20150229")}, "id_number", "身份证号码中的出生日期不存在"),
    ({"name": "张三", "id_number": "DUP"}, "id_number", "该身份证号码已登记：张小明"),
    ({"name": "", "id_number": make_id("20160101")}, "name", "请填写姓名"),
    ({"name": "新人", "id_number": make_id("20160101"), "categories": ["外星儿童"]}, "categories", None),
])
def test_invalid_input_refused_and_nothing_written(store, three, data, field, message):
    if data.get("id_number") == "DUP":
        data = {**data, "id_number": make_id("20150315", "123")}
    before = counts(store)
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            C.save_child(s, data, today=TODAY)
    assert field in exc.value.by_field()
    if message:
        assert exc.value.by_field()[field] == message
    assert counts(store) == before


def test_invalid_edit_writes_nothing(store, three):
    before = counts(store)
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            C.save_child(s, {"school": "好学校", "phone": "abc"}, three["zxm"], today=TODAY)
    assert exc.value.by_field() == {"phone": "联系电话格式不正确（手机11位，或区号-号码）"}
    assert counts(store) == before
    with store.read_session() as s:
        assert C.get_child(s, three["zxm"]).school == ""


def test_duplicate_id_on_edit(store, three):
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            C.save_child(s, {"id_number": make_id("20120601", "222")}, three["zxm"], today=TODAY)
    assert exc.value.by_field() == {"id_number": "该身份证号码已登记：李红"}


def test_guardians_care_categories_needs(store, three):
    cid = three["zxm"]
    with store.session() as s:
        mother = C.save_guardian(s, cid, {"relation": "母亲", "name": "李芳", "works_away": True, "work_place": "浙江宁波"},
                                 today=TODAY)
        C.save_guardian(s, cid, {"relation": "父亲", "name": "张大山", "works_away": "是", "work_place": "广东东莞",
                                 "away_since": "2022-02-01", "contact_frequency": "每周"}, today=TODAY)
        care = C.save_care(s, cid, {"carer_name": "张奶奶", "relation": "祖母", "carer_age": 68,
                                    "agreement_signed": True, "agreement_date": "2022-02-10"}, today=TODAY)
        C.save_need(s, cid, {"description": "学业辅导"}, today=TODAY)
        C.save_category(s, cid, {"category": vocab.CATEGORY_LOW_INCOME, "evidence": "低保证"}, today=TODAY)
    with store.read_session() as s:
        assert [g.relation for g in C.guardians(s, cid)] == ["父亲", "母亲"]
        assert C.care_arrangements(s, cid)[0].carer_age == 68
        assert len(C.needs(s, cid)) == 1
        assert len(C.child_categories(s, cid)) == 2
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            C.save_category(s, cid, {"category": vocab.CATEGORY_LEFT_BEHIND}, today=TODAY)
    assert "已有类别" in exc.value.by_field()["category"]
    with store.session() as s:
        C.save_guardian(s, cid, {"relation": "母亲", "name": "李芳", "works_away": False}, mother.id, today=TODAY)
        C.remove_care(s, care.id)
    with store.read_session() as s:
        assert C.care_arrangements(s, cid) == []
        assert s.get(CareArrangement, care.id).deleted is True  # tombstone, never deleted
        trail = C.audit_trail(s, cid)
        tables = {e.table_name for e in trail}
        assert {"child", "guardian", "care_arrangement", "need", "child_category"} <= tables
        assert any(e.table_name == "guardian" and e.field == "works_away" for e in trail)
        assert any(e.action == "delete" and e.table_name == "care_arrangement" for e in trail)


def test_aged_out_needs_18(store, three):
    with pytest.raises(ValidationErrors, match="尚未年满18周岁"):
        with store.session() as s:
            C.set_status(s, three["zxm"], vocab.STATUS_AGED_OUT, TODAY, today=TODAY)
