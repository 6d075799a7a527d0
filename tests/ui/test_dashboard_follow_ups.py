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
    assert page.cards["follow"].count == 2
    page.show_list("follow")
    lines = [page.list.item(i).text() for i in range(page.list.count())]
    assert "联系学校劝返" in lines[0] and "跟进已逾期 1 天" in lines[0]
    assert "送去冬衣" in lines[1] and "跟进期限" in lines[1]
