"""A county follow-up reaches the village laptop: a real encrypted store files a mandatory report
and syncs through the real client; the officer sees it in the console inbox, 签收, 指派 and adds a
处置记录 (real HTTP, CSRF tokens); the laptop syncs again and its child file's 强制报告 tab shows the
county's actions. A laptop cannot forge a county action (the server refuses it)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.data import protection
from app.data.county_actions import county_actions
from app.data.models.county import CountyReportAction
from app.data.models.local import OutboxChange
from app.server.console.derived import catch_up
from app.server.console.overview import overview
from app.sync import client
from tests.server.console.helpers import PASSWORDS, csrf, login
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, add_child, make_store

import app.server.web  # noqa: F401,I001  (the console package before accounts)
from app.server import accounts


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        accounts.create(db, name="admin", role="county-admin", password=PASSWORDS["admin"], scope="")
        yield srv


def test_follow_up_reaches_the_laptop(live, tmp_path, qapp):
    laptop = make_store(tmp_path, "village", V1)
    client.enrol(laptop, live.url, live.code(V1))
    child_id = add_child(laptop, "陈小雨", birth_date=dt.date(2016, 5, 4))
    with laptop.session() as s:
        report = protection.add_report(s, child_id, found_at=dt.datetime(2026, 11, 30, 9, 0),
                                       description="孩子手臂有多处淤青", urgency="紧急", situation="疑似受到侵害")
        report_id = report.id
    client.sync(laptop)

    officer = login(live.url, "admin")
    inbox = officer.get("/reports")
    assert "陈小雨" in inbox.text and "超时未向公安报告" in inbox.text and report_id in inbox.text
    page = officer.get(f"/reports/{report_id}")
    for path, data in (("ack", {"note": ""}), ("assign", {"assignee": "王芳（镇督导员）", "note": "今天核实"}),
                       ("followup", {"note": "已联系派出所，民警当日上门"})):
        answer = officer.post(f"/reports/{report_id}/{path}", data={**data, "csrf_token": csrf(page.text)})
        assert answer.status_code == 200, answer.text[:300]
        page = answer
    assert "已联系派出所，民警当日上门" in page.text and "县级已签收" in page.text
    catch_up(live.db)  # as every console page does first
    with live.db.sessions() as s:
        o = overview(s, V1[:9], with_trend=False)
    assert o.total.active == 1 and o.total.reports_open == 1 and o.total.colours == {"红": 1}

    client.sync(laptop)
    with laptop.read_session() as s:
        actions = county_actions(s, [report_id])[report_id]
    assert [a.kind for a in actions] == ["签收", "指派", "处置"]
    assert actions[1].assignee == "王芳（镇督导员）" and actions[2].note == "已联系派出所，民警当日上门"
    assert all(a.officer == "admin" for a in actions)

    from app.ui.context import UiContext
    from app.ui.protection.reports_tab import ReportsTab

    tab = ReportsTab(UiContext(laptop))
    tab.load(child_id)
    top = tab.tree.topLevelItem(0)
    lines = [" ".join(top.child(i).text(c) for c in range(4)) for i in range(top.childCount())]
    assert any("县民政局已签收" in line for line in lines)
    assert any("王芳（镇督导员）" in line for line in lines)
    assert any("已联系派出所" in line for line in lines)
    tab.deleteLater()

    # the overview follows the next push (only the changed village is counted again)
    add_child(laptop, "陈小明", birth_date=dt.date(2018, 2, 1))
    client.sync(laptop)
    catch_up(live.db)
    with live.db.sessions() as s:
        o = overview(s, V1[:9], with_trend=False)
    assert o.total.active == 2 and o.total.colours == {"红": 1, "": 1}

    # the laptop cannot make a county action of its own
    with laptop.session() as s:
        s.add(CountyReportAction(report_id=report_id, child_id=child_id, kind="签收", acted_at=dt.datetime(2026, 12, 1),
                                 officer="冒充"))
    client.sync(laptop)
    with laptop.read_session() as s:
        refused = s.scalars(select(OutboxChange).where(OutboxChange.table_name == "county_report_action")).all()
    assert refused and all(r.refused_code == "county_managed" for r in refused)
    with live.db.sessions() as s:
        assert not s.scalars(select(CountyReportAction).where(CountyReportAction.officer == "冒充")).all()
    laptop.close()
