"""End to end in real headless Chromium (Debian's /usr/bin/chromium through Playwright, no browser
download): the first county admin is made with `tonghu server user add`, logs in, enrols a village
laptop on the 设备 page; a real encrypted laptop store enrols with that code, files a mandatory
report and syncs through the real client over a real socket; the report is in the 强制报告 inbox;
the officer 签收 and adds a 处置记录; the laptop syncs and its child file's 强制报告 tab (the real
Qt widget, offscreen) shows both.

Skipped only outside CI when chromium is missing (`make test` installs it)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import clock
from app.data import protection
from app.data.county_actions import county_actions
from app.sync import client
from tests.server.web.console import ADMIN_PASSWORD
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, add_child, make_store

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"


def _chromium_or_skip():
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing (Debian package chromium, installed by make test)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    return sync_playwright


@pytest.fixture
def browser():
    sync_playwright = _chromium_or_skip()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield chromium
        finally:
            chromium.close()


def test_report_from_laptop_to_inbox_and_follow_up_back(browser, tmp_path, qapp):
    with server_db("sqlite", tmp_path) as db, LiveServer(db) as live:
        made = subprocess.run([sys.executable, "-m", "app.cli", "server", "user", "add", "--db", db.url,
                               "--name", "wangke", "--role", "county-admin", "--full-name", "王科长"],
                              cwd=ROOT, env={**os.environ, "TONGHU_PASSWORD": ADMIN_PASSWORD},
                              capture_output=True, text=True, timeout=300)
        assert made.returncode == 0, made.stderr

        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="zh-CN")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "401" not in m.text else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live.url + "/")
        assert page.url.endswith("/login")
        page.fill("input[name=name]", "wangke")
        page.fill("input[name=password]", "wrong password")
        page.click("button[type=submit]")
        assert "登录名或密码不正确" in page.inner_text(".flash-error")
        page.fill("input[name=password]", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live.url + "/")
        assert "wangke" in page.inner_text(".who")

        # 设备: a one-time code for the village, on a printable sheet
        page.click("nav.mainnav >> text=设备")
        page.fill("form[action='/devices/code'] input[name=scope]", V1)
        page.click("form[action='/devices/code'] button[type=submit]")
        code = page.inner_text("#enrol-code").strip()
        assert len(code) == 11 and "登记步骤" in page.inner_text(".sheet")

        laptop = make_store(tmp_path, "village", V1)
        try:
            client.enrol(laptop, live.url, code)
            child_id = add_child(laptop, "陈小雨", id_number="")
            with laptop.session() as s:
                report = protection.add_report(s, child_id, found_at=clock.local_now() - dt.timedelta(hours=2),
                                               description="邻居反映孩子身上多处淤青，夜里常听到打骂声",
                                               place="家中", found_by="儿童主任")
                report_id = report.id
            assert client.sync(laptop).pushed > 0

            # the device list shows it synced; the report is in the inbox
            page.goto(live.url + "/devices")
            row = page.inner_text("#devices tbody tr")
            assert V1 in row and "从未" not in row
            page.click("nav.mainnav >> text=强制报告")
            assert "陈小雨" in page.inner_text("main")
            page.click(f"a[href='/reports/{report_id}']")
            assert "邻居反映孩子身上多处淤青" in page.inner_text("main")
            page.click("#ack")
            assert "已签收" in page.inner_text(".flash-ok")
            page.fill("form[action$='/followup'] textarea[name=note]", "已与派出所联系，民警当日上门核实，孩子暂由外婆照看")
            page.click("#followup")
            timeline = page.inner_text("#timeline")
            assert "县民政局签收（王科长）" in timeline and "民警当日上门核实" in timeline

            # the laptop's next sync brings both to the child's 强制报告 tab
            client.sync(laptop)
            actions = laptop.read(county_actions, [report_id])[report_id]
            assert [a.kind for a in actions][:1] == ["签收"]
            assert any("民警当日上门核实" in a.note for a in actions)
            assert {a.officer for a in actions} == {"王科长"}  # the officer by real name
            from app.ui.context import UiContext
            from app.ui.protection.reports_tab import ReportsTab

            tab = ReportsTab(UiContext(laptop))  # the child file's 强制报告 tab on the laptop
            tab.load(child_id)
            top = tab.tree.topLevelItem(0)
            lines = [" ".join(top.child(i).text(c) for c in range(4)) for i in range(top.childCount())]
            assert any("县民政局已签收" in line for line in lines), lines
            assert any("民警当日上门核实" in line for line in lines), lines
            tab.deleteLater()
        finally:
            laptop.close()

        # every step is in the audit log
        page.click("nav.mainnav >> text=审计日志")
        log_text = page.inner_text("#audit")
        for words in ("登录失败", "登录", "生成登记码", "查看强制报告", "签收强制报告", "添加处置记录"):
            assert words in log_text, words
        assert not errors, errors  # no script, CSP or missing-file errors on any page (the wrong password's 401 aside)
