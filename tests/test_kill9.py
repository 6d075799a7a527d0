"""kill -9 in the middle of a save, a backup, a restore, a sync and a re-key leaves a store that
opens and is consistent (issue 15).

Each operation runs as the real `tonghu` command in its own process, once to the end (to learn how
long it takes) and then several times killed with SIGKILL at a random moment of that span. After
every kill: the store opens (with the old or, after a re-key, the new password), `PRAGMA
integrity_check` is ok, the audit chain is whole, and every child and guardian row has the audit
entry written in the same transaction (so what is there is exactly a set of committed
transactions). A killed restore leaves no store or a whole one; a killed backup leaves no file
with the backup's name that does not check. After the kills a full sync brings the laptop and
the county to the same children, with no change logged twice.

Kills per operation: 2 by default (well under a minute), 8 under CI=true, or TONGHU_KILL9_RUNS.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.data import audit_chain, backup
from app.data.models.child import Child, Guardian
from app.data.store import Store
from app.domain.idnumber import check_digit
from app.server.db import LogEntry
from app.sync import client
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import PASSWORD, V1, add_child, add_guardian

ROOT = Path(__file__).resolve().parents[1]
OTHER_PASSWORD = "another-horse-7"
RUNS = int(os.environ.get("TONGHU_KILL9_RUNS") or (8 if os.environ.get("CI") == "true" else 2))


def _env(password: str, new_password: str | None = None) -> dict:
    env = {**os.environ, "TONGHU_PASSWORD": password, "TONGHU_FAST_KDF": "1", "TONGHU_TESTING": "1"}
    if new_password:
        env["TONGHU_NEW_PASSWORD"] = new_password
    return env


def _run(args: list[str], env: dict, kill_after: float | None = None) -> float:
    """Run `tonghu ARGS`; with `kill_after`, SIGKILL it after that many seconds. Its duration."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode("utf-8", "replace")
    else:
        try:
            proc.wait(kill_after)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        proc.stderr.close()
    return time.monotonic() - started


def _open(path: Path, passwords: list[str]) -> tuple[Store, str]:
    last = None
    for pw in passwords:
        try:
            return Store.open(path, pw), pw
        except Exception as exc:  # noqa: BLE001 - try the other password; re-raised below if none opens
            last = exc
    raise AssertionError(f"the store does not open after the kill: {last!r}")


def _consistent(store: Store) -> int:
    """Check the store; its number of children."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with store.read_session() as s:
        assert audit_chain.verify(s) == []
        for cls in (Child, Guardian):
            rows = s.scalar(select(func.count()).select_from(cls))
            created = s.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'create' AND field = '*' "
                                     "AND table_name = :t"), {"t": cls.__tablename__}).scalar()
            assert rows == created, f"{cls.__tablename__}: {rows} rows, {created} create entries"
        return s.scalar(select(func.count()).select_from(Child))


@pytest.fixture
def live(tmp_path):
    with server_db("sqlite", tmp_path) as db, LiveServer(db) as srv:
        yield srv


class Laptop:
    """The store under test, its current password, and the kill loop."""

    def __init__(self, path: Path, rng: random.Random):
        self.path, self.rng, self.password = path, rng, PASSWORD

    def other(self) -> str:
        return OTHER_PASSWORD if self.password == PASSWORD else PASSWORD

    def env(self) -> dict:
        return _env(self.password)

    def kills(self, args_for, check, env_for=None) -> None:
        env_for = env_for or self.env
        started = time.monotonic()
        span = _run(args_for(0), env_for())
        check(0, True)
        for n in range(1, RUNS + 1):
            _run(args_for(n), env_for(), kill_after=self.rng.uniform(0.2, 1.05) * span)
            check(n, False)
        print(f"{args_for(0)[0]}: runs {span:.1f} s, with {RUNS} kills {time.monotonic() - started:.1f} s")

    def check(self, _n=0, _finished=False) -> int:
        opened, self.password = _open(self.path, [self.password, self.other()])
        with opened:
            return _consistent(opened)


def test_kill9_at_random_moments_leaves_a_consistent_store(live, tmp_path):
    seed = int(os.environ.get("TONGHU_KILL9_SEED") or time.time())
    print(f"kill -9 seed {seed}, {RUNS} kills per operation")
    laptop = Laptop(tmp_path / "village.store", random.Random(seed))
    path = laptop.path
    store = Store.create(path, user="lin", password=PASSWORD, village_code=V1)
    client.enrol(store, live.url, live.code(V1))
    for i in range(20):
        add_guardian(store, add_child(store, f"孩子{i}"), f"家长{i}")
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()

    # a save: a child added from the command line (the child, its audit entries and outbox rows in
    # one transaction)
    def add(n):
        first17 = f"32011520150301{n:03d}"
        return ["child", "add", "--store", str(path), "--name", "命令行孩子" + "甲乙丙丁戊己庚辛壬癸"[n % 10],
                "--id-number", first17 + check_digit(first17)]
    laptop.kills(add, laptop.check)

    # a backup: the store is whole, and every file with a backup's name checks
    def check_backup(n, finished):
        laptop.check()
        for made in usb.glob(f"*{backup.SUFFIX}"):
            backup.check_file(made)
    laptop.kills(lambda n: ["backup", "--store", str(path), "--out", str(usb), "--keep", "3"], check_backup)

    # a restore: nothing, or the whole store, marked restored
    source = backup.list_backups(usb)[0].path

    def check_restore(n, finished):
        target = tmp_path / f"restored{n}.store"
        if target.exists():
            with Store.open(target, laptop.password) as r:
                _consistent(r)
                assert r.setting(backup.RESTORED_FROM)
        else:
            assert not finished
    laptop.kills(lambda n: ["restore", "--store", str(tmp_path / f"restored{n}.store"), str(source)], check_restore)

    # a sync, with work to send each time
    def before_sync():
        opened, _ = _open(path, [laptop.password])
        with opened:
            for _ in range(5):
                add_child(opened, f"同步前新增{laptop.rng.randrange(10**6)}")
        return laptop.env()
    laptop.kills(lambda n: ["sync", "--store", str(path), "--quiet"], laptop.check, env_for=before_sync)

    # a re-key (a new data key, the database re-encrypted), alternating the password
    if "--rekey" in (ROOT / "app" / "commands" / "store_cmds.py").read_text("utf-8"):
        laptop.kills(lambda n: ["passwd", "--store", str(path), "--rekey"], laptop.check,
                     env_for=lambda: _env(laptop.password, laptop.other()))

    # afterwards, one full sync: the laptop and the county hold the same children, nothing twice
    opened, _ = _open(path, [laptop.password])
    with opened:
        client.sync(opened)
        count = _consistent(opened)
    with live.db.sessions() as s:
        assert s.execute(text("SELECT count(*) FROM child")).scalar() == count
        assert s.execute(select(LogEntry.change_id).group_by(LogEntry.change_id).having(func.count() > 1)).all() == []
