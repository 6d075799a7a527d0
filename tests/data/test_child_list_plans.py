"""The child list gives the same page whichever plan answers a category or group filter: walking
the sort order and probing each child's categories (many matches, issue 17) or reading the
matching children and sorting them (few matches). Also: the list's new sort indexes (migration
0018) give the same order as sorting every child."""

import datetime as dt

import pytest
from sqlalchemy import select, update

from app.data import children as C
from app.data import demo
from app.data.models import Child, ChildCategory
from app.domain import vocab

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def village(store):
    demo.generate(store, 160, seed=11, today=TODAY, with_extensions=False)
    with store.session() as s:  # ended categories and a removed child must stay out of every plan
        rows = s.scalars(select(ChildCategory).order_by(ChildCategory.id).limit(12)).all()
        for r in rows[:6]:
            r.ended = TODAY - dt.timedelta(days=3)
        for r in rows[6:9]:
            r.ended = TODAY + dt.timedelta(days=30)
        s.execute(update(Child).where(Child.id == rows[9].child_id).values(deleted=True))
    return store


def _queries():
    qs = [C.ChildQuery(group=g, sort=sort, descending=d, limit=20, offset=off, status=st)
          for g in (vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP)
          for sort in ("name", "age", "colour", "sex", "last_visit_date")
          for d in (False, True) for off in (0, 20) for st in ("", "在册")]
    qs += [C.ChildQuery(category=c, sort=sort, limit=15, colour=colour)
           for c in vocab.CATEGORIES for sort in ("name", "id_number", "group_name") for colour in ("", "红")]
    return qs


def _page(store, q):
    with store.read_session() as s:
        return [r.id for r in C.list_children(s, q, today=TODAY)], C.count_children(s, q, today=TODAY)


def test_walking_the_order_gives_the_same_page_as_reading_the_matches(village, monkeypatch):
    monkeypatch.setattr(C, "WALK_FACTOR", 10**9)  # never walk
    read = [_page(village, q) for q in _queries()]
    monkeypatch.setattr(C, "WALK_FACTOR", 0)  # always walk
    walked = [_page(village, q) for q in _queries()]
    assert walked == read
    assert sum(1 for ids, _ in read if ids) > len(read) // 2  # the pages are not all empty


@pytest.mark.parametrize("text", ["wang", "li", "张", "320", "2015"])
def test_search_within_a_group_probes_the_candidates_and_finds_the_same_children(village, monkeypatch, text):
    monkeypatch.setattr(C, "WALK_FACTOR", 10**9)
    with village.read_session() as s:
        for group in (vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP):
            in_group = {r.id for r in C.list_children(s, C.ChildQuery(group=group), today=TODAY)}
            for colour in ("", "红"):
                found = [r.id for r in C.list_children(s, C.ChildQuery(text=text, colour=colour), today=TODAY)
                         if r.id in in_group]
                q = C.ChildQuery(text=text, group=group, colour=colour)
                assert C.count_children(s, q, today=TODAY) == len(found)
                for offset in (0, 3):
                    page = C.list_children(s, C.ChildQuery(text=text, group=group, colour=colour, limit=5,
                                                           offset=offset), today=TODAY)
                    assert [r.id for r in page] == found[offset:offset + 5]


@pytest.mark.parametrize("sort", ["sex", "group_name", "status", "colour", "last_visit_date", "next_visit_due"])
def test_indexed_sorts_match_a_full_sort(village, sort):
    with village.read_session() as s:
        rows = C.list_children(s, C.ChildQuery(sort=sort), today=TODAY)
        for descending in (False, True):
            page = C.list_children(s, C.ChildQuery(sort=sort, descending=descending, limit=30), today=TODAY)

            def key(r, d=descending):
                v = getattr(r, sort)
                return (v is None, v if v is not None else "")
            expect = sorted(rows, key=key, reverse=False)
            if descending:
                expect = sorted([r for r in rows if getattr(r, sort) is not None], key=key, reverse=True) + \
                    [r for r in rows if getattr(r, sort) is None]
            assert [getattr(r, sort) for r in page] == [getattr(r, sort) for r in expect[:30]]



def test_every_page_is_the_slice_of_the_whole_list(village, monkeypatch):
    """Paging beyond the first page (OFFSET, which SQLite 3.51 gets wrong on the walking plan, so later
    pages read the matches) gives the rows of the whole list, page after page, with either plan first."""
    for factor in (0, 10**9):  # the first page walks / reads
        monkeypatch.setattr(C, "WALK_FACTOR", factor)
        with village.read_session() as s:
            for group in (vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP):
                for sort, descending in (("name", False), ("age", True), ("colour", False)):
                    q = C.ChildQuery(group=group, sort=sort, descending=descending)
                    whole = [r.id for r in C.list_children(s, q, today=TODAY)]
                    pages = []
                    for offset in range(0, len(whole) + 20, 20):
                        page = C.ChildQuery(group=group, sort=sort, descending=descending, limit=20, offset=offset)
                        pages += [r.id for r in C.list_children(s, page, today=TODAY)]
                    assert pages == whole
                    assert len(whole) > 40
