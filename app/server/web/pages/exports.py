"""导出 at `/exports`: the six Excel workbooks for the user's unit (the county, or a township
or village inside the user's scope: anything else answers 404). A viewer may take only the
statistics (走访, 四色, 排查), never a list with names. Every export is written to the audit log."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.server.console import exports, units
from app.server.web import audit
from app.server.web.auth import ConsoleUser, current_user, may_see_people, not_found
from app.server.web.pages.common import fresh, today, unit_for
from app.server.web.templating import render

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _allowed(user: ConsoleUser) -> list[exports.Export]:
    return [e for e in exports.EXPORTS.values() if may_see_people(user) or not e.people]


@router.get("/exports")
def exports_page(request: Request, user: ConsoleUser = Depends(current_user)):
    db = request.app.state.db
    with db.sessions() as s:
        known = units.names(s, user.scope)
    choices = sorted((c, n) for c, n in known.items() if c.startswith(user.scope) and len(c) in (6, 9, 12))
    if not any(c == user.scope for c, _ in choices):
        choices.insert(0, (user.scope, units.name_of(known, user.scope) if user.scope else "全部"))
    return render(request, "pages/exports.html", {
        "items": _allowed(user), "choices": choices, "months": _months(), "scope": user.scope})


def _months(count: int = 24) -> list[str]:
    """This month and the ones before it, newest first (YYYY-MM)."""
    day = today().replace(day=1)
    out = []
    for _ in range(count):
        out.append(f"{day:%Y-%m}")
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return out


@router.get("/exports/{kind}.xlsx")
def export_file(request: Request, kind: str, unit: str = "", month: str = "", user: ConsoleUser = Depends(current_user)):
    db = request.app.state.db
    spec = exports.EXPORTS.get(kind)
    if spec is None or spec not in _allowed(user):
        raise not_found()
    prefix = unit_for(user, unit)
    fresh(db)
    day = today()
    with db.sessions() as s:
        data = exports.build(kind, s, prefix, day, month=month or None)
        name = units.name_of(units.names(s, prefix), prefix) if prefix else "全部"
    filename = exports.filename(kind, name, day, month or None)
    audit.record(db, user, "export", f"{spec.title} {prefix}", filename)
    return Response(data, media_type=XLSX, headers={
        "Content-Disposition": f"attachment; filename=\"export.xlsx\"; filename*=UTF-8''{quote(filename)}"})
