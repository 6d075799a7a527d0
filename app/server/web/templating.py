"""Jinja2 pages for the console: `render(request, template_name, context, status=200)`.

Templates live in app/server/web/templates/ (content pages in templates/pages/), all extending
`base.html` (blocks `title` and `content`). Autoescape is on. Every template gets `request`, `user`
(the ConsoleUser, or None on the login pages), `nav` (the menu the user's role may use),
`csrf_field()` (the hidden CSRF input every form must carry) and the filters `localtime`
(naive UTC → the server's local time, "2026-12-01 15:04") and `role_label`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, pass_context
from markupsafe import Markup, escape

from app.server.accounts import ROLES

TEMPLATES = Path(__file__).resolve().parent / "templates"

ALL = ("county-admin", "township", "viewer")
STAFF = ("county-admin", "township")
ADMIN = ("county-admin",)


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str
    roles: tuple[str, ...]


NAV = (
    NavItem("总览", "/", ALL),
    NavItem("强制报告", "/reports", STAFF),
    NavItem("村居与儿童", "/villages", STAFF),
    NavItem("名单与政策", "/roster", ADMIN),
    NavItem("设备", "/devices", ADMIN),
    NavItem("导出", "/exports", ALL),
    NavItem("账户", "/accounts", ADMIN),
    NavItem("审计日志", "/audit", ADMIN),
)


def nav_for(role: str | None) -> list[NavItem]:
    return [item for item in NAV if role in item.roles]


@pass_context
def _csrf_field(context) -> Markup:
    request = context.get("request")
    token = getattr(request.state, "csrf", "") if request is not None else ""
    return Markup('<input type="hidden" name="csrf_token" value="%s">') % escape(token)


def _localtime(value, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone().strftime(fmt)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _active(request: Request, href: str) -> bool:
    path = request.url.path
    return path == "/" if href == "/" else (path == href or path.startswith(href + "/"))


env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.globals["csrf_field"] = _csrf_field
env.filters["localtime"] = _localtime
env.filters["role_label"] = lambda role: ROLES.get(role, role)


def render(request: Request, template_name: str, context: dict | None = None, status: int = 200) -> HTMLResponse:
    user = getattr(request.state, "console_user", None)
    values = {"request": request, "user": user, "nav": nav_for(user.role if user else None) if user else [],
              "active": lambda href: _active(request, href)}
    values.update(context or {})
    html = env.get_template(template_name).render(values)
    return HTMLResponse(html, status_code=status)
