"""Console accounts: officers' passwords (Argon2id), lock-out after wrong passwords, roles and scopes,
and the optional TOTP second factor.

Plain functions over a `ServerDB`, shared by `tonghu server user …` and the console's 账户 page.
Refusals raise `AccountError` with a Chinese message for the officer.

Lock-out: the first `FREE_FAILURES` wrong passwords in a row only count; each further one locks the
account for a delay that doubles (1, 2, 4 … minutes, at most `MAX_LOCK`). A right password while
locked is refused too; a successful login or a password reset clears the count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from app.core import clock
from app.core.errors import TonghuError
from app.data import keys
from app.server import settings
from app.server.db import ServerDB
from app.server.web.tables import ConsoleAccount, ConsoleSession

ROLES = {"county-admin": "县级管理员", "township": "乡镇督导员", "viewer": "统计查看"}
MIN_PASSWORD = 10
FREE_FAILURES = 4
FIRST_LOCK = dt.timedelta(minutes=1)
MAX_LOCK = dt.timedelta(hours=1)
TOTP_ISSUER = "童护县级管理平台"
SETTING_TOTP_ADMINS = "console_totp_required_for_admins"
WRONG = "登录名或密码不正确"
UNKNOWN_NAME = "unknown_name"  # AccountError.code of a login with a name no account has

# Argon2id with the store's parameters (64 MiB, 3 passes, 4 lanes); a test run may ask for cheap ones
# (TONGHU_FAST_KDF, honoured only under tests: app/data/keys.py).
_kdf = keys.kdf_params()
_hasher = PasswordHasher(time_cost=_kdf.iterations, memory_cost=_kdf.memory_kib, parallelism=_kdf.lanes)
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class AccountError(TonghuError):
    code = "account"


@dataclasses.dataclass(frozen=True)
class AccountView:
    """An account as pages and commands show it (never the password hash or TOTP secret)."""

    id: int
    name: str
    full_name: str
    role: str
    scope: str
    disabled: bool
    totp: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_login: dt.datetime | None
    created_at: dt.datetime | None

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def _view(a: ConsoleAccount) -> AccountView:
    return AccountView(id=a.id, name=a.name, full_name=a.full_name or "", role=a.role, scope=a.scope,
                       disabled=bool(a.disabled), totp=bool(a.totp_secret),
                       must_change_password=bool(a.must_change_password), locked_until=a.locked_until,
                       last_login=a.last_login, created_at=a.created_at)


# -- checks ------------------------------------------------------------------------------------
def check_role_scope(role: str, scope: str | None) -> str:
    """The scope to store for `role`, or AccountError: a township account needs its township's
    9-digit code; county accounts take the 6-digit county code, or nothing for the whole server."""
    scope = (scope or "").strip()
    if role not in ROLES:
        raise AccountError(f"角色不正确：{role}（可选：{'、'.join(f'{k}（{v}）' for k, v in ROLES.items())}）")
    if role == "township":
        if not (scope.isdigit() and len(scope) == 9):
            raise AccountError("乡镇督导员账户须填写本乡镇/街道的9位区划代码")
        return scope
    if scope and not (scope.isdigit() and len(scope) == 6):
        raise AccountError("县级账户的范围应为6位县级区划代码，或留空表示本服务器的全部村居")
    return scope


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 64 or any(ch.isspace() or ord(ch) < 32 for ch in name):
        raise AccountError("登录名不能为空、不能含空格，最长64个字符")
    return name


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"密码至少需要{MIN_PASSWORD}个字符")
    if len(password) > 1024:
        raise AccountError("密码太长")


# -- accounts ----------------------------------------------------------------------------------
def create(db: ServerDB, *, name: str, role: str, password: str, scope: str | None = None,
           full_name: str = "", must_change_password: bool = False) -> AccountView:
    name = check_name(name)
    scope = check_role_scope(role, scope)
    check_password(password)
    with db.sessions() as s, s.begin():
        if s.scalar(select(ConsoleAccount.id).where(ConsoleAccount.name == name)) is not None:
            raise AccountError(f"登录名“{name}”已被使用，请换一个")
        account = ConsoleAccount(name=name, full_name=(full_name or "").strip()[:64], role=role, scope=scope,
                                 password_hash=_hasher.hash(password), disabled=False,
                                 must_change_password=must_change_password, created_at=clock.utcnow())
        s.add(account)
        s.flush()
        return _view(account)


def count(db: ServerDB) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(ConsoleAccount)) or 0


def get(db: ServerDB, account_id: int) -> AccountView | None:
    with db.sessions() as s:
        account = s.get(ConsoleAccount, account_id)
        return _view(account) if account is not None else None


def list_all(db: ServerDB) -> list[AccountView]:
    with db.sessions() as s:
        return [_view(a) for a in s.scalars(select(ConsoleAccount).order_by(ConsoleAccount.role, ConsoleAccount.name))]


def _account(s, account_id: int) -> ConsoleAccount:
    account = s.get(ConsoleAccount, account_id)
    if account is None:
        raise AccountError("没有这个账户")
    return account


def _end_sessions(s, account_id: int) -> None:
    for row in s.scalars(select(ConsoleSession).where(ConsoleSession.user_id == account_id)):
        s.delete(row)


def _other_active_admins(s, account_id: int) -> int:
    return s.scalar(select(func.count()).select_from(ConsoleAccount).where(
        ConsoleAccount.role == "county-admin", ConsoleAccount.disabled.is_(False),
        ConsoleAccount.id != account_id)) or 0


def update(db: ServerDB, account_id: int, *, role: str, scope: str | None, full_name: str,
           disabled: bool) -> AccountView:
    """Change an account's role, scope, name shown or disabled state. The last active county
    admin can be neither disabled nor demoted (nobody could manage accounts any more)."""
    scope = check_role_scope(role, scope)
    with db.sessions() as s, s.begin():
        account = _account(s, account_id)
        if account.role == "county-admin" and (role != "county-admin" or disabled) and not _other_active_admins(s, account_id):
            raise AccountError("这是唯一一个可用的县级管理员账户，不能停用或改为其他角色。请先另建一个县级管理员。")
        changed_access = account.role != role or account.scope != scope or (disabled and not account.disabled)
        account.role, account.scope = role, scope
        account.full_name = (full_name or "").strip()[:64]
        account.disabled = disabled
        if changed_access:
            _end_sessions(s, account_id)  # the browser logs in again under the new rights
        return _view(account)


def set_password(db: ServerDB, account_id: int, password: str, *, must_change: bool = False) -> None:
    """Set a new password (by its owner, or an admin's reset with `must_change`); ends the
    account's other sessions' lock-out and clears the failure count."""
    check_password(password)
    with db.sessions() as s, s.begin():
        account = _account(s, account_id)
        account.password_hash = _hasher.hash(password)
        account.must_change_password = must_change
        account.failed_logins = 0
        account.locked_until = None
        if must_change:
            _end_sessions(s, account_id)


def change_own_password(db: ServerDB, account_id: int, old: str, new: str) -> None:
    with db.sessions() as s:
        account = _account(s, account_id)
        stored = account.password_hash
    if not _verify(stored, old):
        raise AccountError("原密码不正确")
    if old == new:
        raise AccountError("新密码不能与原密码相同")
    set_password(db, account_id, new)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def lock_delay(failures: int) -> dt.timedelta | None:
    """How long the account locks after `failures` wrong passwords in a row (None: not yet)."""
    if failures <= FREE_FAILURES:
        return None
    return min(FIRST_LOCK * (2 ** (failures - FREE_FAILURES - 1)), MAX_LOCK)


def _minutes(delta: dt.timedelta) -> int:
    return max(1, -(-int(delta.total_seconds()) // 60))


def login(db: ServerDB, name: str, password: str) -> AccountView:
    """The account when `password` is right, it is enabled and not locked; else AccountError
    (one message for an unknown name and a wrong password). A failure is counted (committed)
    before the error is raised."""
    now = clock.utcnow()
    refusal, code = "", "refused"
    with db.sessions() as s, s.begin():
        account = s.scalar(select(ConsoleAccount).where(ConsoleAccount.name == (name or "").strip()))
        if account is None:
            _verify(_DUMMY_HASH, password or "")  # same time as a real check
            refusal, code = WRONG, UNKNOWN_NAME
        elif account.locked_until is not None and account.locked_until > now:
            refusal = (f"密码错误次数过多，账户已暂时锁定，请 {_minutes(account.locked_until - now)} 分钟后再试，"
                       "或请县级管理员重置密码。")
        elif not _verify(account.password_hash, password or ""):
            account.failed_logins = (account.failed_logins or 0) + 1
            delay = lock_delay(account.failed_logins)
            if delay is not None:
                account.locked_until = now + delay
                refusal = f"密码错误次数过多，账户已暂时锁定 {_minutes(delay)} 分钟。"
            else:
                left = FREE_FAILURES + 1 - account.failed_logins
                refusal = f"{WRONG}（再错 {left} 次账户将被暂时锁定）" if left <= 2 else WRONG
        elif account.disabled:
            refusal = "该账户已被停用，请联系县级管理员。"
        else:
            account.failed_logins = 0
            account.locked_until = None
            account.last_login = now
            if _hasher.check_needs_rehash(account.password_hash):
                account.password_hash = _hasher.hash(password)
            view = _view(account)
    if refusal:
        raise AccountError(refusal, code=code)
    return view


# -- second factor (TOTP) ----------------------------------------------------------------------
def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(name: str, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=TOTP_ISSUER)


def _totp_step(secret: str, code: str) -> int | None:
    """The time step `code` belongs to (this one or a neighbour, for clock drift), or None."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = clock.now()
    for drift in (0, -1, 1):
        at = now + dt.timedelta(seconds=drift * totp.interval)
        if totp.verify(code, for_time=at, valid_window=0):
            return int(at.timestamp()) // totp.interval
    return None


def enable_totp(db: ServerDB, account_id: int, secret: str, code: str) -> None:
    """Turn on the second factor once the officer proves the authenticator shows `code`."""
    step = _totp_step(secret, code)
    if step is None:
        raise AccountError("验证码不正确。请核对手机上的时间，输入验证器应用当前显示的6位数字。")
    with db.sessions() as s, s.begin():
        account = _account(s, account_id)
        account.totp_secret = secret
        account.totp_last_step = step


def disable_totp(db: ServerDB, account_id: int) -> None:
    with db.sessions() as s, s.begin():
        account = _account(s, account_id)
        account.totp_secret = None
        account.totp_last_step = 0


def check_totp(db: ServerDB, account_id: int, code: str) -> bool:
    """True when `code` is valid now and was not used before (each code logs in once)."""
    with db.sessions() as s, s.begin():
        account = _account(s, account_id)
        if not account.totp_secret:
            return False
        step = _totp_step(account.totp_secret, code)
        if step is None or step <= (account.totp_last_step or 0):
            return False
        account.totp_last_step = step
        return True


def totp_required_for_admins(db: ServerDB) -> bool:
    with db.sessions() as s:
        return settings.get(s, SETTING_TOTP_ADMINS) == "1"


def set_totp_required_for_admins(db: ServerDB, required: bool) -> None:
    with db.sessions() as s, s.begin():
        settings.put(s, SETTING_TOTP_ADMINS, "1" if required else "0")


def needs_totp_setup(db: ServerDB, account: AccountView) -> bool:
    """An admin without a second factor while the county requires one for admins."""
    return account.role == "county-admin" and not account.totp and totp_required_for_admins(db)
