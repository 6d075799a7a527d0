"""The 儿童名册 page: search (name, pinyin initials, ID), filters, sorting, the count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.data import children as data
from app.ui.children.list_model import COLOUR_COLUMN, ChildIdRole
from app.ui.children.list_page import ChildListPage


@pytest.fixture
def page(qtbot, ctx, kids):
    widget = ChildListPage(ctx)
    qtbot.addWidget(widget)
    return widget


def names(page) -> list[str]:
    m = page.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def set_combo(combo, data_value) -> None:
    index = combo.findData(data_value)
    assert index >= 0, data_value
    combo.setCurrentIndex(index)


def test_starts_with_active_children_and_count(page, store):
    assert sorted(names(page)) == sorted(["张小明", "李华", "王芳"])
    assert page.count_label.text() == "共 3 名"
    with store.read_session() as s:
        assert page.model.rowCount() == data.count_children(s, page.current_query()) == 3


def test_row_count_matches_count_children_for_every_filter(page, store):
    for status in ("", "在册", "已转出", "已满18岁"):
        set_combo(page.status, status)
        with store.read_session() as s:
            assert page.model.rowCount() == data.count_children(s, page.current_query())


@pytest.mark.parametrize("text, expected", [
    ("张小", ["张小明"]),
    ("zxm", ["张小明"]),
    ("ZXM", ["张小明"]),
    ("lihua", ["李华"]),
])
def test_search_as_you_type(qtbot, page, text, expected):
    if text.isascii():
        qtbot.keyClicks(page.search, text)
    else:
        page.search.setText(text)  # QTest cannot type Chinese (that needs an input method)
    # debounced: the query runs shortly after typing stops
    qtbot.waitUntil(lambda: names(page) == expected, timeout=2000)
    assert page.count_label.text() == f"共 {len(expected)} 名"


def test_search_by_id_number(qtbot, page, kids, store):
    with store.read_session() as s:
        number = data.get_child(s, kids["李华"]).id_number
    page.search.setText(number)
    page.apply_query()
    assert names(page) == ["李华"]
    page.search.setText(number[-6:])
    page.apply_query()
    assert "李华" in names(page)


def test_filter_by_category_group_and_subtype(page):
    set_combo(page.category, "group:留守")
    assert sorted(names(page)) == ["张小明", "王芳"]
    set_combo(page.category, "group:困境")
    assert "李华" in names(page) and "张小明" not in names(page)
    set_combo(page.category, "category:低保家庭儿童")
    assert names(page) == ["王芳"]


def test_filter_by_colour(page):
    set_combo(page.colour, "红")
    assert names(page) == ["张小明"]
    set_combo(page.colour, "未评估")
    assert names(page) == ["王芳"]


def test_filter_by_status(page):
    set_combo(page.status, "已转出")
    assert names(page) == ["赵强"]
    set_combo(page.status, "")
    assert len(names(page)) == 4


def test_colour_column_has_text_and_dot(page):
    m = page.model
    row = names(page).index("张小明")
    assert m.data(m.index(row, COLOUR_COLUMN)) == "红"
    assert not m.data(m.index(row, COLOUR_COLUMN), Qt.DecorationRole).isNull()
    row = names(page).index("王芳")
    assert m.data(m.index(row, COLOUR_COLUMN)) == "未评估"


def test_sortable_columns(page):
    page.table.sortByColumn(2, Qt.DescendingOrder)  # 年龄, oldest first
    assert names(page)[0] == "李华"
    page.table.sortByColumn(2, Qt.AscendingOrder)
    assert names(page)[0] == "王芳"
    page.table.sortByColumn(4, Qt.AscendingOrder)  # categories: a list, not sortable; must not fail
    assert len(names(page)) == 3


def test_clicking_a_row_opens_the_child(qtbot, page, kids):
    row = names(page).index("李华")
    with qtbot.waitSignal(page.ctx.open_child) as sig:
        page.table.clicked.emit(page.model.index(row, 0))
    assert sig.args == [kids["李华"]]
    assert page.model.data(page.model.index(row, 0), ChildIdRole) == kids["李华"]


def test_paging_over_many_children(qtbot, ctx, store, monkeypatch):
    from app.data.demo import generate
    from app.ui.children import list_model

    monkeypatch.setattr(list_model, "PAGE_SIZE", 40)
    generate(store, 130, seed=3)
    widget = ChildListPage(ctx)
    qtbot.addWidget(widget)
    set_combo(widget.status, "")
    with store.read_session() as s:
        total = data.count_children(s, data.ChildQuery())
        every = data.list_children(s, data.ChildQuery())
    assert widget.model.rowCount() == total > list_model.PAGE_SIZE
    ids = [widget.model.child_id(r) for r in range(total)]
    assert ids == [r.id for r in every]
