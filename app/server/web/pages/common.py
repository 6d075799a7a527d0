"""Shared bits of the content pages: the unit a request asks for (inside the user's scope, else
404), the server's today, and the label/badge helpers the templates use."""

from __future__ import annotations

import datetime as dt

from app.domain import schedule
from app.server.console import units
from app.server.console.derived import catch_up
from app.server.web.auth import ConsoleUser, in_scope, not_found
from app.server.web.templating import env

COLOUR_BADGE = {"红": "badge-red", "黄": "badge-yellow", "蓝": "badge-blue", "绿": "badge-green", "": "badge-none"}


def today() -> dt.date:
    return schedule.today_local()


def unit_for(user: ConsoleUser, code: str | None) -> str:
    """The unit (division-code prefix) asked for, or the user's own; 404 outside the user's scope."""
    code = (code or "").strip()
    if not code:
        return user.scope
    if not units.is_unit_code(code) or not (in_scope(user, code) if user.scope else True):
        raise not_found()
    return code


def fresh(db) -> None:
    """Bring the derived schedule columns up to the county log before a page counts them."""
    catch_up(db)


def _percent(value) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


env.filters.setdefault("percent", _percent)
env.filters.setdefault("colour_badge", lambda c: COLOUR_BADGE.get(c or "", "badge-none"))
env.filters.setdefault("colour_label", lambda c: c or "未评估")
