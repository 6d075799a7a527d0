"""The encrypted store: create it, open it with a password, hand out sessions, change passwords.

A store is two files: `NAME` (the SQLCipher database, plus its `-wal`) and `NAME.keys` (the
wrapped data key, see `keys.py`). Every session from `Store.session()` captures changes into the
outbox and audit log as the signed-in user on this device.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.core import clock as wallclock
from app.core.errors import TonghuError
from app.data import capture, migrate, rekey, search_index, storage
from app.data.engine import IMMEDIATE, WrongKeyError, make_engine
from app.data.ids import new_id
from app.data.keys import KeyFile, UnknownUserError, WrongPasswordError, key_path_for, new_data_key
from app.data.models import AuditEntry, Place, Setting, User
from app.data.settings import put_setting
from app.domain import lockout, passwords, places
from app.core.hlc import ZERO, HybridClock

__all__ = ["Store", "StoreExistsError", "LoginLockedError", "WrongPasswordError", "UnknownUserError"]

T = TypeVar("T")


class StoreExistsError(TonghuError):
    code = "store_exists"
    default_message = "数据文件已存在"


class LoginLockedError(TonghuError):
    code = "login_locked"

    def __init__(self, seconds: int):
        super().__init__(f"密码错误次数过多，请在{seconds}秒后再试")
        self.seconds = seconds


MIN_PASSWORD = passwords.MIN_LENGTH


def check_new_password(password: str, repeat: str | None = None, *, names: tuple[str, ...] = ()) -> None:
    """Refuse short, common and name-made passwords (`app.domain.passwords`)."""
    passwords.check(password, repeat, names=names)


def immediate(session: Session) -> None:
    """Start `session`'s transaction with BEGIN IMMEDIATE (engine.py): a short unit of work that
    reads before it writes then waits its turn instead of failing at once with "database is locked"
    when another connection wrote in between (SQLite cannot upgrade a stale read snapshot)."""
    session.connection(execution_options={IMMEDIATE: True})


class Store:
    """An open store. Create one with `Store.create()` or `Store.open()`; close it when done."""

    def __init__(self, path: Path, engine: Engine, keyfile: KeyFile, user: str):
        self.path = path
        self.engine = engine
        self.keyfile = keyfile
        self.user = user
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        capture.install()
        self.device_id = self.setting("device_id")
        self.clock = HybridClock(self.setting(capture.HLC_SETTING) or ZERO)

    # -- lifecycle -------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        user: str,
        password: str,
        village_code: str,
        village_name: str = "",
        township_name: str = "",
        county_name: str = "",
        display_name: str = "",
    ) -> "Store":
        path = Path(path)
        keypath = key_path_for(path)
        if path.exists() or keypath.exists():
            raise StoreExistsError(str(path))
        places.validate_code(village_code)
        check_new_password(password, names=(user, display_name, village_name, village_code))
        path.parent.mkdir(parents=True, exist_ok=True)
        data_key = new_data_key()
        keyfile = KeyFile.create(keypath, store_id=new_id())
        keyfile.wrap_for_user(user, password, data_key)
        engine = make_engine(path, data_key)
        migrate.upgrade(engine)
        with Session(engine) as s, s.begin():
            s.add_all([
                Setting(key="device_id", value=new_id()),
                Setting(key="store_id", value=keyfile.store_id),
                Setting(key="village_code", value=village_code),
                Setting(key="scope", value=village_code),
                Setting(key="idle_lock_minutes", value="10"),
                User(name=user, display_name=display_name or user),
            ])
        keyfile.save()
        store = cls(path, engine, keyfile, user)
        store.data_key = data_key  # for backups (app/data/backup.py)
        with store.session() as s:
            for code, name, level in (
                (places.county_of(village_code), county_name, places.LEVEL_COUNTY),
                (places.township_of(village_code), township_name, places.LEVEL_TOWNSHIP),
                (village_code, village_name, places.LEVEL_VILLAGE),
            ):
                s.add(Place(code=code, name=name or code, level=level))
        return store

    @classmethod
    def open(cls, path: Path | str, password: str, user: str | None = None, now: float | None = None) -> "Store":
        path = Path(path)
        if path.exists():
            storage.check_writable(path)
        keyfile = KeyFile.load(key_path_for(path))
        users = keyfile.users()
        if user is None:
            if len(users) != 1:
                raise UnknownUserError("请输入用户名")
            user = users[0]
        now = wallclock.timestamp() if now is None else now
        failures, last = keyfile.failures(user)
        wait = lockout.seconds_left(failures, last, now)
        if wait:
            raise LoginLockedError(wait)
        try:
            data_key = keyfile.unwrap_for_user(user, password)
        except WrongPasswordError:
            keyfile.record_failure(user, now)
            raise
        keyfile.clear_failures(user)
        data_key = rekey.settle(path, keyfile, user, password, data_key)  # an interrupted re-encryption
        if keyfile.needs_stronger_wrap(user) or keyfile.is_old_format(user):
            keyfile.wrap_for_user(user, password, data_key)
            keyfile.save()
        return cls.open_with_key(path, data_key, user, keyfile)

    @classmethod
    def open_with_key(cls, path: Path | str, data_key: bytes, user: str, keyfile: KeyFile | None = None) -> "Store":
        """Open with an already unwrapped data key (after `open`'s password check, or the county
        recovery wrap); migrates the store to every head and repairs the search index."""
        path = Path(path)
        storage.check_writable(path)
        keyfile = keyfile or KeyFile.load(key_path_for(path))
        engine = make_engine(path, data_key)
        try:
            with engine.connect():
                pass
        except WrongKeyError:
            engine.dispose()
            # the key was verified when it was unwrapped: a file it cannot open is damaged
            raise storage.DamagedStoreError() from None
        except BaseException:
            engine.dispose()
            raise
        if migrate.current_heads(engine) != migrate.script_heads():
            migrate.upgrade(engine)
        with engine.begin() as conn:
            search_index.ensure(conn)
        store = cls(path, engine, keyfile, user)
        store.data_key = data_key  # for backups (app/data/backup.py)
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions --------------------------------------------------------
    def change_context(self) -> capture.ChangeContext:
        return capture.ChangeContext(device_id=self.device_id or "", actor=self.user, clock=self.clock)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error (nothing half-saved)."""
        with self._sessions() as s:
            s.info["change"] = self.change_context()
            with s.begin():
                immediate(s)  # it will write: take the write lock at BEGIN (never a stale snapshot)
                yield s

    def read_session(self) -> Session:
        """A session for reading only (no change context, nothing is ever flushed from it)."""
        return self._sessions()

    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """One user action, one transaction: `fn(session, *args, **kwargs)`, committed; its result.

        What the screens call, so they never hold a session: `store.run(cases.add_note, case_id, text)`."""
        with self.session() as s:
            return fn(s, *args, **kwargs)

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """`fn(session, *args, **kwargs)` in a read-only session; its result (rows stay readable)."""
        with self.read_session() as s:
            return fn(s, *args, **kwargs)

    # -- settings --------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._sessions() as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._sessions() as s, s.begin():
            immediate(s)
            put_setting(s, key, value)

    @property
    def display_name(self) -> str:
        """The signed-in user's real name (姓名) as entered at setup; the login name if none."""
        with self._sessions() as s:
            row = s.get(User, self.user)
            return (row.display_name if row else "") or self.user

    @property
    def village_code(self) -> str:
        return self.setting("village_code") or ""

    @property
    def scope(self) -> str:
        return self.setting("scope") or self.village_code

    def place_name(self, code: str) -> str:
        with self._sessions() as s:
            name = s.scalar(select(Place.name).where(Place.code == code))
            return name or code

    # -- users and passwords ---------------------------------------------
    def password_names(self, user: str | None = None) -> tuple[str, ...]:
        """What a password must not be made of: the login and real name, the village name and code."""
        user = user or self.user
        with self._sessions() as s:
            row = s.get(User, user)
            display = row.display_name if row else ""
        return (user, display, self.place_name(self.village_code), self.village_code)

    def reopen_with(self, data_key: bytes) -> None:
        """After a re-encryption (`app.data.users.rekey_store`): new engine on the new key."""
        self.engine.dispose()
        self.engine = make_engine(self.path, data_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.data_key = data_key

    def change_password(self, old: str, new: str, repeat: str | None = None) -> None:
        check_new_password(new, repeat, names=self.password_names())
        data_key = self.keyfile.unwrap_for_user(self.user, old)
        self.keyfile.wrap_for_user(self.user, new, data_key)
        self.keyfile.save()
        self.log("passwd", table_name="app_user", row_id=self.user)

    def add_user(self, name: str, password: str, current_password: str, display_name: str = "", role: str = "儿童主任") -> None:
        check_new_password(password, names=self.password_names(name) + (display_name,))
        data_key = self.keyfile.unwrap_for_user(self.user, current_password)
        with self._sessions() as s, s.begin():
            s.add(User(name=name, display_name=display_name or name, role=role))
        self.keyfile.wrap_for_user(name, password, data_key)
        self.keyfile.save()

    def verify_password(self, password: str) -> bool:
        """Check the signed-in user's password (the idle lock screen), with lock-out."""
        failures, last = self.keyfile.failures(self.user)
        wait = lockout.seconds_left(failures, last, wallclock.timestamp())
        if wait:
            raise LoginLockedError(wait)
        try:
            self.keyfile.unwrap_for_user(self.user, password)
        except WrongPasswordError:
            self.keyfile.record_failure(self.user)
            return False
        self.keyfile.clear_failures(self.user)
        return True

    # -- audit -----------------------------------------------------------
    def log(self, action: str, *, table_name: str = "", row_id: str = "", child_id: str | None = None, note: str = "") -> None:
        """Record a read-type event (view, print, export) that is not a data change."""
        with self._sessions() as s, s.begin():
            s.add(AuditEntry(actor=self.user, device=self.device_id, action=action, table_name=table_name,
                             row_id=row_id, child_id=child_id, new_value=note or None))
