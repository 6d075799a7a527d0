"""操作记录异常 at `/audit/gaps`: the breaks the county found in the laptops' audit hash chains
(`app.server.audit.list_gaps`: entries deleted or rewritten on a laptop, a bad hash, or a store
restored from a backup, which is shown as a notice). County admins only, like 审计日志 (anyone
else gets 404); an admin whose account has a scope sees only the devices inside it. Marking a
break as checked (已核实) keeps it, moves it off the open list, and is written to the audit log."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.server import audit as chain
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.templating import render

router = APIRouter()
admin_only = require_role("county-admin")


def _visible(db, admin: ConsoleUser, show_all: bool) -> list[dict]:
    rows = [g for g in chain.list_gaps(db, only_open=not show_all) if (g["scope"] or "").startswith(admin.scope)]
    for g in rows:  # stored in UTC; the page shows local time
        g["detected"] = dt.datetime.fromisoformat(g["detected_at"]) if g["detected_at"] else None
    return rows


@router.get("/audit/gaps")
def gaps_page(request: Request, show: str = "", done: int = 0, admin: ConsoleUser = Depends(admin_only)):
    show_all = show == "all"
    rows = _visible(request.app.state.db, admin, show_all)
    return render(request, "pages/audit_gaps.html", {
        "rows": rows, "show_all": show_all, "ok": "已标记为已核实。" if done else "",
        "alarms": sum(1 for g in rows if g["kind"] != "new_chain" and not g["acknowledged"])})


@router.post("/audit/gaps/ack")
def gap_ack(request: Request, gap_id: int = Form(0), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    gap = next((g for g in _visible(db, admin, True) if g["id"] == gap_id), None)
    if gap is None:
        raise not_found()
    chain.acknowledge_gap(db, gap_id)
    audit.record(db, admin, "audit_gap_ack", gap["device_name"] or gap["device_id"],
                 f"{gap['label']}：第 {gap['from_n']}–{gap['to_n']} 条")
    return RedirectResponse("/audit/gaps?done=1", status_code=303)
