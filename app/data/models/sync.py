"""Sync records kept on each replica (desktop store and county server), never synced themselves.

`Conflict`: a field two people edited without seeing each other's change. The merge keeps the
deterministic winner as the row's value and records the loser here with who and when for both,
so a person can keep the winner or swap. `SyncRun`: one network sync attempt (for the status bar
and for support questions).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import Base, utcnow


class Conflict(Base):
    """The losing value of a concurrent edit, kept until a person confirms or swaps it."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_key", "table_name", "row_id", "field", "loser_hlc", "loser_origin"),
                      Index("ix_sync_conflict_ckey", "key"))
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str | None] = mapped_column(String(36), nullable=True)  # merge.conflict_key(...)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    child_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    winner_value: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    winner_hlc: Mapped[str] = mapped_column(String(21))
    winner_origin: Mapped[str] = mapped_column(String(64), default="")
    winner_actor: Mapped[str] = mapped_column(String(64), default="")
    loser_value: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    loser_hlc: Mapped[str] = mapped_column(String(21))
    loser_origin: Mapped[str] = mapped_column(String(64), default="")
    loser_actor: Mapped[str] = mapped_column(String(64), default="")
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # kept / swapped
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class SyncRun(Base):
    """One sync attempt of this device: when, how much went each way, and how it ended."""

    __tablename__ = "sync_run"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    via: Mapped[str] = mapped_column(String(8), default="net")  # net / usb
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    message: Mapped[str] = mapped_column(Text, default="")
