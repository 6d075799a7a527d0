"""审计日志: county admins read who saw or did what, filtered by user, action and dates."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request

from app.server.web import audit
from app.server.web.auth import ConsoleUser, require_role
from app.server.web.templating import render

router = APIRouter()
PAGE = 100


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


@router.get("/audit")
def audit_page(request: Request, user: str = "", action: str = "", since: str = "", until: str = "", page: int = 1,
               admin: ConsoleUser = Depends(require_role("county-admin"))):
    db = request.app.state.db
    page = max(1, min(page, 100000))
    start, end = _date(since), _date(until)
    error = ""
    if (since and start is None) or (until and end is None):
        error = "日期格式应为 2026-12-01"
    rows, total = audit.search(db, user=user.strip(), action=action.strip(), since=start, until=end,
                               limit=PAGE, offset=(page - 1) * PAGE)
    return render(request, "audit.html", {
        "rows": rows, "total": total, "page": page, "pages": max(1, -(-total // PAGE)), "error": error,
        "filters": {"user": user, "action": action, "since": since, "until": until},
        "users": audit.user_names(db), "actions": audit.ACTIONS})
