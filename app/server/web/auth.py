"""Who is asking, and what they may see: the console's FastAPI dependencies.

- `current_user(request) -> ConsoleUser`: the logged-in officer; without a live session the
  browser is sent to /login (then back), with the second factor pending to /login/totp, with a
  password to change or a required second factor to set up to /account.
- `require_role(*roles)`: a dependency that answers 404 to every other role.
- `in_scope(user, village_code)`, `may_see_people(user)`, `not_found()`: scope checks for pages.
  Anything outside a user's scope answers 404 (never 403: the console does not confirm that a
  child or village exists elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from app.domain import places
from app.server import accounts
from app.server.web import sessions

ROLES = tuple(accounts.ROLES)


@dataclass(frozen=True)
class ConsoleUser:
    id: int
    name: str
    role: str  # "county-admin" | "township" | "viewer"
    scope: str  # division-code prefix: county code for county-admin/viewer, township code (9 digits) for township


class LoginRequired(Exception):
    """Raised by the dependencies; the console answers with a redirect to `location`."""

    def __init__(self, location: str):
        super().__init__(location)
        self.location = location


def not_found() -> HTTPException:
    """The one answer for anything missing or outside the user's scope."""
    return HTTPException(status_code=404, detail="not_found")


def in_scope(user: ConsoleUser, village_code: str | None) -> bool:
    """Whether `village_code` (a 12-digit village, or any longer-or-equal code) lies in the user's scope."""
    return places.in_scope(village_code or "", user.scope) if user.scope else bool(village_code)


def may_see_people(user: ConsoleUser) -> bool:
    """Names, ID numbers and other personal details: never for a viewer."""
    return user.role != "viewer"


def _here(request: Request) -> str:
    path = request.url.path
    if request.method == "GET" and request.url.query:
        path += "?" + request.url.query
    return path


def _login_location(request: Request, *, expired: bool) -> str:
    target = _here(request) if request.method == "GET" else "/"
    location = "/login"
    params = []
    if target not in ("/", ""):
        params.append("next=" + quote(target, safe=""))
    if expired:
        params.append("expired=1")
    return location + ("?" + "&".join(params) if params else "")


def session_account(request: Request) -> accounts.AccountView:
    """The account of the browser's live, fully logged-in session (second factor done), without
    the password/second-factor set-up redirect: for the /account page itself."""
    cached = getattr(request.state, "console_account", None)
    if cached is not None:
        return cached
    found = sessions.lookup(request.app.state.db, request.cookies.get(sessions.COOKIE))
    if found is None or found.account is None:
        raise LoginRequired(_login_location(request, expired=found is not None and found.expired))
    if not found.second_factor_done:
        raise LoginRequired("/login/totp")
    request.state.console_account = found.account
    request.state.console_user = ConsoleUser(id=found.account.id, name=found.account.name,
                                             role=found.account.role, scope=found.account.scope)
    return found.account


def current_user(request: Request) -> ConsoleUser:
    account = session_account(request)
    if account.must_change_password or accounts.needs_totp_setup(request.app.state.db, account):
        raise LoginRequired("/account")
    return request.state.console_user


def require_role(*roles: str) -> Callable[..., ConsoleUser]:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown console roles: {sorted(unknown)}")

    def dependency(user: ConsoleUser = Depends(current_user)) -> ConsoleUser:
        if user.role not in roles:
            raise not_found()
        return user

    return dependency
