"""Assessments (分级分色评估), visits (走访记录) with their amendments, and screening rounds (一年两排).

Assessments and visits are events (DESIGN §3): append-only rows, never edited once saved. A
visit is corrected by a new Visit row whose `amends_id` points at the original visit; the newest
amendment is what counts, and both stay on record. Screening rounds and records change while a
round runs (status, reasons), so they are ordinary synced rows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import AppendOnlyMixin, Base, SyncMixin
from app.data.models.child import Child

# Indexes over the derived schedule columns of `child` that the 工作台 reads (this feature keeps
# those columns, so it owns their indexes; migration 0006_visits_dashboard). Each dashboard count
# is a covering range scan and each list stops after its first rows in index order.
DASHBOARD_INDEXES = (
    Index("ix_child_due", Child.deleted, Child.status, Child.next_visit_due, Child.colour, Child.last_visit_date),
    Index("ix_child_colour_due", Child.deleted, Child.status, Child.colour, Child.next_visit_due),
    Index("ix_child_never", Child.deleted, Child.status, Child.last_visit_date, Child.next_visit_due),
)


class Assessment(AppendOnlyMixin, Base):
    """One graded colour assessment of a child, with the factors found and why."""

    __tablename__ = "assessment"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(64), default="")
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON {factor key: true | number}
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of factors found
    suggested_colour: Mapped[str] = mapped_column(String(4), default="")
    colour: Mapped[str] = mapped_column(String(4))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    policy_version: Mapped[str] = mapped_column(String(32), default="")
    source: Mapped[str] = mapped_column(String(32), default="")  # "", visit, screening, mandatory_report
    notes: Mapped[str] = mapped_column(Text, default="")


class Visit(AppendOnlyMixin, Base):
    """One visit (入户 / 电话 / 学校 / 其他). `amends_id` set: a correction of that visit."""

    __tablename__ = "visit"
    __table_args__ = (Index("ix_visit_child_date", "child_id", "visit_date"),)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8), default="入户")
    visitor: Mapped[str] = mapped_column(String(64), default="")
    present: Mapped[str] = mapped_column(Text, default="")  # who was present
    lives_where: Mapped[str] = mapped_column(Text, default="")  # where the child lives now
    lives_with: Mapped[str] = mapped_column(Text, default="")  # and with whom
    checklist: Mapped[str] = mapped_column(Text, default="{}")  # JSON, see app/domain/visit_checklist
    findings: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    help_given: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{"action", "due", "owner"}]
    reassess: Mapped[bool] = mapped_column(Boolean, default=False)
    amends_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    amend_reason: Mapped[str] = mapped_column(Text, default="")


class ScreeningRound(SyncMixin, Base):
    """一年两排: one screening round of a village (e.g. 2026年上半年排查) and its window."""

    __tablename__ = "screening_round"
    village_code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(64))
    window_start: Mapped[dt.date] = mapped_column(Date)
    window_end: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="进行中")  # 进行中 / 已结束
    opened_by: Mapped[str] = mapped_column(String(64), default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    close_note: Mapped[str] = mapped_column(Text, default="")


class ScreeningRecord(SyncMixin, Base):
    """A child's line in a screening round: screened (with the answers), or a reason why not."""

    __tablename__ = "screening_record"
    __table_args__ = (Index("ix_screening_record_round_child", "round_id", "child_id"),)
    round_id: Mapped[str] = mapped_column(ForeignKey("screening_round.id"))
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    screened_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    screener: Mapped[str] = mapped_column(String(64), default="")
    in_scope: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # still 留守/困境?
    category_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # category still right?
    reassessed: Mapped[bool] = mapped_column(Boolean, default=False)
    newly_found: Mapped[bool] = mapped_column(Boolean, default=False)
    skip_reason: Mapped[str] = mapped_column(Text, default="")  # not screened: why
    notes: Mapped[str] = mapped_column(Text, default="")
