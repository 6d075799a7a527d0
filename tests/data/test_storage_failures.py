"""A full disk, a read-only store and a damaged store file each get their own Chinese message, in
the app's code and on the command line, and nothing already saved is lost (issue 15).

The full disk is a real one: a 3 MB tmpfs mounted for the test (the tests run as root in CI's
container). Where mounting is not allowed, the same SQLite error (SQLITE_FULL) is produced with
`PRAGMA max_page_count` on the store's connections, and the read-only store is made with file
permissions instead of a read-only mount; the test says which it used in its output.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from app.data import backup
from app.data.models.child import Child
from app.data.storage import DamagedStoreError, DiskFullError, ReadOnlyStoreError
from app.data.store import Store, WrongPasswordError
from tests.conftest import PASSWORD, VILLAGE
from tests.sync.stores import add_child

ROOT = Path(__file__).resolve().parents[2]
NOTE = "这是一段很长的走访记录。" * 4000  # ~100 KB of text per save


def _mount(path: Path, options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(path: Path, size: str = "3m"):
    mounted = _mount(path, f"size={size},mode=0700")
    print("full disk:", "tmpfs" if mounted else "max_page_count")
    try:
        yield mounted
    finally:
        if mounted:
            _umount(path)


def _count(store) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(Child))


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "TONGHU_PASSWORD": PASSWORD})


def _fill(disk: Path) -> Path:
    filler = disk / "filler.bin"
    with open(filler, "wb", buffering=0) as fh:  # unbuffered: closing has nothing left to write on a full disk
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def test_disk_full_says_so_and_keeps_what_was_saved(tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk) as mounted:
        store = Store.create(disk / "v.store", user="lin", password=PASSWORD, village_code=VILLAGE)
        add_child(store, "已保存的孩子", notes="第一条")
        if mounted:
            filler = _fill(disk)
        else:
            @event.listens_for(store.engine, "connect")
            def _cap(conn, _record):
                conn.execute("PRAGMA max_page_count = 200")
            store.engine.dispose()
        with pytest.raises(DiskFullError) as caught:
            for i in range(200):
                add_child(store, f"写不下的孩子{i}", notes=NOTE)
        assert "磁盘空间已满" in caught.value.user_message() and "没有保存" in caught.value.user_message()
        saved = _count(store)
        # a backup to the same full disk: its own message, no half-written file left behind
        with pytest.raises(DiskFullError):
            backup.make_backup(store, store.data_key, disk)
        assert not list(disk.glob("*.part")) and not list(disk.glob("*.tmp"))
        if mounted:
            from app.domain.idnumber import check_digit

            first17 = "32011520150301" + "123"
            out = _cli("child", "add", "--store", str(disk / "v.store"), "--name", "命令行的孩子",
                       "--id-number", first17 + check_digit(first17), "--set", f"notes={NOTE[:3000]}")
            assert out.returncode == 1 and "磁盘空间已满" in out.stderr and "Traceback" not in out.stderr
            filler.unlink()
        store.close()
        with Store.open(disk / "v.store", PASSWORD) as again:
            assert _count(again) == saved
            with again.read_session() as s:
                assert s.scalar(select(Child.notes).where(Child.name == "已保存的孩子")) == "第一条"
            with again.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@contextlib.contextmanager
def read_only_store(tmp_path: Path):
    """A store on a read-only medium (a read-only tmpfs), or with read-only permissions."""
    disk = tmp_path / "ro"
    mounted = _mount(disk, "size=8m,mode=0700")
    print("read-only store:", "read-only mount" if mounted else "file permissions")
    try:
        s = Store.create(disk / "v.store", user="lin", password=PASSWORD, village_code=VILLAGE)
        add_child(s, "只读里的孩子")
        s.close()
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        else:
            for p in disk.iterdir():
                os.chmod(p, 0o444)
            os.chmod(disk, 0o555)
        yield disk / "v.store"
    finally:
        if mounted:
            _umount(disk)
        else:
            os.chmod(disk, 0o755)


def test_read_only_store_is_not_a_wrong_password(tmp_path):
    with read_only_store(tmp_path) as path:
        with pytest.raises(ReadOnlyStoreError) as caught:
            Store.open(path, PASSWORD)
        assert "只读" in caught.value.user_message() and "密码" not in caught.value.user_message()
        out = _cli("children", "--store", str(path))
        assert out.returncode == 1 and "只读" in out.stderr and "密码错误" not in out.stderr


def _damage(path: Path, page: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek(page * 4096 + 100)
        fh.write(os.urandom(200))


def test_damaged_store_says_damaged_and_a_backup_brings_it_back(tmp_path):
    store = Store.create(tmp_path / "v.store", user="lin", password=PASSWORD, village_code=VILLAGE)
    for i in range(30):
        add_child(store, f"孩子{i}", notes=NOTE[:3000])
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = backup.make_backup(store, store.data_key, usb)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = (tmp_path / "v.store").stat().st_size
    copy = tmp_path / "copy.store"
    shutil.copy(tmp_path / "v.store", copy)
    shutil.copy(tmp_path / "v.store.keys", tmp_path / "copy.store.keys")

    _damage(tmp_path / "v.store", 0)  # the first page: it does not open at all
    with pytest.raises(DamagedStoreError) as caught:
        Store.open(tmp_path / "v.store", PASSWORD)
    assert "已损坏" in caught.value.user_message() and "恢复" in caught.value.user_message()
    with pytest.raises(WrongPasswordError):  # a wrong password is still a wrong password
        Store.open(tmp_path / "v.store", "not-the-password")
    out = _cli("children", "--store", str(tmp_path / "v.store"))
    assert out.returncode == 1 and "已损坏" in out.stderr and "密码错误" not in out.stderr

    for page in range(2, size // 4096, 3):  # pages past the first: it may open, reading says damaged
        _damage(copy, page)
    with pytest.raises(DamagedStoreError):
        with Store.open(copy, PASSWORD) as opened, opened.read_session() as s:
            list(s.scalars(select(Child.notes)))

    restored = backup.restore(saved, tmp_path / "restored.store", PASSWORD)
    with Store.open(restored, PASSWORD) as r:
        assert _count(r) == 30


def test_login_window_says_read_only_and_damaged(tmp_path, qapp):
    from app.ui.app import LoginDialog

    with read_only_store(tmp_path) as path:
        dialog = LoginDialog(path)
        dialog.password.setText(PASSWORD)
        dialog.login()
        assert "只读" in dialog.message.text() and "密码错误" not in dialog.message.text()
        assert dialog.store is None
    store = Store.create(tmp_path / "d.store", user="lin", password=PASSWORD, village_code=VILLAGE)
    store.close()
    _damage(tmp_path / "d.store", 0)
    dialog = LoginDialog(tmp_path / "d.store")
    dialog.password.setText(PASSWORD)
    dialog.login()
    assert "已损坏" in dialog.message.text() and dialog.store is None
