"""Protection and support records of a child's file: mandatory reports (强制报告) with their
notifications and follow-ups, benefit entitlements, payments and insurance (保障), school-roll
imports and 劝返复学 tasks (学籍库比对), disability services (康复), and cases (个案).

Every row carries `child_id` (where it concerns one child) so it shows in the child's 变更记录.
Events (reports, notifications, follow-ups, payments, case notes) are append-only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import AppendOnlyMixin, Base, SyncMixin


# -- 强制报告 --------------------------------------------------------------
class MandatoryReport(AppendOnlyMixin, Base):
    """A mandatory report: what was found, when, where, by whom, how urgent. Never edited;
    a correction is a new report with `amends_id`. Pushed first on sync and flagged to the county."""

    __tablename__ = "mandatory_report"
    __sync_priority__ = 10
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    found_at: Mapped[dt.datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(255), default="")
    found_by: Mapped[str] = mapped_column(String(64), default="")
    situation: Mapped[str] = mapped_column(String(32), default="")  # 侵害 / 疑似侵害 / 面临危险
    description: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(8), default="紧急")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    amends_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ReportNotification(AppendOnlyMixin, Base):
    """One body the report was passed to (公安 / 民政 / 教育 / 卫生健康 / 检察): when, how, to whom."""

    __tablename__ = "report_notification"
    __sync_priority__ = 10
    report_id: Mapped[str] = mapped_column(ForeignKey("mandatory_report.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    body: Mapped[str] = mapped_column(String(16))
    notified_at: Mapped[dt.datetime] = mapped_column(DateTime)
    method: Mapped[str] = mapped_column(String(16), default="电话")
    receiver: Mapped[str] = mapped_column(String(64), default="")
    reference_no: Mapped[str] = mapped_column(String(64), default="")


class ReportFollowUp(AppendOnlyMixin, Base):
    """A follow-up of a report: who acted, what was done, the outcome; `closes` ends the report."""

    __tablename__ = "report_follow_up"
    __sync_priority__ = 10
    report_id: Mapped[str] = mapped_column(ForeignKey("mandatory_report.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    closes: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")


# -- 保障 ------------------------------------------------------------------
class BenefitEntitlement(SyncMixin, Base):
    """An entitlement (机构供养孤儿 / 散居孤儿 / 事实无人抚养儿童 / 重病重残儿童 / 低保家庭 …)."""

    __tablename__ = "benefit_entitlement"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    monthly_amount: Mapped[int] = mapped_column(Integer, default=0)  # 元/月 when approved
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(String(64), default="")
    approval_no: Mapped[str] = mapped_column(String(64), default="")
    bank_account: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class BenefitPayment(AppendOnlyMixin, Base):
    """One payment of an entitlement for one month ("2026-03"); corrections are new rows."""

    __tablename__ = "benefit_payment"
    entitlement_id: Mapped[str] = mapped_column(ForeignKey("benefit_entitlement.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))
    amount: Mapped[int] = mapped_column(Integer)  # 元
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amends_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Insurance(SyncMixin, Base):
    """Insurance bought for the child (意外伤害 / 补充医疗) and its policy period."""

    __tablename__ = "insurance"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    insurer: Mapped[str] = mapped_column(String(64), default="")
    policy_no: Mapped[str] = mapped_column(String(64), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    paid_by: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


# -- 学籍库比对 ------------------------------------------------------------
class SchoolRollImport(AppendOnlyMixin, Base):
    """One school-roll file compared with the village register (summary; findings below)."""

    __tablename__ = "school_roll_import"
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(64), default="")
    reference_date: Mapped[dt.date] = mapped_column(Date)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_rows: Mapped[str] = mapped_column(Text, default="")  # JSON list of [row, message]
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts per finding kind


class SchoolRollFinding(AppendOnlyMixin, Base):
    """One result of a comparison: 未在籍 (dropout risk), 学校不一致, 村内未登记, 疑似匹配."""

    __tablename__ = "school_roll_finding"
    import_id: Mapped[str] = mapped_column(ForeignKey("school_roll_import.id"), index=True)
    child_id: Mapped[str | None] = mapped_column(ForeignKey("child.id"), index=True, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    certain: Mapped[bool] = mapped_column(Boolean, default=True)
    row_no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    roll_school: Mapped[str] = mapped_column(String(128), default="")
    recorded_school: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class ReturnToSchoolTask(SyncMixin, Base):
    """劝返复学: a follow-up for a school-age child missing from the roll, open until back in school."""

    __tablename__ = "return_to_school_task"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    import_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="劝返中")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


# -- 康复 ------------------------------------------------------------------
class DisabilityService(SyncMixin, Base):
    """A referral for 康复训练 / 康复医疗 / 辅具适配 and its state."""

    __tablename__ = "disability_service"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    provider: Mapped[str] = mapped_column(String(128), default="")
    referred_on: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="已转介")
    state_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


# -- 个案 ------------------------------------------------------------------
class Case(SyncMixin, Base):
    """个案: a problem of one child that needs several steps, with an owner and a lifecycle."""

    __tablename__ = "protection_case"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    title: Mapped[str] = mapped_column(String(128))
    problem: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(64), default="")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="进行中", index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closing_summary: Mapped[str] = mapped_column(Text, default="")
    report_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class CaseStep(SyncMixin, Base):
    """A step of a case with its due date and who does it; done or dropped when finished."""

    __tablename__ = "case_step"
    case_id: Mapped[str] = mapped_column(ForeignKey("protection_case.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(255))
    responsible: Mapped[str] = mapped_column(String(64), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    state: Mapped[str] = mapped_column(String(8), default="待办")
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class CaseParty(SyncMixin, Base):
    """Someone involved in a case (社工 / 学校 / 派出所 / 医院 …)."""

    __tablename__ = "case_party"
    case_id: Mapped[str] = mapped_column(ForeignKey("protection_case.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")


class CaseNote(AppendOnlyMixin, Base):
    """A dated note in a case's record (also the reason a case was reopened)."""

    __tablename__ = "case_note"
    case_id: Mapped[str] = mapped_column(ForeignKey("protection_case.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(64), default="")
    text: Mapped[str] = mapped_column(Text)
