"""Roles and scopes on every page, through a live server with a small synthetic county (SQLite and
PostgreSQL): a township supervisor gets 404 for another township's village, child, report and
export, and for the admin pages; a viewer gets statistics only; admins manage accounts in the
browser (new accounts change their password first; a reset shows a temporary password once and
ends the account's sessions; a disabled account cannot log in)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from app.core import clock
from app.server import accounts
from app.server.db import ServerBase
from app.server.web import audit
from tests.server.console.helpers import PASSWORDS, TOWN_A, TOWN_B, fill
from tests.server.web.console import Browser
from tests.sync.live import LiveServer, server_db


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def county(request, tmp_path_factory):
    with server_db(request.param, tmp_path_factory.mktemp("county")) as db:
        fill(db, visits=300)
        with LiveServer(db) as srv:
            yield srv


def _logged_in(srv, name: str) -> Browser:
    b = Browser(srv.url)
    assert b.login(name, PASSWORDS[name]).status_code == 303
    return b


def _one(db, table: str, where) -> str:
    t = ServerBase.metadata.tables[table]
    with db.sessions() as s:
        return s.scalar(select(t.c.id).where(where(t)).limit(1))


def test_township_supervisor_gets_404_outside_the_township(county):
    db = county.db
    child = ServerBase.metadata.tables["child"]
    report = ServerBase.metadata.tables["mandatory_report"]
    with db.sessions() as s:
        village_b = s.scalar(select(child.c.village_code).where(child.c.village_code.startswith(TOWN_B)).limit(1))
        village_a = s.scalar(select(child.c.village_code).where(child.c.village_code.startswith(TOWN_A)).limit(1))
        child_b = s.scalar(select(child.c.id).where(child.c.village_code.startswith(TOWN_B)).limit(1))
        child_a = s.scalar(select(child.c.id).where(child.c.village_code.startswith(TOWN_A)).limit(1))
        report_b = s.scalar(select(report.c.id).join(child, child.c.id == report.c.child_id)
                            .where(child.c.village_code.startswith(TOWN_B)).limit(1))
    assert all([village_a, village_b, child_a, child_b, report_b])
    b = _logged_in(county, "town")
    try:
        assert b.get(f"/villages/{village_a}").status_code == 200
        assert b.get(f"/children/{child_a}").status_code == 200
        outside = [f"/villages/{village_b}", f"/children/{child_b}", f"/reports/{report_b}",
                   f"/villages?unit={TOWN_B}", f"/reports?unit={TOWN_B}", f"/?unit={TOWN_B}",
                   f"/exports/roster.xlsx?unit={TOWN_B}", "/exports/roster.xlsx?unit=320115",
                   "/children/no-such-child", "/accounts", "/accounts/1", "/devices", "/audit"]
        for path in outside:
            answer = b.get(path)
            assert answer.status_code == 404, path
            assert "页面不存在" in answer.text and child_b not in answer.text
        # posts outside the scope change nothing either
        assert b.post(f"/reports/{report_b}/ack", {"note": "越权"}).status_code == 404
        assert b.post("/devices/code", {"scope": village_b}).status_code == 404
        # the menu offers only what the role may use
        page = b.get("/").text
        assert 'href="/reports"' in page and 'href="/devices"' not in page and 'href="/accounts"' not in page
    finally:
        b.close()


def test_viewer_sees_statistics_but_no_names(county):
    db = county.db
    child = ServerBase.metadata.tables["child"]
    with db.sessions() as s:
        names = list(s.scalars(select(child.c.name).limit(40)))
        some_child = s.scalar(select(child.c.id).limit(1))
    b = _logged_in(county, "view")
    try:
        page = b.get("/")
        assert page.status_code == 200
        assert not any(name in page.text for name in names)
        for path in (f"/children/{some_child}", "/reports", "/villages", "/devices", "/accounts", "/audit"):
            assert b.get(path).status_code == 404, path
    finally:
        b.close()


def test_admin_manages_accounts_in_the_browser(county):
    db = county.db
    a = _logged_in(county, "admin")
    try:
        a.get("/accounts")
        answer = a.post("/accounts", {"name": "li", "full_name": "李督导", "role": "township", "scope": TOWN_B,
                                      "password": "Li-initial-2026"})
        assert answer.status_code == 303
        refused = a.post("/accounts", {"name": "li", "role": "township", "scope": TOWN_B, "password": "Li-initial-2026"})
        assert refused.status_code == 400 and "已被使用" in refused.text
        bad = a.post("/accounts", {"name": "wu", "role": "township", "scope": "3201", "password": "Wu-initial-2026"})
        assert bad.status_code == 400 and "9位" in bad.text
        li = next(x for x in accounts.list_all(db) if x.name == "li")
        # the new officer must choose a password before anything else
        user = Browser(county.url)
        assert user.login("li", "Li-initial-2026").status_code == 303
        assert user.get("/reports").headers["location"] == "/account"
        user.get("/account")
        assert user.post("/account/password", {"old": "Li-initial-2026", "new": "Li-own-pass-2026",
                                               "again": "Li-own-pass-2026"}).status_code == 303
        assert user.get("/reports").status_code == 200
        # a reset shows a temporary password once and logs the officer out
        a.get(f"/accounts/{li.id}")
        page = a.post(f"/accounts/{li.id}/reset")
        temp = re.search(r'id="temp-password">([^<]+)<', page.text).group(1)
        assert user.get("/reports").status_code == 303
        assert user.login("li", "Li-own-pass-2026").status_code == 401
        assert user.login("li", temp).status_code == 303
        # disabled: the session ends and the password no longer opens
        a.get(f"/accounts/{li.id}")
        assert a.post(f"/accounts/{li.id}", {"role": "township", "scope": TOWN_B, "full_name": "李督导",
                                             "disabled": "1"}).status_code == 303
        assert user.get("/account").status_code == 303
        answer = user.login("li", temp)
        assert answer.status_code == 401 and "停用" in answer.text
        user.close()
        # the last admin cannot take away their own rights
        me = next(x for x in accounts.list_all(db) if x.name == "admin")
        a.get(f"/accounts/{me.id}")
        answer = a.post(f"/accounts/{me.id}", {"role": "viewer", "scope": "320115", "full_name": ""})
        assert answer.status_code == 400 and accounts.get(db, me.id).role == "county-admin"
        rows, _ = audit.search(db, user="admin")
        assert {"account_add", "account_reset", "account_edit"} <= {r.action for r in rows}
        assert "李督导" not in [r.target for r in rows if r.action == "account_reset"]  # the login name is the target
        log_page = a.get("/audit?action=account_reset").text
        assert "重置密码" in log_page and "<td>li</td>" in log_page
        today = clock.local_now().date()
        assert "共 0 条" in a.get(f"/audit?since={today + dt.timedelta(days=1)}").text
        assert "共 0 条" not in a.get(f"/audit?since={today}&until={today}&user=admin").text
        assert "日期格式" in a.get("/audit?since=2026-13-01").text
    finally:
        a.close()
