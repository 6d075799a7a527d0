"""转出 (issue 16): the child's file asks for the receiving village and the reason instead of
editing a village code by hand; after sync the receiving village's laptop holds the file with its
history and this laptop no longer holds it. Bad input is explained and changes nothing."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlalchemy import func, select

from app.data.models.child import Child
from app.data.models.visits import Visit
from app.sync import client
from app.ui.children.transfer_dialog import TransferDialog
from app.ui.context import UiContext
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, V2, add_child, get, make_store

SHOTS = os.environ.get("TONGHU_SCREENSHOTS")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        yield srv


@pytest.fixture
def pair(tmp_path, live, qapp):
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V2)
    with a.session() as s:  # the receiving village is known to this laptop (as the county's place list)
        from app.data.models import Place

        s.add(Place(code=V2, name="b村", level="village"))
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    yield a, b
    a.close()
    b.close()


def test_transfer_to_another_village_moves_the_file(qtbot, pair):
    a, b = pair
    cid = add_child(a, "陈小雨", id_number="320115201503150024")
    with a.session() as s:
        s.add(Visit(child_id=cid, visit_date=dt.date(2026, 11, 20), kind="入户", visitor="a"))
    client.sync(a)
    ctx = UiContext(a)
    dlg = TransferDialog(ctx, cid)
    qtbot.addWidget(dlg)
    assert dlg.village.count() == 1 and dlg.village.itemText(0) == f"b村（{V2}）"
    dlg.save()  # nothing chosen, no reason
    assert not dlg.error.isHidden() and "区划代码应为12位数字" in dlg.error.text() and "请填写转出原因" in dlg.error.text()
    dlg.village.setEditText("320999101201")
    dlg.reason.setText("随祖父母迁居")
    dlg.save()
    assert "只能转到本县的村" in dlg.error.text()
    assert get(a, Child, cid).village_code == V1  # nothing changed
    dlg.village.setCurrentIndex(0)
    if SHOTS:
        dlg.show()
        qtbot.wait(100)
        dlg.error.hide()
        dlg.grab().save(os.path.join(SHOTS, "transfer-dialog.png"))
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.moved_to == V2
    moved = get(a, Child, cid)
    assert moved.village_code == V2 and "转出至b村（320115101202）：随祖父母迁居" in moved.notes

    client.sync(a)
    assert get(a, Child, cid) is None  # this laptop keeps nothing
    client.sync(b)
    assert get(b, Child, cid).name == "陈小雨"
    with b.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.child_id == cid)) == 1


def test_leaving_the_county_marks_transferred(qtbot, pair):
    a, _ = pair
    cid = add_child(a, "林一", id_number="320115201601010013")
    dlg = TransferDialog(UiContext(a), cid)
    qtbot.addWidget(dlg)
    dlg.away.setChecked(True)
    assert not dlg.village.isEnabled()
    dlg.save()
    assert "请填写转出原因" in dlg.error.text()
    dlg.reason.setText("随父母迁往上海")
    dlg.save()
    child = get(a, Child, cid)
    assert child.status == "已转出" and child.village_code == V1 and child.status_note == "随父母迁往上海"
