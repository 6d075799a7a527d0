"""Console login and its guards, through a live server on a real socket (SQLite and PostgreSQL):
pages need a login; a post without the CSRF token changes nothing; wrong passwords lock the account
for a growing time; a session ends after 30 idle minutes; TOTP, also when a county makes it
mandatory for admins; `tonghu server user add` makes the first admin."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest

from app.core import clock
from app.server import accounts
from app.server.web import audit
from tests.server.web.console import ADMIN_PASSWORD, Browser, admin
from tests.sync.live import LiveServer, server_db

ROOT = Path(__file__).resolve().parents[3]
START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        yield srv


@pytest.fixture
def live_sqlite(tmp_path):
    with server_db("sqlite", tmp_path) as db, LiveServer(db) as srv:
        yield srv


@pytest.fixture
def browser(live):
    b = Browser(live.url)
    yield b
    b.close()


def test_pages_need_login_and_logout_ends_the_session(live, browser):
    admin(live.db)
    answer = browser.get("/accounts")
    assert answer.status_code == 303 and answer.headers["location"] == "/login?next=%2Faccounts"
    assert browser.get("/api/v1/hello").json()["server"] == "tonghu"  # the sync API keeps its paths
    browser.get("/login?next=%2Faccounts")
    answer = browser.post("/login", {"name": "admin", "password": ADMIN_PASSWORD, "next": "/accounts"})
    assert answer.status_code == 303 and answer.headers["location"] == "/accounts"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie  # plain HTTP on loopback
    page = browser.get("/accounts")
    assert page.status_code == 200 and "新建账户" in page.text
    assert page.headers["cache-control"] == "no-store" and "script-src 'self'" in page.headers["content-security-policy"]
    assert browser.post("/logout").headers["location"] == "/login"
    assert browser.get("/accounts").status_code == 303
    # an outside address is never a redirect target
    browser.get("/login")
    answer = browser.post("/login", {"name": "admin", "password": ADMIN_PASSWORD, "next": "//evil.example/x"})
    assert answer.headers["location"] == "/"


def test_post_without_csrf_token_changes_nothing(live, browser):
    admin(live.db)
    browser.get("/login")
    assert browser.post("/login", {"name": "admin", "password": ADMIN_PASSWORD}, token=False).status_code == 403
    assert not browser.logged_in()
    assert browser.login("admin", ADMIN_PASSWORD).status_code == 303
    browser.get("/accounts")
    new = {"name": "zhang", "full_name": "张督导", "role": "township", "scope": "320115101", "password": "Zhang-2026-pass"}
    refused = browser.client.post("/accounts", data=new)
    assert refused.status_code == 403 and "未作任何更改" in refused.text
    forged = browser.client.post("/accounts", data={**new, "csrf_token": "0" * 64})
    assert forged.status_code == 403
    other = Browser(live.url)  # a token from another browser's page is not this session's
    try:
        other.get("/login")
        stolen = re.search(r'name="csrf_token" value="([^"]+)"', other.last).group(1)
    finally:
        other.close()
    assert browser.client.post("/accounts", data={**new, "csrf_token": stolen}).status_code == 403
    assert [a.name for a in accounts.list_all(live.db)] == ["admin"]
    assert browser.post("/accounts", new).status_code == 303
    assert {a.name for a in accounts.list_all(live.db)} == {"admin", "zhang"}


def test_wrong_passwords_lock_the_account_for_a_growing_time(live_sqlite):
    admin(live_sqlite.db)
    b = Browser(live_sqlite.url)
    with clock.frozen(START) as now:
        for _ in range(accounts.FREE_FAILURES):
            answer = b.login("admin", "wrong password")
            assert answer.status_code == 401 and "登录名或密码不正确" in answer.text
        answer = b.login("admin", "wrong password")
        assert "已暂时锁定 1 分钟" in answer.text
        answer = b.login("admin", ADMIN_PASSWORD)  # the right password is refused while locked
        assert answer.status_code == 401 and "锁定" in answer.text and not b.logged_in()
        now.advance(seconds=61)
        answer = b.login("admin", "wrong again")
        assert "已暂时锁定 2 分钟" in answer.text  # the delay doubles
        now.advance(seconds=119)
        assert "锁定" in b.login("admin", ADMIN_PASSWORD).text
        now.advance(seconds=2)
        assert b.login("admin", ADMIN_PASSWORD).status_code == 303 and b.logged_in()
    assert accounts.lock_delay(accounts.FREE_FAILURES + 20) == accounts.MAX_LOCK
    rows, _ = audit.search(live_sqlite.db, action="login_failed")
    assert len(rows) == accounts.FREE_FAILURES + 4 and {r.target for r in rows} == {"admin"}
    b.login("My-Secret-Pass-2026", "admin")  # a password typed into the name box is not logged
    rows, _ = audit.search(live_sqlite.db, action="login_failed")
    assert any(r.target == "（未知登录名）" for r in rows) and not any("My-Secret" in r.target + r.detail for r in rows)
    b.close()


def test_session_ends_after_30_idle_minutes(live_sqlite):
    admin(live_sqlite.db)
    b = Browser(live_sqlite.url)
    with clock.frozen(START) as now:
        assert b.login("admin", ADMIN_PASSWORD).status_code == 303
        for _ in range(3):  # in use: never expires while the officer keeps working
            now.advance(minutes=29)
            assert b.get("/audit").status_code == 200
        now.advance(minutes=31)
        answer = b.get("/audit")
        assert answer.status_code == 303 and answer.headers["location"] == "/login?next=%2Faudit&expired=1"
        assert "长时间未操作" in b.get(answer.headers["location"]).text
        assert b.get("/audit").headers["location"] == "/login?next=%2Faudit"  # the session row is gone
    b.close()


def _code(secret: str, at: dt.datetime) -> str:
    return pyotp.TOTP(secret).at(at)


def test_totp_second_factor_and_mandatory_for_admins(live_sqlite):
    db = live_sqlite.db
    admin(db)
    admin(db, "deputy")
    b = Browser(live_sqlite.url)
    with clock.frozen(START) as now:
        b.login("admin", ADMIN_PASSWORD)
        page = b.get("/account").text
        secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
        assert "<svg" in page  # the QR code to scan
        assert "验证码不正确" in b.post("/account/totp", {"secret": secret, "code": "000000"}).text
        assert b.post("/account/totp", {"secret": secret, "code": _code(secret, START)}).status_code == 303
        assert accounts.get(db, 1).totp
        b.post("/logout")
        now.advance(seconds=60)
        answer = b.login("admin", ADMIN_PASSWORD)
        assert answer.headers["location"].startswith("/login/totp")
        assert b.get("/accounts").headers["location"] == "/login/totp"  # password alone opens nothing
        assert "验证器" in b.get("/login/totp").text
        assert b.post("/login/totp", {"code": "123456"}).status_code == 401
        code = _code(secret, clock.now())
        assert b.post("/login/totp", {"code": code}).status_code == 303
        assert b.get("/accounts").status_code == 200
        b.post("/logout")
        b.login("admin", ADMIN_PASSWORD)
        b.get("/login/totp")
        assert b.post("/login/totp", {"code": code}).status_code == 401  # a code logs in once
        b.post("/logout")
        # the county makes it mandatory: an admin without it may only set it up
        accounts.set_totp_required_for_admins(db, True)
        d = Browser(live_sqlite.url)
        d.login("deputy", ADMIN_PASSWORD)
        assert d.get("/devices").headers["location"] == "/account"
        assert "请先在下方启用" in d.get("/account").text
        d.close()
    b.close()


def test_cli_makes_the_first_admin_who_then_logs_in(live_sqlite, tmp_path):
    url = live_sqlite.db.url
    env = {**os.environ, "TONGHU_PASSWORD": ADMIN_PASSWORD}
    cmd = [sys.executable, "-m", "app.cli", "server", "user", "add", "--db", url, "--name", "wang", "--role",
           "county-admin", "--full-name", "王科长"]
    made = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    assert "已建立账户 wang" in made.stderr
    again = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode != 0 and "已被使用" in again.stderr
    b = Browser(live_sqlite.url)
    assert b.login("wang", ADMIN_PASSWORD).status_code == 303
    assert "王科长" in b.get("/accounts").text
    b.close()


def test_bad_form_input_and_unknown_pages_answer_with_a_page(live_sqlite):
    admin(live_sqlite.db)
    b = Browser(live_sqlite.url)
    b.login("admin", ADMIN_PASSWORD)
    b.get("/devices")
    answer = b.post("/devices/code", {"scope": "320115101201", "days": "七天"})
    assert answer.status_code == 400 and "text/html" in answer.headers["content-type"] and "未作任何更改" in answer.text
    assert "审计日志" in answer.text  # the menu is still there
    missing = b.get("/no-such-page")
    assert missing.status_code == 404 and "页面不存在" in missing.text and 'href="/devices"' in missing.text
    assert b.client.get("/api/v1/no-such").json()["error"]["code"] == "not_found"  # the API keeps JSON
    b.close()
