"""The FTS5 trigram search index stays in step with `child` whatever writes it, and repairs itself."""

import datetime as dt

from sqlalchemy import text

from app.data import children as C
from app.data import search_index
from app.data.store import Store
from tests.conftest import PASSWORD
from tests.data.test_children import add, make_id

TODAY = dt.date(2026, 11, 23)


def found(store, query):
    with store.read_session() as s:
        return [r.name for r in C.list_children(s, C.ChildQuery(text=query), today=TODAY)]


def test_raw_writes_are_indexed(store):
    cid = add(store, "欧阳娜娜", make_id("20140707", "432"))
    assert found(store, "欧阳娜") == ["欧阳娜娜"]
    # A write that bypasses the ORM (as the sync merge may) still reaches the index.
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE child SET name = '欧阳丽丽', pinyin_key = 'oyll ouyanglili' WHERE id = :id"), {"id": cid})
    assert found(store, "欧阳娜") == []
    assert found(store, "欧阳丽") == ["欧阳丽丽"]
    assert found(store, "ouyangl") == ["欧阳丽丽"]
    assert found(store, "OYLL") == ["欧阳丽丽"]


def test_short_and_long_queries_agree(store):
    add(store, "张小明", make_id("20150315", "123"))
    add(store, "李小明", make_id("20150316", "125"))
    assert sorted(found(store, "小明")) == sorted(found(store, "xiaoming")) == ["张小明", "李小明"]
    assert found(store, "zx") == found(store, "zxm") == ["张小明"]
    assert found(store, '"小明') == []  # quotes cannot break the FTS query


def test_missing_triggers_are_repaired_on_open(store, store_path):
    add(store, "王小燕", make_id("20160101", "246"))
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER child_fts_ai"))
        conn.execute(text("DROP TABLE child_fts"))
    store.close()
    with Store.open(store_path, PASSWORD) as again:
        assert found(again, "王小燕") == ["王小燕"]
        add(again, "王大燕", make_id("20160102", "248"))
        assert sorted(found(again, "wangx") + found(again, "王大燕")) == ["王大燕", "王小燕"]
        with again.engine.connect() as conn:
            assert search_index.ensure(conn) is False


def test_id_fragments_both_paths(store):
    add(store, "周一", make_id("20150315", "123"))
    add(store, "周二", make_id("20160420", "246", "320281"))
    assert sorted(found(store, "320")) == ["周一", "周二"]  # an ID typed from its start (scan)
    assert found(store, "32028") == ["周二"]
    assert found(store, "20160420") == ["周二"]  # a birth date (trigram index)
    assert found(store, make_id("20150315", "123")[-6:]) == ["周一"]
    assert found(store, make_id("20160420", "246", "320281")) == ["周二"]  # the whole number


def test_one_or_two_characters_through_their_pinyin(store):
    add(store, "单小明", make_id("20150315", "123"))
    add(store, "章小敏", make_id("20150316", "125"))
    add(store, "张一", make_id("20150317", "127"))
    add(store, "李·明", make_id("20150318", "129"))
    assert found(store, "单") == ["单小明"]  # polyphone: stored as dan, searched as chan/dan/shan
    assert found(store, "张") == ["张一"]  # 章 sounds the same but is not 张
    assert sorted(found(store, "小")) == ["单小明", "章小敏"]
    assert found(store, "一") == ["张一"]  # yi: too short for trigrams, scanned
    assert found(store, "·明") == ["李·明"]
    assert sorted(found(store, "明")) == ["单小明", "李·明"]
