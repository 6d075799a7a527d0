"""The county server's own database (SQLite by default, PostgreSQL in production).

It holds the server tables (devices, enrolment codes, the county change log with its sequence,
priority alerts, settings such as the county key pair) and a copy of every model table of the
desktop store, materialising the current rows so the same merge (`app.sync.merge`) runs here and
pulls can be filtered by scope. The copies carry no foreign keys or unique constraints: changes
from many devices arrive in any order, and the merge settles them.
"""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import (BigInteger, Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text,
                        create_engine, event, text)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from app.data import models  # noqa: F401  (registers every model table)
from app.data.base import NAMING, Base, utcnow


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Device(ServerBase):
    """An enrolled laptop: its scope (division-code prefix), token hash and public keys."""

    __tablename__ = "srv_device"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    scope: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    sign_public: Mapped[str] = mapped_column(String(64), default="")
    box_public: Mapped[str] = mapped_column(String(64), default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_sync: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    client_version: Mapped[str] = mapped_column(String(32), default="")
    protocol: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    # Sync state: a token the server rotates on every push and complete pull, which the device
    # keeps beside its cursor. A device presenting an older token is a restored (or copied)
    # store: its next pulls also return its own earlier changes (`echo_pending`).
    state: Mapped[str] = mapped_column(String(32), default="")
    echo_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    restores: Mapped[int] = mapped_column(Integer, default=0)


class EnrolCode(ServerBase):
    """A one-time enrolment code (stored hashed) for a village or township scope."""

    __tablename__ = "srv_enrol_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class LogEntry(ServerBase):
    """One accepted change with its county-wide sequence number and the scopes it belongs to.

    `change_id` is the change's own id (made on the device; the server's own entries get one
    here): pushes are deduplicated by it, and a device's pull cursor names the entry it stopped
    at, so a cursor from another history (a restored county database) is recognised."""

    __tablename__ = "srv_change_log"
    __table_args__ = (Index("ux_srv_change_log_change_id", "change_id", unique=True),
                      Index("ix_srv_change_log_scope_seq", "scope_code", "seq"),
                      Index("ix_srv_change_log_scope2_seq", "scope_code2", "seq"))
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # None: the server's own entry
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    hlc: Mapped[str] = mapped_column(String(21))
    base_hlc: Mapped[str] = mapped_column(String(21))
    origin: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64), default="")  # the authenticated device's account
    claimed_actor: Mapped[str] = mapped_column(String(64), default="")  # the local user the device named
    versions: Mapped[str | None] = mapped_column(Text, nullable=True)
    child_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    scope_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    scope_code2: Mapped[str | None] = mapped_column(String(12), nullable=True)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PriorityAlert(ServerBase):
    """A mandatory report (or other priority row) the county must see at once."""

    __tablename__ = "srv_priority_alert"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    child_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    scope_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    device_id: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class ChildMove(ServerBase):
    """A child's file moving from one village to another (a transfer), with the stamp of the move:
    the old village may still send changes stamped before it, nothing after."""

    __tablename__ = "srv_child_move"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    child_id: Mapped[str] = mapped_column(String(36), index=True)
    from_village: Mapped[str] = mapped_column(String(12))
    to_village: Mapped[str] = mapped_column(String(12))
    hlc: Mapped[str] = mapped_column(String(21))
    seq: Mapped[int] = mapped_column(BigInteger)


class Refusal(ServerBase):
    """A change the server refused, with the reason it told the device (for the county to see)."""

    __tablename__ = "srv_refusal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    change_id: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditRecord(ServerBase):
    """One audit entry a device sent (its hash chain, app/core/auditchain.py), kept whatever becomes
    of the child's file (a transfer purges the old laptop's copy, never this one)."""

    __tablename__ = "srv_audit_entry"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    chain_n: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    actor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    device: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str | None] = mapped_column(String(16), nullable=True)
    table_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    row_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    child_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    field: Mapped[str | None] = mapped_column(String(64), nullable=True)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditGap(ServerBase):
    """A break the county found in a device's audit chain: entries missing (`gap`), an entry sent
    again with other content (`rewrite`), an entry whose hash does not match it (`bad_hash`), or a
    new chain (`new_chain`: a store restored from a backup; informational)."""

    __tablename__ = "srv_audit_gap"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    chain_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    from_n: Mapped[int] = mapped_column(BigInteger)
    to_n: Mapped[int] = mapped_column(BigInteger)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class ServerSetting(ServerBase):
    __tablename__ = "srv_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


def _copy_model_tables() -> None:
    """Copy every desktop table (no foreign keys, no unique constraints) into the server metadata."""
    target = ServerBase.metadata
    for table in Base.metadata.sorted_tables:
        if table.name in target.tables:
            continue
        cols = [Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable,
                       autoincrement=c.autoincrement, index=bool(c.index) and not c.primary_key)
                for c in table.columns]
        Table(table.name, target, *cols)


_copy_model_tables()


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


class ServerDB:
    """An open server database: engine, sessions and the lock that orders pushes."""

    def __init__(self, url: str, *, create: bool = True, pool_size: int = 10, keys_path: str | None = None):
        from app.server import keys

        self.url = normalise_url(url)
        self.keys_path = keys_path  # the server's key file (app/server/keys.py); None: the default place
        kwargs = {"hide_parameters": True}  # a logged SQL error never carries a child's data
        db_file = keys.sqlite_file(self.url)
        if db_file is not None:  # the county's data: readable by the server's owner only
            keys.create_private(db_file)
            keys.tighten(db_file)
        if self.url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_size=pool_size, max_overflow=20, pool_pre_ping=True)
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            @event.listens_for(self.engine, "connect")
            def _pragmas(conn, _record):
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.close()
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.lock = threading.Lock()
        if create:
            from app.server.migrations import ensure_schema  # Alembic revisions, on every open (issue 12)
            ensure_schema(self.engine)
            keys.move_out(self)  # keys kept in srv_setting before issue 15 leave the database

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def lock_log(self, session) -> None:
        """Within a transaction: hold the county log lock until commit (pushes are serialised, so
        sequence numbers become visible in order and a pull never skips one)."""
        if not self.is_sqlite:
            session.execute(text("SELECT pg_advisory_xact_lock(72016)"))

    def drop_all(self) -> None:
        ServerBase.metadata.drop_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()
