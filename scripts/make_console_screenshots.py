"""Screenshots of the console's login, 设备, 账户, 审计日志 and 操作记录异常 pages at 1366x768 and 1920x1080 for the
officers' guide (docs/县级管理员手册.md), into docs/images/console/NAME-WIDTH.png. (The content
pages — 总览, 强制报告, 村居与儿童, 导出 — are taken by scripts/console_screenshots.py.)

A synthetic county (app/data/demo_county.py, dated today) on a throwaway SQLite server database,
served over loopback; Debian's /usr/bin/chromium through Playwright takes the pictures.
Run: `.venv/bin/python scripts/make_console_screenshots.py [--only NAME ...]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "images" / "console"
SIZES = ((1366, 768), (1920, 1080))
PASSWORD = "Shili-county-2026"


def _county(db) -> dict:
    """The demo county, its accounts and a few audit entries; returns ids the pages need."""
    from sqlalchemy import select

    import app.server.web  # noqa: F401  (the console package before accounts)
    from app.data import demo_county
    from app.domain import schedule
    from app.server import accounts
    from app.server.db import Device, ServerBase

    demo_county.generate(db.engine, townships=3, villages_per=4, children_per=30, visits=4000,
                         today=schedule.today_local(), device_table=Device.__table__, seed=11, report_share=0.03)
    accounts.create(db, name="wangke", role="county-admin", password=PASSWORD, scope=demo_county.COUNTY, full_name="王科长")
    accounts.create(db, name="zhangdd", role="township", password=PASSWORD, scope=demo_county.COUNTY + "101",
                    full_name="张督导")
    accounts.create(db, name="tongji", role="viewer", password=PASSWORD, scope=demo_county.COUNTY, full_name="统计员")
    child = ServerBase.metadata.tables["child"]
    report = ServerBase.metadata.tables["mandatory_report"]
    with db.sessions() as s:
        child_id = s.scalar(select(child.c.id).where(child.c.colour == "红").limit(1)) or s.scalar(select(child.c.id))
        report_id = s.scalar(select(report.c.id).order_by(report.c.recorded_at.desc()).limit(1))
        village = s.scalar(select(child.c.village_code).where(child.c.id == child_id))
        devices = s.scalars(select(Device.id).order_by(Device.id).limit(3)).all()
    _audit_gaps(db, devices)
    return {"child": child_id, "report": report_id, "village": village}


def _audit_gaps(db, devices: list[str]) -> None:
    """A few breaks in the laptops' audit chains for the 操作记录异常 page (one already checked)."""
    from app.server.db import AuditGap

    found = [("gap", 41, 43, False), ("new_chain", 1, 1, False), ("bad_hash", 97, 97, True), ("rewrite", 12, 12, False)]
    with db.sessions() as s, s.begin():
        for i, (kind, a, b, done) in enumerate(found):
            s.add(AuditGap(device_id=devices[i % len(devices)], chain_id=f"c{i}", kind=kind, from_n=a, to_n=b,
                           acknowledged=done))


def _shoot(page, name: str, width: int, full: bool = False) -> None:
    path = OUT / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=full)
    print(path.relative_to(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="page names to take (default: all)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from app.server.db import ServerDB
    from tests.sync.live import LiveServer

    OUT.mkdir(parents=True, exist_ok=True)
    wanted = set(args.only or [])
    with tempfile.TemporaryDirectory() as tmp:
        db = ServerDB(f"sqlite:///{Path(tmp) / 'county.db'}")
        ids = _county(db)
        with LiveServer(db) as live, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")

                def take(name: str, path: str | None = None, *, full: bool = False, page=page, width=width) -> None:
                    if wanted and name not in wanted:
                        return
                    if path is not None:
                        page.goto(live.url + path)
                    _shoot(page, name, width, full)

                page.goto(live.url + "/login")
                take("login")
                page.fill("input[name=name]", "wangke")
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state()
                take("devices", "/devices")
                page.goto(live.url + "/devices")
                page.fill("form[action='/devices/code'] input[name=scope]", ids["village"])
                page.click("form[action='/devices/code'] button[type=submit]")
                page.wait_for_load_state()
                take("device-sheet")
                take("accounts", "/accounts")
                page.goto(live.url + "/accounts")
                href = page.get_attribute("#accounts a[href^='/accounts/']:right-of(:text('张督导'))", "href") or "/accounts/2"
                page.goto(live.url + href)
                page.click("form[action$='/reset'] button")
                page.wait_for_load_state()
                take("account-reset")
                take("account", "/account")
                take("audit", "/audit")
                take("audit-gaps", "/audit/gaps?show=all")
                page.close()
            browser.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
