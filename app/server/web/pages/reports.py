"""强制报告 inbox at `/reports` (county admins and township supervisors): the unit's reports,
most urgent first, and one report's page where the officer 签收 (acknowledges), 指派 (assigns)
and records 处置记录; each action syncs back to the village laptop. Views and actions are audited."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.core.errors import NotFoundError
from app.domain.errors import ValidationError
from app.server import accounts
from app.server.console import reports as inbox
from app.server.console import units
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.pages.common import unit_for
from app.server.web.templating import STAFF, render

router = APIRouter()
staff = require_role(*STAFF)
STATUSES = {"open": "未结报告", "unacknowledged": "未签收", "all": "全部"}


@router.get("/reports")
def reports_page(request: Request, status: str = "open", unit: str = "", user: ConsoleUser = Depends(staff)):
    db = request.app.state.db
    prefix = unit_for(user, unit)
    status = status if status in STATUSES else "open"
    with db.sessions() as s:
        items = inbox.inbox(s, prefix, status=status)
        known = units.names(s, user.scope)
    return render(request, "pages/reports.html", {
        "items": items, "status": status, "statuses": STATUSES, "unit": prefix, "known": known,
        "units": sorted((c, n) for c, n in known.items() if len(c) in (9, 12) and c.startswith(user.scope)),
    })


def _detail(request: Request, user: ConsoleUser, report_id: str, *, ok: str = "", error: str = "",
            form: dict | None = None, status: int = 200):
    db = request.app.state.db
    try:
        with db.sessions() as s:
            item = inbox.report(s, user.scope, report_id)
            known = units.names(s, item.village_code)
    except NotFoundError:
        raise not_found() from None
    audit.record(db, user, "report_view", f"强制报告 {item.id}", f"{units.name_of(known, item.village_code)}")
    return render(request, "pages/report.html", {"r": item, "ok": ok, "error": error, "form": form or {},
                                                 "village": units.name_of(known, item.village_code)}, status=status)


@router.get("/reports/{report_id}")
def report_page(request: Request, report_id: str, done: str = "", user: ConsoleUser = Depends(staff)):
    messages = {"ack": "已签收。村里的电脑下次同步后，儿童档案中会显示县民政局已签收。",
                "assign": "已指派。", "followup": "处置记录已保存，将同步到村里的电脑。"}
    return _detail(request, user, report_id, ok=messages.get(done, ""))


def _officer(db, user: ConsoleUser) -> str:
    """The name the village sees on the county's action: the officer's full name, else the login."""
    account = accounts.get(db, user.id)
    return (account.full_name if account is not None and account.full_name else user.name)[:64]


def _act(request: Request, user: ConsoleUser, report_id: str, action: str, fn, form: dict, **kwargs):
    db = request.app.state.db
    try:
        fn(db, user.scope, report_id, _officer(db, user), **kwargs)
    except NotFoundError:
        raise not_found() from None
    except ValidationError as exc:
        return _detail(request, user, report_id, error=exc.message, form=form, status=400)
    audit.record(db, user, f"report_{action}", f"强制报告 {report_id}", kwargs.get("assignee", ""))
    return RedirectResponse(f"/reports/{report_id}?done={action}", status_code=303)


@router.post("/reports/{report_id}/ack")
def report_ack(request: Request, report_id: str, note: str = Form(""), user: ConsoleUser = Depends(staff)):
    return _act(request, user, report_id, "ack", inbox.acknowledge, {"ack_note": note}, note=note)


@router.post("/reports/{report_id}/assign")
def report_assign(request: Request, report_id: str, assignee: str = Form(""), note: str = Form(""),
                  user: ConsoleUser = Depends(staff)):
    return _act(request, user, report_id, "assign", inbox.assign, {"assignee": assignee, "assign_note": note},
                assignee=assignee, note=note)


@router.post("/reports/{report_id}/followup")
def report_followup(request: Request, report_id: str, note: str = Form(""), user: ConsoleUser = Depends(staff)):
    return _act(request, user, report_id, "followup", inbox.follow_up, {"followup_note": note}, note=note)
