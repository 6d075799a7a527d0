"""Issue 13: categories that end at a set age close by date — 农村留守儿童 at 16, the others at 18 —
without anyone entering an end date."""

import datetime as dt

from app.data import children as C
from app.domain import child_rules, idnumber, vocab


def add(store, name, birth: dt.date, seq: str, categories, today):
    body = f"320115{birth:%Y%m%d}{seq}"
    with store.session() as s:
        child = C.save_child(s, {"name": name, "id_number": body + idnumber.check_digit(body)}, today=today)
        for cat in categories:
            if cat == vocab.CATEGORY_LEFT_BEHIND:
                C.save_guardian(s, child.id, {"relation": "父亲", "name": "张大山", "works_away": True,
                                              "work_place": "浙江杭州"}, today=today)
            C.save_category(s, child.id, {"category": cat, "since": today}, today=today)
        return child.id


def test_categories_end_on_the_birthday(store):
    registered = dt.date(2024, 1, 2)
    a = add(store, "张小明", dt.date(2010, 6, 15), "123", [vocab.CATEGORY_LEFT_BEHIND, vocab.CATEGORY_LOW_INCOME], registered)
    b = add(store, "李小红", dt.date(2008, 2, 29), "222", [vocab.CATEGORY_LEFT_BEHIND], registered)

    def cats(day):
        with store.read_session() as s:
            return C.current_categories(s, [a, b], day)

    assert cats(dt.date(2026, 6, 14))[a] == [vocab.CATEGORY_LEFT_BEHIND, vocab.CATEGORY_LOW_INCOME]
    assert cats(dt.date(2026, 6, 15))[a] == [vocab.CATEGORY_LOW_INCOME]          # 16 today: no longer 留守
    assert cats(dt.date(2028, 6, 15))[a] == []                                   # 18: none
    assert cats(dt.date(2024, 2, 28))[b] == [vocab.CATEGORY_LEFT_BEHIND]
    assert cats(dt.date(2024, 2, 29))[b] == []                                   # 29 Feb birthday in a leap year
    with store.read_session() as s:
        left = [r.name for r in C.list_children(s, C.ChildQuery(status="", category=vocab.CATEGORY_LEFT_BEHIND),
                                                today=dt.date(2026, 6, 15))]
    assert left == []


def test_cutoff_matches_age_on():
    for today in (dt.date(2026, 6, 15), dt.date(2024, 2, 29), dt.date(2025, 3, 1)):
        for birth in (dt.date(2008, 2, 28), dt.date(2008, 2, 29), dt.date(2008, 3, 1), dt.date(2010, 6, 15)):
            for limit in (16, 17, 18):
                assert (idnumber.age_on(birth, today) >= limit) == (birth <= child_rules.aged_out_cutoff(today, limit))
