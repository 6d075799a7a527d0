"""The 总览 numbers, computed with GROUP BY in SQL, equal the same numbers counted row by row in
Python from the server's tables (SQLite and PostgreSQL); 应保未保 equals the laptop's own rule."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from app.data.benefits import looks_eligible_unpaid
from app.data.models import Child
from app.data.models.protection import MandatoryReport, ReportFollowUp
from app.data.models.visits import Visit
from app.domain import schedule
from app.domain.vocab import STATUS_ACTIVE
from app.server.console import charts
from app.server.console.overview import overview
from app.server.console.unpaid import unpaid
from tests.server.console.helpers import TOWN_A


def test_overview_equals_row_by_row_counts(county):
    today = schedule.today_local()
    month_start, _ = schedule.month_bounds(today)
    with county.db.sessions() as s:
        o = overview(s, "320115", today=today)
        kids = s.execute(select(Child.id, Child.village_code, Child.colour, Child.next_visit_due).where(
            Child.deleted.is_(False), Child.status == STATUS_ACTIVE)).all()
        visited = {cid for cid, day in s.execute(select(Visit.child_id, Visit.visit_date).where(
            Visit.amends_id.is_(None))) if month_start <= day <= today}
        closed = set(s.scalars(select(ReportFollowUp.report_id).where(ReportFollowUp.closes.is_(True))))
        reports = s.execute(select(MandatoryReport.id, Child.village_code).join(
            Child, Child.id == MandatoryReport.child_id)).all()
        desktop_unpaid = {u.child.id for u in looks_eligible_unpaid(s, today)}
        server_unpaid = {u.child_id for u in unpaid(s, "", today)}
    assert [r.code for r in o.rows] == ["320115101", "320115102"]
    assert o.total.active == len(kids) > 0
    for row in o.rows:
        mine = [k for k in kids if k.village_code.startswith(row.code)]
        assert row.active == len(mine)
        assert row.colours == {c: n for c, n in Counter(k.colour or "" for k in mine).items()}
        assert row.overdue == sum(1 for k in mine if k.next_visit_due and k.next_visit_due < today)
        assert row.visited_month == sum(1 for k in mine if k.id in visited)
        assert row.reports_open == sum(1 for rid, v in reports if v.startswith(row.code) and rid not in closed)
        assert row.villages == 2
    assert server_unpaid == desktop_unpaid and o.total.unpaid == len(server_unpaid) > 0
    assert sum(v for _, v in o.trend) > 0 and len(o.trend) == 12
    svg = charts.colour_bars(o.total.colours)
    assert svg.startswith("<svg") and "未评估" in svg


def test_township_rows_are_villages_and_stale_ones_are_marked(county):
    from sqlalchemy import update

    from app.server.db import Device

    with county.db.sessions() as s, s.begin():
        s.execute(update(Device).where(Device.scope == TOWN_A + "201").values(last_sync=dt.datetime(2026, 1, 1)))
        s.execute(update(Device).where(Device.scope == TOWN_A + "202").values(last_sync=None))
    with county.db.sessions() as s:
        o = overview(s, TOWN_A, with_trend=False)
    assert [r.code for r in o.rows] == [TOWN_A + "201", TOWN_A + "202"]
    assert all(r.stale for r in o.rows)
    assert o.total.stale_villages == 2


def test_numbers_are_counted_in_advance_until_the_next_midnight():
    import datetime as dt

    from app.server.web.pages.warm import seconds_to_midnight

    shanghai_2330 = dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.timezone.utc)  # 23:30 in Asia/Shanghai
    assert seconds_to_midnight(shanghai_2330) == 31 * 60
    assert seconds_to_midnight(dt.datetime(2026, 12, 1, 16, 0, 30, tzinfo=dt.timezone.utc)) == 60.0
