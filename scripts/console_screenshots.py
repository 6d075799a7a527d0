"""Screenshots of every county console page at 1366×768 and 1920×1080 for the officers' guide
(docs/县级管理员手册.md): a synthetic county (app/data/demo_county.py) on a live server, headless
Debian Chromium through Playwright. Run: .venv/bin/python scripts/console_screenshots.py [OUT_DIR]"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import app.server.web  # noqa: E402,F401  (the console package before accounts)
from sqlalchemy import select  # noqa: E402

from app.data import demo_county  # noqa: E402
from app.data.models import Child  # noqa: E402
from app.data.models.protection import MandatoryReport  # noqa: E402
from app.domain import schedule  # noqa: E402
from app.server import accounts  # noqa: E402
from app.server.console import reports  # noqa: E402
from app.server.db import Device, ServerDB  # noqa: E402
from tests.sync.live import LiveServer  # noqa: E402

SIZES = [(1366, 768), (1920, 1080)]
PASSWORD = "Shot-admin-2026!"


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="tonghu-shots-"))
    db = ServerDB(f"sqlite:///{tmp / 'county.db'}", keys_path=str(tmp / "keys"))
    demo_county.generate(db.engine, townships=6, villages_per=5, children_per=40, visits=14000, seed=3,
                         today=schedule.today_local(), device_table=Device.__table__, report_share=0.01)
    accounts.create(db, name="zhangke", role="county-admin", password=PASSWORD, scope=demo_county.COUNTY,
                    full_name="张科长")
    accounts.create(db, name="tongji", role="viewer", password=PASSWORD, scope=demo_county.COUNTY)
    with db.sessions() as s:
        report_ids = list(s.scalars(select(MandatoryReport.id).order_by(MandatoryReport.recorded_at.desc())))
        items = reports.inbox(s, demo_county.COUNTY, status="open")
    done = items[-1].id if items else report_ids[0]
    reports.acknowledge(db, "", done, "张科长")
    reports.assign(db, "", done, "张科长", "王芳（东山街道儿童督导员）", "请于今日内核实")
    reports.follow_up(db, "", done, "张科长", "已与派出所联系，民警当日上门核实，孩子暂由外祖母照护。")
    first = items[0].id if items else report_ids[0]
    with db.sessions() as s:
        child = s.get(Child, s.scalar(select(MandatoryReport.child_id).where(MandatoryReport.id == done)))
    pages = [("overview", "/"), ("overview-township", "/?unit=320115101"), ("reports", "/reports"),
             ("report", f"/reports/{done}"), ("report-new", f"/reports/{first}"), ("villages", "/villages"),
             ("village", f"/villages/{child.village_code}"), ("child", f"/children/{child.id}"),
             ("exports", "/exports")]
    with LiveServer(db) as srv, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width, height in SIZES:
            for user, shots in (("zhangke", pages), ("tongji", [("viewer-overview", "/"), ("viewer-exports", "/exports")])):
                page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
                page.goto(srv.url + "/login")
                page.fill("input[name=name]", user)
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state("networkidle")
                for name, path in shots:
                    page.goto(srv.url + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out / f"{name}-{width}.png"))
                page.close()
        browser.close()
    db.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "console")
