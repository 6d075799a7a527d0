"""备份/恢复 of one store (issue 15): one encrypted, self-checking file, consistent while the app
writes; a damaged, cut or foreign file is refused with a clear message and nothing written; the
newest N are kept; the 30-day reminder. Real SQLCipher stores, the real `tonghu` command."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.data import backup
from app.data.keys import WrongPasswordError
from app.data.models.child import Child
from app.data.store import Store
from tests.conftest import PASSWORD
from tests.sync.stores import add_child

ROOT = Path(__file__).resolve().parents[2]


def _names(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(Child.name).order_by(Child.name)))


def _nothing_at(path: Path) -> bool:
    return not any(p.name.startswith(path.name) for p in path.parent.iterdir())


def test_backup_while_the_app_writes_restores_a_committed_prefix(store, tmp_path):
    out = tmp_path / "usb"
    out.mkdir()
    writing = threading.Event()
    stop = threading.Event()
    written: list[str] = []

    def writer():
        i = 0
        while not stop.is_set():
            name = f"儿童{i:04d}"
            add_child(store, name)
            written.append(name)
            i += 1
            writing.set()
            time.sleep(0.01)  # a person saving form after form, not a tight loop

    thread = threading.Thread(target=writer)
    thread.start()
    writing.wait(10)
    try:
        files = [backup.make_backup(store, store.data_key, out) for _ in range(3)]
    finally:
        stop.set()
        thread.join(30)
    assert len(written) > 3
    for n, file in enumerate(files):
        restored = backup.restore(file, tmp_path / f"restored{n}.store", PASSWORD)
        with Store.open(restored, PASSWORD) as r:
            names = _names(r)
            with r.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert r.setting(backup.RESTORED_FROM)
        # exactly the children committed before the snapshot: a prefix of what the writer wrote
        assert names == sorted(written[:len(names)])
    assert store.setting(backup.LAST_BACKUP)


def test_keeps_the_newest_n(store, tmp_path):
    made = [backup.make_backup(store, store.data_key, tmp_path, keep=2) for _ in range(4)]
    left = sorted(p.name for p in tmp_path.glob(f"*{backup.SUFFIX}"))
    assert left == sorted(p.name for p in made[-2:])
    assert not list(tmp_path.glob("*.part"))


def test_backup_file_is_encrypted(store, tmp_path):
    add_child(store, "明文测试王")
    file = backup.make_backup(store, store.data_key, tmp_path)
    data = file.read_bytes()
    assert "明文测试王".encode() not in data and b"SQLite format" not in data


@pytest.mark.parametrize("damage, message", [
    ("flip", "损坏或被改动"),
    ("cut", "不完整"),
    ("foreign", "不是童护的备份文件"),
    ("swap_tail", "损坏或被改动"),
])
def test_a_damaged_file_is_refused_and_nothing_is_written(store, tmp_path, damage, message):
    add_child(store, "甲")
    file = backup.make_backup(store, store.data_key, tmp_path)
    data = bytearray(file.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    elif damage == "cut":
        data = data[: len(data) * 2 // 3]
    elif damage == "foreign":
        data = bytearray(b"PK\x03\x04 not a backup at all" * 100)
    else:  # re-seal the trailer so only the authenticated encryption can tell
        import hashlib

        data[len(data) // 2] ^= 0x01
        data[-32:] = hashlib.sha256(bytes(data[:-32])).digest()
    file.write_bytes(bytes(data))
    target = tmp_path / "new" / "restored.store"
    target.parent.mkdir()
    with pytest.raises(backup.BackupError, match=message):
        backup.restore(file, target, PASSWORD)
    assert _nothing_at(target)


def test_wrong_password_and_existing_target_write_nothing(store, tmp_path):
    file = backup.make_backup(store, store.data_key, tmp_path)
    target = tmp_path / "new" / "restored.store"
    target.parent.mkdir()
    with pytest.raises(WrongPasswordError):
        backup.restore(file, target, "not-the-password")
    assert _nothing_at(target)
    with pytest.raises(backup.BackupError, match="不会覆盖"):
        backup.restore(file, store.path, PASSWORD)


def test_reminder_after_thirty_days(tmp_path, frozen_clock):
    s = Store.create(tmp_path / "v.store", user="lin", password=PASSWORD, village_code="320115101201")
    add_child(s, "乙")
    assert backup.reminder_due(s) is None  # a new store: nothing to remind yet
    frozen_clock.advance(days=31)
    assert "从来没有备份" in backup.reminder_due(s)
    backup.make_backup(s, s.data_key, tmp_path)
    assert backup.reminder_due(s) is None
    frozen_clock.advance(days=29)
    assert backup.reminder_due(s) is None
    frozen_clock.advance(days=2)
    assert "31天" in backup.reminder_due(s)
    s.close()


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "TONGHU_PASSWORD": PASSWORD, **(env or {})})


def test_cli_backup_check_and_restore(store, tmp_path, capsys, monkeypatch):
    add_child(store, "丙")
    add_child(store, "丁")
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    made = _cli("backup", "--store", str(store.path), "--out", str(usb), "--keep", "3")
    assert made.returncode == 0, made.stderr
    file = Path(made.stdout.strip())
    assert file.parent == usb and "已备份" in made.stderr
    from app.cli import main

    assert main(["backup", "--check", str(file)]) == 0
    assert "备份文件完整" in capsys.readouterr().out
    restored = _cli("restore", "--store", str(tmp_path / "new.store"), str(file))
    assert restored.returncode == 0, restored.stderr
    with Store.open(tmp_path / "new.store", PASSWORD) as r:
        with r.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Child)) == 2
    bad = usb / "bad.tonghu-backup"
    bad.write_bytes(file.read_bytes()[:-100])
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    assert main(["restore", "--store", str(tmp_path / "other.store"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "备份文件不完整" in err and "Traceback" not in err
    assert not (tmp_path / "other.store").exists()
