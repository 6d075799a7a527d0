"""Issue 13: the 工作台 lists follow-up due dates — open 跟进事项 due within a week or overdue, from
the current version of each visit; done ones and far-off ones are not listed."""

from __future__ import annotations

import datetime as dt

from app.data import visits as V
from app.data.dashboard import follow_ups_due
from app.domain import schedule
from app.ui.visits.dashboard_page import DashboardPage


def test_follow_ups_due_are_listed(qtbot, ctx, kids, store):
    today = schedule.today_local()
    with store.session() as s:
        v = V.record_visit(s, kids["张小明"], today - dt.timedelta(days=10), "入户", follow_ups=[
            {"action": "联系学校劝返", "due": today - dt.timedelta(days=3)},
            {"action": "申请临时救助", "due": today + dt.timedelta(days=30)}])
        V.record_visit(s, kids["李华"], today - dt.timedelta(days=2), "电话", follow_ups=[
            {"action": "送去冬衣", "due": today + dt.timedelta(days=2)},
            {"action": "已办完的事", "due": today, "done": True}])
        V.amend_visit(s, v.id, "期限改了", follow_ups=[
            {"action": "联系学校劝返", "due": today - dt.timedelta(days=1)},
            {"action": "申请临时救助", "due": today + dt.timedelta(days=30)}])
    with store.read_session() as s:
        block = follow_ups_due(s, today)
    assert [(i.name, i.note, i.days_overdue) for i in block.items] == [("张小明", "联系学校劝返", 1), ("李华", "送去冬衣", 0)]

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.cards["follow"].count == 2)  # read off the UI thread, after the counts (issue 17)
    page.show_list("follow")
    lines = [page.list.item(i).text() for i in range(page.list.count())]
    assert "联系学校劝返" in lines[0] and "跟进已逾期 1 天" in lines[0]
    assert "送去冬衣" in lines[1] and "跟进期限" in lines[1]


def test_dashboard_lists_line_up_in_columns_with_colour_chips(qtbot, ctx, kids, store):
    from app.ui.columns import COLOUR_ROLE, PARTS_ROLE, ColumnsDelegate

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show_list("never")
    assert isinstance(page.list.itemDelegate(), ColumnsDelegate)
    rows = [page.list.item(i) for i in range(page.list.count())]
    assert rows and all(len(r.data(PARTS_ROLE)) == 4 for r in rows)       # name, 组, due, last visit
    colours = {r.data(PARTS_ROLE)[0]: r.data(COLOUR_ROLE) for r in rows}
    assert colours["张小明"] == "红" and colours["王芳"] == ""             # drawn as a chip, not a word in the text
    page.resize(900, 500)
    page.show()
    pix = page.list.viewport().grab()
    assert not pix.isNull()
