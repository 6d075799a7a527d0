"""Township supervisors' laptops (issue 16): after the county imported a roster and loaded its
place list, a township laptop's first sync brings every village's children and their names; the
child list shows the village column and filters by village; the 工作台 totals by village."""

from __future__ import annotations

import os

import pytest

from app.server.roster.importer import import_roster
from app.sync import client
from app.ui.children.list_model import VILLAGE_COLUMN
from app.ui.children.list_page import ChildListPage
from app.ui.children.township import VillageTotals
from app.ui.context import UiContext
from tests.server.roster.conftest import SAMPLES, load_places
from tests.sync.live import LiveServer, server_db
from app.data.store import Store
from tests.sync.stores import PASSWORD, V1


def make_store(tmp_path, name: str, village: str):
    return Store.create(tmp_path / f"{name}.store", user=name, password=PASSWORD, village_code=village,
                        village_name="张庄社区", township_name="东湖街道", county_name="示例县", display_name=name)

SHOTS = os.environ.get("TONGHU_SCREENSHOTS")
TOWNSHIP = "320115101"  # 东湖街道: 12 villages, 2 children each in the 120-row sample


@pytest.fixture
def township_store(tmp_path, qapp):
    with server_db("sqlite", tmp_path) as db, LiveServer(db) as live:
        load_places(db)
        import_roster(db, SAMPLES / "national_export_120.xlsx")
        store = make_store(tmp_path, "督导员", V1)
        client.enrol(store, live.url, live.code(TOWNSHIP))
        client.sync(store)
        village = make_store(tmp_path, "村", V1)
        client.enrol(village, live.url, live.code(V1))
        client.sync(village)
        yield store, village
        store.close()
        village.close()


def test_village_column_filter_and_totals(qtbot, township_store):
    store, village = township_store
    ctx = UiContext(store)
    page = ChildListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1093, 560)
    assert page.township and not page.table.isColumnHidden(VILLAGE_COLUMN)
    assert page.model.rowCount() == 24
    assert page.village.count() == 13 and page.village.itemText(1) == "张庄社区"
    names = {page.model.index(r, VILLAGE_COLUMN).data() for r in range(page.model.rowCount())}
    assert "张庄社区" in names and "双塘村" in names and len(names) == 12
    page.show_village("320115101203")
    assert page.model.rowCount() == 2 and page.count_label.text() == "共 2 名"
    assert {page.model.index(r, VILLAGE_COLUMN).data() for r in range(2)} == {"王营村"}
    if SHOTS:
        page.village.setCurrentIndex(0)
        page.show()
        qtbot.wait(100)
        page.grab().save(os.path.join(SHOTS, "township-list.png"))

    totals = VillageTotals(ctx)
    qtbot.addWidget(totals)
    table = totals.table
    assert table.rowCount() == 13
    assert table.item(0, 0).text() == "张庄社区（201）" and table.item(0, 1).text() == "2"
    assert table.item(12, 0).text() == "合计" and table.item(12, 1).text() == "24"
    if SHOTS:
        totals.resize(600, 330)
        totals.show()
        qtbot.wait(100)
        totals.grab().save(os.path.join(SHOTS, "township-totals.png"))

    # a village laptop: no village column, no filter, no totals block; it knows the other villages' names
    vctx = UiContext(village)
    vpage = ChildListPage(vctx)
    qtbot.addWidget(vpage)
    assert not vpage.township and vpage.table.isColumnHidden(VILLAGE_COLUMN) and vpage.village.isHidden()
    assert vpage.model.rowCount() == 2
    vtotals = VillageTotals(vctx)
    qtbot.addWidget(vtotals)
    vtotals.refresh()
    assert vtotals.isHidden()
    from app.ui import registry
    from app.ui.visits.dashboard_page import DashboardPage

    registry.register_all()
    for c, expect_block in ((vctx, False), (ctx, True)):  # on the 工作台: the block only on the township laptop
        dash = DashboardPage(c)
        qtbot.addWidget(dash)
        dash.show()
        dash.refresh()
        block = next(w for w in dash.sections if isinstance(w, VillageTotals))
        assert not dash.isHidden() and block.isVisibleTo(dash) is expect_block
    from app.data import transfer

    known = dict(village.read(transfer.known_villages))
    assert known["320115102201"] == "张庄村" and len(known) == 60
