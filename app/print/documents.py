"""The one entry point of printing: `render(store, kind, **options)` queries the store, lays the
document out and returns the PDF bytes (and writes `out` when given). Used by `tonghu print`
and by the print dialogs of the app. Each print is recorded in the audit log ("print").
"""

from __future__ import annotations

import datetime as dt
import logging

from app.print import sources

KINDS = ("child", "visit-form", "due-forms", "ledger", "screening", "report", "case")
TITLES = {
    "child": "儿童信息登记表", "visit-form": "走访记录表", "due-forms": "批量打印走访记录表",
    "ledger": "月度走访台账", "screening": "一年两排排查汇总表", "report": "强制报告登记表",
    "case": "个案服务计划表",
}


def _need(value, message: str):
    if not value:
        raise ValueError(message)
    return value


def render(store, kind: str, *, child: str | None = None, visit: str | None = None, within: str = "week",
           order: str = "group", month: str | None = None, round_id: str | None = None, report: str | None = None,
           case: str | None = None, out=None, now: dt.datetime | None = None) -> bytes:
    """Build one document. Raises ValueError (bad options), sources.NotFound, sources.NotAvailable;
    every message is Chinese and fit to show to the user."""
    ctx = sources.context(store, now)
    today = ctx.today
    audit_child = None
    if kind == "child":
        from app.print import child_form

        cid = _need(child, "请指定儿童（--child）")
        data = child_form.render(sources.child_sheet(store, cid, today), ctx, out)
        audit_child, row = cid, cid
    elif kind == "visit-form":
        from app.print import visit_form

        cid = _need(child, "请指定儿童（--child）")
        data = visit_form.render([sources.visit_sheet(store, cid, visit, today)], ctx, out)
        audit_child, row = cid, visit or cid
    elif kind == "due-forms":
        from app.print import visit_form

        if within not in sources.WITHIN:
            raise ValueError("--within 应为 week（本周）或 month（本月）")
        if order not in sources.ROUTE_ORDERS:
            raise ValueError("--order 应为 group（按组）或 address（按住址）")
        sheets = sources.due_sheets(store, within, order, today)
        data = visit_form.render(sheets, ctx, out, title="走访记录表（批量）")
        row = f"{within}:{len(sheets)}"
    elif kind == "ledger":
        from app.print import ledger

        month = month or f"{today:%Y-%m}"
        data = ledger.render(sources.ledger(store, month, today), ctx, out)
        row = month
    elif kind == "screening":
        from app.print import screening

        rid = _need(round_id, "请指定排查轮次（--round）")
        data = screening.render(sources.screening_sheet(store, rid), ctx, out)
        row = rid
    elif kind == "report":
        from app.print import report_form

        rid = _need(report, "请指定强制报告（--report）")
        sheet = sources.report_sheet(store, rid, today)
        data = report_form.render(sheet, ctx, out)
        audit_child, row = sheet.child["id"], rid
    elif kind == "case":
        from app.print import case_form

        cid = _need(case, "请指定个案（--case）")
        sheet = sources.case_sheet(store, cid, today)
        data = case_form.render(sheet, ctx, out)
        audit_child, row = sheet.child["id"], cid
    else:
        raise ValueError(f"未知的打印类型：{kind}（可选：{'、'.join(KINDS)}）")
    try:
        store.log("print", table_name=kind, row_id=str(row)[:36], child_id=audit_child, note=TITLES[kind])
    except Exception:  # noqa: BLE001 - a failed audit line must not lose the printout
        logging.getLogger(__name__).warning("print audit line not written", exc_info=True)
    return data
