"""Test helpers for the county console: a synthetic county in a real server database (SQLite or
PostgreSQL), console accounts of each role, and a logged-in browser-like client (httpx)."""

from __future__ import annotations

import re

import httpx

import app.server.web  # noqa: F401  (the console package first: accounts imports it)
from app.data import demo_county
from app.domain import schedule
from app.server import accounts
from app.server.db import Device, ServerDB

TOWN_A = "320115101"
TOWN_B = "320115102"
PASSWORDS = {"admin": "Admin-pass-2026!", "town": "Town-pass-2026!x", "view": "View-pass-2026!x"}


def fill(db: ServerDB, *, townships: int = 2, villages_per: int = 2, children_per: int = 25, visits: int = 1500) -> dict:
    """A small synthetic county dated today, with one account per role."""
    counts = demo_county.generate(db.engine, townships=townships, villages_per=villages_per, children_per=children_per,
                                  visits=visits, today=schedule.today_local(), device_table=Device.__table__, seed=7,
                                  report_share=0.08)
    accounts.create(db, name="admin", role="county-admin", password=PASSWORDS["admin"], scope=demo_county.COUNTY)
    accounts.create(db, name="town", role="township", password=PASSWORDS["town"], scope=TOWN_A)
    accounts.create(db, name="view", role="viewer", password=PASSWORDS["view"], scope=demo_county.COUNTY)
    return counts


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "page has no CSRF field"
    return found.group(1)


def login(url: str, name: str) -> httpx.Client:
    client = httpx.Client(base_url=url, follow_redirects=True, timeout=60)
    page = client.get("/login")
    answer = client.post("/login", data={"name": name, "password": PASSWORDS[name], "csrf_token": csrf(page.text)})
    assert answer.status_code == 200 and "/login" not in str(answer.url), answer.text[:500]
    return client
