"""Issue 13: names sort by their full pinyin (张 zhang before 赵 zhao), and a surname with two
readings is found by its surname reading (曾 zeng, 单 shan, 解 xie, 仇 qiu, 区 ou, 查 zha, 朴 piao, 盖 ge)."""

import datetime as dt

from app.data import children as C
from app.domain import idnumber, pinyin, vocab

TODAY = dt.date(2026, 11, 23)


def add(store, name, seq):
    body = f"32011520150315{seq:03d}"
    with store.session() as s:
        C.save_child(s, {"name": name, "id_number": body + idnumber.check_digit(body),
                         "categories": [vocab.CATEGORY_LOW_INCOME]}, today=TODAY)


def names(store, **kw):
    with store.read_session() as s:
        return [r.name for r in C.list_children(s, C.ChildQuery(status="", **kw), today=TODAY)]


def test_surnames_read_as_surnames():
    expected = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao", "盖": "ge"}
    for surname, reading in expected.items():
        assert pinyin.full(surname + "小明") == reading + "xiaoming", surname
        assert pinyin.initials(surname + "小明") == reading[0] + "xm"
    assert pinyin.full("令狐冲") == "linghuchong" and pinyin.full("张曾") == "zhangceng"  # only the surname


def test_list_sorts_by_full_pinyin_and_finds_surname_readings(store):
    for i, name in enumerate(["赵小红", "张小明", "曾小华", "单田芳", "查良", "陈晨"]):
        add(store, name, 100 + i)
    assert names(store) == ["陈晨", "单田芳", "曾小华", "查良", "张小明", "赵小红"]
    #                        chen   shan      zeng     zha    zhang     zhao
    assert names(store, descending=True)[0] == "赵小红"
    assert names(store, text="zeng") == ["曾小华"]
    assert names(store, text="shantianfang") == ["单田芳"]
    assert names(store, text="zhaliang") == ["查良"]


def test_keys_written_by_older_rules_are_recomputed_on_open(store, store_path):
    """A store from before the surname readings (曾 read ceng, key "cxh cengxiaohua") sorts and
    searches right once opened: migration 0005c rewrites stale keys (issue 13)."""
    from sqlalchemy import text

    from app.data.store import Store
    from tests.conftest import PASSWORD

    for i, name in enumerate(["曾小华", "陈晨", "赵小红"]):
        add(store, name, 200 + i)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE child SET pinyin_key = 'cxh cengxiaohua' WHERE name = '曾小华'"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0005b_children_sort' "
                          "WHERE version_num IN ('0005c_pinyin_keys', '0017_child_name_sort', '0018_child_list_filters', "
                              "'0019_child_filter_counts', '0020_child_category_set', "
                              "'0022_child_id_search', '0023_guardian_qualifying')"))
    assert names(store) == ["曾小华", "陈晨", "赵小红"]  # ceng before chen: wrong
    store.close()
    reopened = Store.open(store_path, PASSWORD)
    try:
        assert names(reopened) == ["陈晨", "曾小华", "赵小红"]
        assert names(reopened, text="zengxiaohua") == ["曾小华"]  # the search index followed
        assert names(reopened, text="cengxiaohua") == []
    finally:
        reopened.close()
