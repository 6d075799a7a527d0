"""The child's file (一人一档): the child, parents and guardians, entrusted care, categories, needs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import DERIVED, Base, SyncMixin
from app.domain.vocab import STATUS_ACTIVE


class Child(SyncMixin, Base):
    __tablename__ = "child"
    # Migration 0005_children: the list's first page in pinyin order and text scans read only
    # this covering index; counts by status/colour read the second. Search: `search_index.py`.
    __table_args__ = (
        Index("ix_child_list", "deleted", "pinyin_key", "id", "status", "colour", "name", "id_number"),
        Index("ix_child_count", "deleted", "status", "colour"),
        Index("ix_child_birth", "deleted", "birth_date", "id"),  # 0005b: sort by age
    )
    village_code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(64))
    pinyin_key: Mapped[str] = mapped_column(String(255), default="")
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    sex: Mapped[str] = mapped_column(String(4), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(32), default="汉族")
    hukou_place: Mapped[str] = mapped_column(String(255), default="")
    hukou_type: Mapped[str] = mapped_column(String(16), default="农业")
    address: Mapped[str] = mapped_column(String(255), default="")
    group_name: Mapped[str] = mapped_column(String(32), default="")  # 村民小组 (组), route order
    phone: Mapped[str] = mapped_column(String(32), default="")
    school: Mapped[str] = mapped_column(String(128), default="")
    school_stage: Mapped[str] = mapped_column(String(16), default="")
    grade: Mapped[str] = mapped_column(String(32), default="")
    health: Mapped[str] = mapped_column(String(255), default="健康")
    illness: Mapped[str] = mapped_column(String(255), default="")
    disability_type: Mapped[str] = mapped_column(String(16), default="无")
    disability_grade: Mapped[str] = mapped_column(String(8), default="")
    disability_cert_no: Mapped[str] = mapped_column(String(32), default="")
    guardianship_state: Mapped[str] = mapped_column(String(16), default="正常")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE, index=True)
    status_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status_note: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # 疑似重复档案 merged (app/data/duplicates.py): the surviving child's id. A merged-away child is
    # tombstoned (`deleted`); its visits, assessments, reports and payments show in the survivor's file.
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True, default=None, index=True)
    # Derived on each device from synced assessments and visits (never synced themselves):
    # kept on the row so the list and the dashboard need no joins over 500,000 visits.
    colour: Mapped[str] = mapped_column(String(4), default="", index=True, info=DERIVED)
    last_visit_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, info=DERIVED)
    next_visit_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True, info=DERIVED)


class Guardian(SyncMixin, Base):
    """A parent or other guardian of the child (家庭与监护)."""

    __tablename__ = "guardian"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    relation: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    is_guardian: Mapped[bool] = mapped_column(Boolean, default=True)
    works_away: Mapped[bool] = mapped_column(Boolean, default=False)
    work_place: Mapped[str] = mapped_column(String(128), default="")
    away_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    contact_frequency: Mapped[str] = mapped_column(String(16), default="")
    last_contact: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    circumstance: Mapped[str] = mapped_column(String(32), default="无")
    circumstance_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    health: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CareArrangement(SyncMixin, Base):
    """委托照护: who looks after the child while the parents are away, and on what agreement."""

    __tablename__ = "care_arrangement"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    carer_name: Mapped[str] = mapped_column(String(64), default="")
    relation: Mapped[str] = mapped_column(String(16), default="")
    carer_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    ability: Mapped[str] = mapped_column(String(16), default="良好")
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    agreement_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ChildCategory(SyncMixin, Base):
    """One category the child belongs to (儿童类别), since when, on what evidence, until when."""

    __tablename__ = "child_category"
    __table_args__ = (Index("ix_child_category_category", "category", "deleted", "child_id"),)  # list filters
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    ended: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Need(SyncMixin, Base):
    """A need noted for the child (需求) with the coverage state county forms record."""

    __tablename__ = "need"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    noted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    coverage: Mapped[str] = mapped_column(String(16), default="应保未保")
    notes: Mapped[str] = mapped_column(Text, default="")
