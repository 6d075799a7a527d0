"""What the county does with a village's mandatory report (县级处置记录): 签收, 指派, 处置.

The county console writes these rows on the server (origin "county") and the village laptops
pull them, so the child's file shows, read-only, that the county received a report, who handles
it and what was done. Events: never edited; a later action is a new row. Laptops may not create
them (the server refuses such a push).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import AppendOnlyMixin, Base

ACK = "签收"
ASSIGN = "指派"
FOLLOW_UP = "处置"
KINDS = (ACK, ASSIGN, FOLLOW_UP)


class CountyReportAction(AppendOnlyMixin, Base):
    """One county action on a mandatory report: acknowledged, assigned to someone, or a 处置记录."""

    __tablename__ = "county_report_action"
    __sync_priority__ = 10
    __county_only__ = True
    report_id: Mapped[str] = mapped_column(ForeignKey("mandatory_report.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    acted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    officer: Mapped[str] = mapped_column(String(64), default="")
    assignee: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
