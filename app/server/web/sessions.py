"""Console login sessions: a random token in an HttpOnly, SameSite=Strict cookie, its SHA-256 in
`srv_console_session`, ended after `IDLE` without a request (and after `LONGEST` in any case).

Times come from `app.core.clock`, so tests move the clock instead of waiting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete

from app.core import clock
from app.server import accounts
from app.server.db import ServerDB
from app.server.web.tables import ConsoleAccount, ConsoleSession

COOKIE = "tonghu_console"
IDLE = dt.timedelta(minutes=30)
LONGEST = dt.timedelta(hours=12)
TOUCH_EVERY = dt.timedelta(seconds=30)  # last_seen is written at most this often


@dataclasses.dataclass(frozen=True)
class Found:
    """The session behind a cookie: its account (None when the session ended) and state."""

    account: accounts.AccountView | None
    second_factor_done: bool = True
    expired: bool = False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(db: ServerDB, account_id: int, *, second_factor_done: bool) -> str:
    """A new session for the account; the token goes into the cookie, only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = clock.utcnow()
    with db.sessions() as s, s.begin():
        s.add(ConsoleSession(token_hash=token_hash(token), user_id=account_id, created_at=now, last_seen=now,
                             second_factor_done=second_factor_done))
        # sweep sessions idle for long: the table stays small without a timer
        s.execute(delete(ConsoleSession).where(ConsoleSession.last_seen < now - IDLE - dt.timedelta(days=1)))
    return token


def lookup(db: ServerDB, token: str | None) -> Found | None:
    """The live session of `token` (touching it), `Found(expired=True)` for one that ran out (then
    deleted), None for no or an unknown cookie."""
    if not token or len(token) > 256:
        return None
    now = clock.utcnow()
    with db.sessions() as s, s.begin():
        row = s.get(ConsoleSession, token_hash(token))
        if row is None:
            return None
        if now - row.last_seen > IDLE or now - row.created_at > LONGEST:
            s.delete(row)
            return Found(account=None, expired=True)
        account = s.get(ConsoleAccount, row.user_id)
        if account is None or account.disabled:
            s.delete(row)
            return None
        if now - row.last_seen > TOUCH_EVERY:
            row.last_seen = now
        return Found(account=accounts._view(account), second_factor_done=bool(row.second_factor_done))


def second_factor_passed(db: ServerDB, token: str) -> None:
    with db.sessions() as s, s.begin():
        row = s.get(ConsoleSession, token_hash(token))
        if row is not None:
            row.second_factor_done = True
            row.last_seen = clock.utcnow()


def end(db: ServerDB, token: str | None) -> None:
    if not token:
        return
    with db.sessions() as s, s.begin():
        s.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == token_hash(token)))
