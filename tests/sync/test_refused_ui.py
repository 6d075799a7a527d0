"""Changes the county refused stay visible with the reason, and the director can send them again
or stop sending them: through a real county server, a real store and the real page."""

from __future__ import annotations

from app.data import refusals
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
