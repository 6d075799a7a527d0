"""Changes the county refused stay visible with the reason, and the director can send them again
or stop sending them: through a real county server, a real store and the real page."""

from __future__ import annotations

from app.sync import refusals
from app.data.models.child import Child, Guardian
from app.sync import client
from app.ui.context import UiContext
from app.ui.sync.refused import RefusedPage
from tests.sync.stores import V1, V2, add_child, add_guardian, edit, get, make_store


def test_refused_change_is_listed_with_its_reason_and_can_be_dropped(qtbot, live, tmp_path):
    store = make_store(tmp_path, "a", V1)
    try:
        client.enrol(store, live.url, live.code(V1))
        cid = add_child(store, "王小明")
        edit(store, Child, cid, village_code=V2)  # transferred...
        edit(store, Child, cid, phone="13800000000")  # ...then edited by the old village
        report = client.sync(store)
        assert report.refused == 1 and client.status(store)["refused"] == 1
        page = RefusedPage(UiContext(store))
        qtbot.addWidget(page)
        assert page.table.rowCount() == 1
        assert page.table.item(0, 0).text() == "儿童 · 电话" and page.table.item(0, 2).text() == "13800000000"
        assert "不属于本设备负责的范围" in page.table.item(0, 4).text()
        page.table.selectRow(0)
        page.drop.click()
        assert page.table.rowCount() == 0 and refusals.list_refused(store) == []
        assert client.status(store)["refused"] == 0
    finally:
        store.close()


def test_refused_conflict_swap_is_worded_for_the_director(qtbot, live, tmp_path):
    """A swap confirmed after the child moved to another village is refused by the county: the page
    says it is a conflict's handling and what was asked, never the table name `sync_conflict`."""
    from sqlalchemy import select

    from app.data.models.sync import Conflict
    from app.sync import conflicts

    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    try:
        for st in (a, b):
            client.enrol(st, live.url, live.code(V1))
        cid = add_child(a, "王小明")
        client.sync(a)
        client.sync(b)
        edit(a, Child, cid, phone="13800000001")
        edit(b, Child, cid, phone="13800000002")
        client.sync(a)
        client.sync(b)
        client.sync(a)  # both laptops hold the county's conflict record
        with a.read_session() as s:
            seq = s.scalars(select(Conflict.seq)).one()
        edit(b, Child, cid, village_code=V2)  # b transfers the child away...
        client.sync(b)
        conflicts.resolve(a, seq, swap=True)  # ...while a's director swaps the conflict
        client.sync(a)
        rows = [r for r in refusals.list_refused(a) if r.table == conflicts.CONFLICT_TABLE]
        assert len(rows) == 1 and rows[0].code == "out_of_scope"
        page = RefusedPage(UiContext(a))
        qtbot.addWidget(page)
        texts = [[page.table.item(i, j).text() for j in range(page.table.columnCount())]
                 for i in range(page.table.rowCount())]
        row = next(t for t in texts if t[0] == "同步冲突 · 处理结果")
        assert row[2] == "改用另一值" and "冲突记录不属于本设备负责的范围" in row[4]
        assert not any("sync_conflict" in cell or "resolution" in cell for t in texts for cell in t)
    finally:
        a.close()
        b.close()


def test_giving_up_an_edit_from_a_clock_a_year_fast_takes_it_back(qtbot, live, tmp_path):
    """An edit refused because this laptop's clock ran a year fast, given up: the laptop shows the
    value the county holds again, and takes the county's next change of that field (the year-fast
    stamp kept locally hid every change for a year). A child created while the clock ran fast
    cannot be given up: it is sent again once the clock is right, and the page says so."""
    from app.core import hlc

    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    try:
        for st in (a, b):
            client.enrol(st, live.url, live.code(V1))
        cid = add_child(a, "王小明", phone="13800000000")
        guardian = add_guardian(a, cid, "王大明")
        client.sync(a)
        client.sync(b)
        year = 365 * 24 * 3600 * 1000
        a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + year)
        edit(a, Child, cid, phone="13900000000")
        edit(a, Guardian, guardian, phone="13500000000")
        new_child = add_child(a, "李小红")
        assert client.sync(a).refused == 3
        page = RefusedPage(UiContext(a))
        qtbot.addWidget(page)
        shown = {(page.table.item(i, 0).text(), page.table.item(i, 1).text()) for i in range(3)}
        assert shown == {("儿童 · 电话", "王小明"), ("监护人 · 电话", "王小明"), ("儿童 · 新建", "李小红")}
        page.table.selectAll()
        page.drop.click()
        assert page.table.rowCount() == 1 and page.rows[0].row_id == new_child  # the new child stays listed
        assert "不能放弃" in page.note.text()
        mine = get(a, Child, cid)
        assert mine.phone == "13800000000"
        assert hlc.decode(mine.hlc)[0] < hlc.wall_ms_now() + hlc.MAX_AHEAD_MS

        a.clock = hlc.HybridClock(a.clock.last)  # the director fixes the clock
        edit(b, Child, cid, phone="13700000000")
        client.sync(b)
        client.sync(a)
        assert get(a, Child, cid).phone == "13700000000"
        with live.db.sessions() as s:
            assert s.get(Child, new_child).name == "李小红"  # sent again with the clock right
        assert refusals.list_refused(a) == []
    finally:
        a.close()
        b.close()
