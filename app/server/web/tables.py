"""The county console's own server tables: officer accounts, their browser sessions and the audit log.

They live in the server database beside the sync tables (`ServerBase`), created by the server's
Alembic migrations (app/server/migrations). Passwords and session tokens are stored only as
hashes (Argon2id for passwords, SHA-256 for the random session tokens).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import utcnow
from app.server.db import ServerBase


class ConsoleAccount(ServerBase):
    """An officer who logs in to the console: role, scope (division-code prefix) and login state."""

    __tablename__ = "srv_console_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)  # the login name
    full_name: Mapped[str] = mapped_column(String(64), default="")  # 真实姓名, shown in the audit log
    role: Mapped[str] = mapped_column(String(16))  # county-admin | township | viewer
    scope: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)  # a code is accepted once
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ConsoleSession(ServerBase):
    """A logged-in browser: the hash of its cookie token, when it was last used, whether the second
    factor is done."""

    __tablename__ = "srv_console_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    second_factor_done: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(ServerBase):
    """Who did or saw what, when: every view of a child's file, every export, every account and
    device change, every login."""

    __tablename__ = "srv_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    user_name: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(255), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
