"""The encrypted store: nothing readable on disk, wrong passwords, password change, lock-out, migration."""

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import func, select, text

from app.data import demo, migrate
from app.data.engine import WrongKeyError, make_engine
from app.data.keys import KeyFile, WrongPasswordError, key_path_for, new_data_key
from app.data.models import Child, OutboxChange
from app.data.store import LoginLockedError, Store
from app.domain import lockout
from app.domain.errors import ValidationError
from tests.conftest import PASSWORD, VILLAGE

TODAY = dt.date(2026, 11, 23)


def test_store_file_and_wal_hold_no_plaintext(store, store_path):
    demo.generate(store, 60, seed=7, today=TODAY)
    with store.read_session() as s:
        people = s.execute(select(Child.name, Child.id_number, Child.address)).all()
    assert len(people) == 60
    wal = store_path.with_name(store_path.name + "-wal")
    # The store is still open: the WAL holds recent pages that are not yet checkpointed.
    assert wal.exists() and wal.stat().st_size > 0
    blobs = [store_path.read_bytes(), wal.read_bytes()]
    keys = key_path_for(store_path).read_bytes()
    for name, number, address in people:
        needles = (name.encode("utf-8"), name.encode("utf-16-le"), number.encode("ascii"), address.encode("utf-8"))
        # a 4-byte needle (a two-character name in UTF-16) turns up by chance in megabytes of ciphertext
        for needle in (n for n in needles if len(n) >= 6):
            for blob in blobs + [keys]:
                assert needle not in blob
    for word in ("农村留守儿童", "广东东莞", "祖母"):
        assert all(word.encode("utf-8") not in blob for blob in blobs)
    assert b"SQLite format 3" not in blobs[0][:16]


def test_plain_sqlite_cannot_read(store, store_path):
    store.close()
    conn = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT name FROM sqlite_master").fetchall()
    conn.close()


def test_wrong_password_opens_nothing(store, store_path):
    store.close()
    with pytest.raises(WrongPasswordError):
        Store.open(store_path, "not-the-password")
    with pytest.raises(WrongPasswordError):
        Store.open(store_path, "")
    # A wrong raw key does not open the file either.
    engine = make_engine(store_path, new_data_key())
    with pytest.raises(WrongKeyError):
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM child"))
    engine.dispose()
    Store.open(store_path, PASSWORD).close()


def test_password_change_keeps_data(store, store_path):
    demo.generate(store, 5, seed=3, today=TODAY)
    with pytest.raises(ValidationError):
        store.change_password(PASSWORD, "short")
    with pytest.raises(WrongPasswordError):
        store.change_password("wrong-old-password", "new-password-1")
    store.change_password(PASSWORD, "new-password-1", "new-password-1")
    store.close()
    with pytest.raises(WrongPasswordError):
        Store.open(store_path, PASSWORD)
    with Store.open(store_path, "new-password-1") as again:
        with again.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Child)) == 5
        assert again.user == "lin"


def test_lockout_delay_grows(store, store_path):
    store.close()
    now = 1_000_000.0
    for i in range(lockout.FREE_ATTEMPTS):
        with pytest.raises(WrongPasswordError):
            Store.open(store_path, "bad", now=now + i)
    now += lockout.FREE_ATTEMPTS - 1  # at the instant of the last failure
    with pytest.raises(LoginLockedError) as first:
        Store.open(store_path, PASSWORD, now=now)  # even the right password waits
    assert first.value.seconds == lockout.delay_after(lockout.FREE_ATTEMPTS)
    now += first.value.seconds
    with pytest.raises(WrongPasswordError):
        Store.open(store_path, "bad", now=now)
    with pytest.raises(LoginLockedError) as second:
        Store.open(store_path, PASSWORD, now=now)
    assert second.value.seconds > first.value.seconds
    now += second.value.seconds
    Store.open(store_path, PASSWORD, now=now).close()  # success clears the counter
    assert KeyFile.load(key_path_for(store_path)).failures("lin") == (0, 0.0)


def test_create_refuses_bad_input(tmp_path):
    with pytest.raises(ValidationError, match="区划代码"):
        Store.create(tmp_path / "a.store", user="lin", password=PASSWORD, village_code="3201")
    with pytest.raises(ValidationError, match="密码至少"):
        Store.create(tmp_path / "b.store", user="lin", password="short", village_code=VILLAGE)
    assert not (tmp_path / "a.store").exists() and not (tmp_path / "b.store").exists()


def test_old_store_migrates_on_open(tmp_path):
    """A store written at revision 0001_foundation opens and is brought up to every head."""
    path = tmp_path / "old.store"
    key = new_data_key()
    keyfile = KeyFile.create(key_path_for(path), store_id="old-store")
    keyfile.wrap_for_user("lin", PASSWORD, key)
    keyfile.save()
    engine = make_engine(path, key)
    migrate.upgrade(engine, "0001_foundation")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('device_id', 'dev-old'), ('village_code', :v)"),
                     {"v": VILLAGE})
        conn.execute(text("INSERT INTO app_user (name, display_name, role, created_at) "
                          "VALUES ('lin', '林', '儿童主任', '2024-01-01 00:00:00')"))
    assert migrate.current_heads(engine) == {"0001_foundation"}
    engine.dispose()
    with Store.open(path, PASSWORD) as store:
        assert migrate.current_heads(store.engine) == migrate.script_heads()
        from app.data import children as C
        from tests.data.test_children import make_id

        with store.session() as s:
            C.save_child(s, {"name": "赵六", "id_number": make_id()}, today=TODAY)
        with store.read_session() as s:
            assert s.scalar(select(func.count()).select_from(OutboxChange)) == 1


def test_key_file_holds_only_wraps(store, store_path):
    data = json.loads(key_path_for(store_path).read_text("utf-8"))
    wrap = data["wraps"]["lin"]
    assert wrap["kdf"] == "argon2id"
    assert set(wrap) >= {"salt", "nonce", "private", "public", "sealed"}
    assert PASSWORD not in key_path_for(store_path).read_text("utf-8")
