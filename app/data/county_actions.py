"""The county's actions on a child's mandatory reports (签收 / 指派 / 处置), as plain values for the
read-only lines of the laptop's 强制报告 tab. The rows arrive from the county server by sync."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models.county import CountyReportAction


@dataclass(frozen=True)
class CountyAction:
    report_id: str
    kind: str
    acted_at: dt.datetime
    officer: str
    assignee: str
    note: str


def county_actions(session: Session, report_ids) -> dict[str, list[CountyAction]]:
    """The county's actions by report, oldest first."""
    ids = list(report_ids)
    out: dict[str, list[CountyAction]] = {}
    if not ids:
        return out
    rows = session.execute(select(
        CountyReportAction.report_id, CountyReportAction.kind, CountyReportAction.acted_at,
        CountyReportAction.officer, CountyReportAction.assignee, CountyReportAction.note).where(
        CountyReportAction.report_id.in_(ids), CountyReportAction.deleted.is_(False))
        .order_by(CountyReportAction.acted_at, CountyReportAction.hlc))
    for row in rows:
        out.setdefault(row[0], []).append(CountyAction(*row))
    return out
