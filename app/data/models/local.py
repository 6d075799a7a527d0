"""Tables local to one store, never synced: settings, users, the audit log and the sync outbox."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import Base, utcnow
from app.data.ids import new_id


class Setting(Base):
    """Key/value settings of this store (device id, village, HLC, idle-lock minutes...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class User(Base):
    """A person who logs in on this laptop. Passwords live only as key wraps in the key file."""

    __tablename__ = "app_user"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(32), default="儿童主任")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Who saw or changed what, written in the same transaction as the change it records.

    Append-only and hash-chained: the store's triggers seal each entry and refuse edits, and
    entries travel to the county with sync (`app/data/audit_chain.py`)."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64), default="")
    device: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(16))  # create / update / delete / view / print / sync
    table_name: Mapped[str] = mapped_column(String(64), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="")
    child_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The hash chain, set by the store's insert trigger (migration 0015_audit_chain): the entry's
    # place in the chain, the previous entry's hash and its own (app/core/auditchain.py).
    chain_n: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True, index=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class OutboxChange(Base):
    """One field-level change made on this device, kept until the county acknowledges it.

    `change_id` (UUIDv7) is the change's identity everywhere: the county deduplicates pushes by it,
    so a store restored from a backup or a repeated push never loses or doubles a change. `seq`
    is only the local order. A change the county refused keeps its reason (`refused_code`,
    `refused_message`) and stays visible to the user; it no longer blocks the queue.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ux_outbox_change_id", "change_id", unique=True),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    hlc: Mapped[str] = mapped_column(String(21))
    base_hlc: Mapped[str] = mapped_column(String(21))
    # JSON of the value the edit replaced (None: not known, e.g. a creation or an older store); a
    # laptop re-sending its rows to a restored county sends this, not the edit, under `base_hlc`
    base_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    origin: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64), default="")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    acked: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    refused_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    refused_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    refused_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
