"""Test helpers for the console's login and admin pages: a browser-like client (httpx, cookies kept)
on a live server over a real socket, which reads the CSRF token from the last page it loaded."""

from __future__ import annotations

import re

import httpx

import app.server.web  # noqa: F401  (the console package before accounts)
from app.server import accounts

ADMIN_PASSWORD = "县里的-Admin-2026"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


class Browser:
    """One officer's browser: cookies across requests, no redirects followed unless asked."""

    def __init__(self, url: str):
        self.client = httpx.Client(base_url=url, follow_redirects=False, timeout=60)
        self.last = ""

    def get(self, path: str, **kw) -> httpx.Response:
        answer = self.client.get(path, **kw)
        if answer.headers.get("content-type", "").startswith("text/html"):
            self.last = answer.text
        return answer

    def post(self, path: str, data: dict | None = None, *, token: bool = True, follow: bool = False) -> httpx.Response:
        """A form post with the CSRF token of the last page loaded (or of a fresh /login page)."""
        data = dict(data or {})
        if token:
            if 'name="csrf_token"' not in self.last:
                self.get("/account" if self.logged_in() else "/login")
            data["csrf_token"] = csrf_of(self.last)
        answer = self.client.post(path, data=data, follow_redirects=follow)
        if answer.headers.get("content-type", "").startswith("text/html"):
            self.last = answer.text
        return answer

    def logged_in(self) -> bool:
        return "tonghu_console" in self.client.cookies

    def login(self, name: str, password: str) -> httpx.Response:
        self.get("/login")
        return self.post("/login", {"name": name, "password": password})

    def close(self) -> None:
        self.client.close()


def admin(db, name: str = "admin", scope: str = "") -> accounts.AccountView:
    return accounts.create(db, name=name, role="county-admin", password=ADMIN_PASSWORD, scope=scope)
