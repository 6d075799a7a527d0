"""Issue 13: odd search input never raises (NUL, lone surrogates, FTS5 syntax) and full-width IDs
match; ID numbers typed in full width are stored normalised and caught by the duplicate check."""

import datetime as dt
import random

import pytest

from app.data import children as C
from app.domain import idnumber, vocab
from app.domain.errors import ValidationErrors

TODAY = dt.date(2026, 11, 23)
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def make_id(birth="20150315", seq="123", region="320115"):
    body = f"{region}{birth}{seq}"
    return body + idnumber.check_digit(body)


def add(store, name, number):
    with store.session() as s:
        return C.save_child(s, {"name": name, "id_number": number,
                                "categories": [vocab.CATEGORY_HARDSHIP_POVERTY]}, today=TODAY).id


def search(store, text):
    with store.read_session() as s:
        rows = C.list_children(s, C.ChildQuery(text=text, status=""), today=TODAY)
        C.count_children(s, C.ChildQuery(text=text, status=""), today=TODAY)
    return [r.name for r in rows]


def test_full_width_id_is_stored_normalised_and_caught_as_duplicate(store):
    number = make_id()
    cid = add(store, "张小明", number.translate(FULLWIDTH))
    with store.read_session() as s:
        assert C.get_child(s, cid).id_number == number
    with pytest.raises(ValidationErrors) as exc:
        add(store, "张晓明", number[:6] + " " + number[6:].translate(FULLWIDTH))
    assert "该身份证号码已登记" in exc.value.by_field()["id_number"]


def test_search_by_full_width_id_and_name_with_odd_characters(store):
    number = make_id()
    add(store, "张小明", number)
    add(store, "李红", make_id("20120601", "222", "320117"))
    assert search(store, number.translate(FULLWIDTH)) == ["张小明"]
    assert search(store, number[-6:].translate(FULLWIDTH)) == ["张小明"]
    assert search(store, "张小\x00明") == ["张小明"]
    assert search(store, "张\ud800小明") == ["张小明"]


def test_fuzzed_queries_never_raise(store):
    add(store, "张小明", make_id())
    rng = random.Random(13)
    alphabet = ['"', "'", "*", "(", ")", ":", "^", "-", "+", "NEAR", "AND", "OR", "NOT", "\x00", "\ud800",
                "\udfff", "\\", "%", "_", "x", "X", "3", "２", "张", "小", " ", "\u3000", "\n", "🙂", "{", "}"]
    for _ in range(1500):
        q = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        search(store, q)


def test_left_behind_category_needs_a_parent_away(store):
    from app.data import children as C2

    with store.session() as s:
        cid = C2.save_child(s, {"name": "陈小雨", "id_number": make_id("20160101", "777"),
                                "categories": [vocab.CATEGORY_LOW_INCOME]}, today=TODAY).id
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            C2.save_category(s, cid, {"category": vocab.CATEGORY_LEFT_BEHIND}, today=TODAY)
    assert "外出务工" in exc.value.by_field()["category"]
    with store.session() as s:
        C2.save_guardian(s, cid, {"relation": "母亲", "name": "李芳", "works_away": True, "work_place": "上海"}, today=TODAY)
        C2.save_category(s, cid, {"category": vocab.CATEGORY_LEFT_BEHIND}, today=TODAY)
    with pytest.raises(ValidationErrors) as exc:  # the registration path: categories and a parent away
        with store.session() as s:
            C2.save_child(s, {"name": "陈小风", "id_number": make_id("20160102", "777"), "categories": [],
                              "away_parents": []}, today=TODAY)
    assert set(exc.value.by_field()) == {"categories"}


def test_odd_characters_in_a_name_never_raise(store):
    with store.session() as s:
        child = C.save_child(s, {"name": "张\x00小\ud800明", "id_number": make_id("20160103", "778"),
                                 "notes": "第一行\x00\n第二行\udfff", "categories": [vocab.CATEGORY_LOW_INCOME]},
                             today=TODAY)
        name, notes = child.name, child.notes
    assert name == "张小明" and notes == "第一行\n第二行"
    assert search(store, "张小明") == ["张小明"]
