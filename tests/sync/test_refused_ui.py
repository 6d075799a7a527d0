"""Changes the county refused stay visible with the reason, and the director can send them again
or stop sending them: through a real county server, a real store and the real page."""

from __future__ import annotations

from app.sync import refusals
from app.data.models.child import Child
from app.sync import client
from app.ui.context import UiContext
from app.ui.sync.refused import RefusedPage
from tests.sync.stores import V1, V2, add_child, edit, make_store


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
