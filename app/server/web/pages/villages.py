"""村居与儿童: `/villages` (every village of the user's unit with its numbers), `/villages/{code}`
(a village's children, filtered and paged) and `/children/{id}` (a child's file, read-only).
County admins and township supervisors only; anything outside the user's scope answers 404.
Each village and child view is written to the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from app.core.errors import NotFoundError
from app.domain import vocab
from app.server.console import units
from app.server.console.children import child_file, children_of, devices_of
from app.server.console.overview import overview
from app.server.web import audit
from app.server.web.auth import ConsoleUser, in_scope, not_found, require_role
from app.server.web.pages.common import fresh, today, unit_for
from app.server.web.templating import STAFF, render

router = APIRouter()
staff = require_role(*STAFF)
COLOUR_FILTERS = {"红": "红", "黄": "黄", "蓝": "蓝", "绿": "绿", "none": "未评估"}


@router.get("/villages")
def villages_page(request: Request, unit: str = "", user: ConsoleUser = Depends(staff)):
    db = request.app.state.db
    prefix = unit_for(user, unit)
    fresh(db)
    with db.sessions() as s:
        data = overview(s, prefix, today=today(), with_trend=False, length=12)
        known = units.names(s, user.scope)
    townships = sorted({r.code[:9] for r in data.rows})
    return render(request, "pages/villages.html", {
        "rows": data.rows, "total": data.total, "known": known, "townships": townships, "unit": prefix,
        "trail": units.trail(known, prefix, user.scope)})


@router.get("/villages/{code}")
def village_page(request: Request, code: str, q: str = "", colour: str = "", category: str = "",
                 overdue: str = "", status: str = vocab.STATUS_ACTIVE, page: int = 1,
                 user: ConsoleUser = Depends(staff)):
    db = request.app.state.db
    if len(code) != 12 or not code.isdigit() or not in_scope(user, code):
        raise not_found()
    fresh(db)
    status = status if status in vocab.STATUSES or status == "" else vocab.STATUS_ACTIVE
    with db.sessions() as s:
        numbers = overview(s, code[:9], today=today(), with_trend=False, length=12)
        row = next((r for r in numbers.rows if r.code == code), None)
        if row is None:
            raise not_found()
        found = children_of(s, code, today=today(), text=q, colour=(None if colour not in COLOUR_FILTERS else
                                                                   ("" if colour == "none" else colour)),
                            category=category if category in vocab.CATEGORIES else "", overdue=overdue == "1",
                            status=status, page=max(1, min(page, 100000)))
        known = units.names(s, code)
        devices = devices_of(s, code)
    audit.record(db, user, "village_view", f"{units.name_of(known, code)} {code}", f"第 {found.page} 页")
    return render(request, "pages/village.html", {
        "row": row, "found": found, "trail": units.trail(known, code, user.scope), "devices": devices,
        "filters": {"q": q, "colour": colour, "category": category, "overdue": overdue, "status": status},
        "colour_filters": COLOUR_FILTERS, "categories": vocab.CATEGORIES, "statuses": vocab.STATUSES})


@router.get("/children/{child_id}")
def child_page(request: Request, child_id: str, user: ConsoleUser = Depends(staff)):
    db = request.app.state.db
    fresh(db)
    try:
        with db.sessions() as s:
            f = child_file(s, user.scope, child_id, today())
            known = units.names(s, f.child.village_code)
            html = render(request, "pages/child.html", {
                "f": f, "c": f.child, "trail": units.trail(known, f.child.village_code, user.scope)})
    except NotFoundError:
        raise not_found() from None
    audit.record(db, user, "child_view", f"儿童档案 {child_id}", units.name_of(known, f.child.village_code))
    return html
