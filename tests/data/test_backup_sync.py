"""Backup → restore → sync through a real county server loses nothing and doubles nothing; a stolen
laptop is replaced by a new one that pulls the whole village (issue 15). SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select, text

from app.data import backup
from app.data.models.child import Child, Guardian
from app.data.models.sync import Conflict
from app.data.store import Store
from app.server.db import LogEntry
from app.sync import client
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import PASSWORD, V1, V2, add_child, add_guardian, edit, get, make_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        yield srv


def _children(store) -> list[tuple[str, str]]:
    with store.read_session() as s:
        return sorted((c.name, c.id) for c in s.scalars(select(Child)))


def _open_conflicts(store) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(Conflict).where(Conflict.resolved.is_(False)))


def test_restore_then_sync_loses_and_doubles_nothing(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    c1 = add_child(a, "一号")
    add_guardian(a, c1, "一号的妈妈")
    client.sync(a)
    client.sync(b)
    pending = add_child(a, "备份时未同步")  # in the backup's outbox, sent later by the old laptop

    usb = tmp_path / "usb"
    usb.mkdir()
    # the backup is made while the app keeps saving (a second thread adds children meanwhile)
    written: list[tuple[str, str]] = []
    stop = threading.Event()

    def keep_saving():
        for i in range(200):
            if stop.is_set():
                return
            name = "写入中" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉"[i // 10 % 10]
            written.append((name, add_child(a, name)))
            time.sleep(0.01)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    while not written:
        time.sleep(0.01)
    saved = backup.make_backup(a, a.data_key, usb)
    stop.set()
    writer.join(60)

    # after the backup, on this laptop, synced before the laptop died
    edit(a, Child, c1, phone="13900000001")
    c3 = add_child(a, "备份后新增")
    client.sync(a)
    # after the backup, on the other laptop
    edit(b, Child, c1, notes="另一台电脑备份后写的")
    c4 = add_child(b, "另一台新增")
    client.sync(b)
    a.close()  # the laptop's disk dies

    restored = backup.restore(saved, tmp_path / "restored.store", PASSWORD)
    r = Store.open(restored, PASSWORD)
    assert get(r, Child, c3) is None  # the backup is older than these
    edit(r, Child, c1, address="恢复后写的地址")
    c5 = add_child(r, "恢复后新增")
    report = client.sync(r)
    assert report.restored  # the county recognised a restored store and sent its own changes back
    client.sync(r)
    client.sync(b)

    expected = sorted([("一号", c1), ("备份时未同步", pending), ("备份后新增", c3), ("另一台新增", c4), ("恢复后新增", c5),
                       *written])
    for store in (r, b):
        assert _children(store) == expected
        one = get(store, Child, c1)
        assert (one.phone, one.notes, one.address) == ("13900000001", "另一台电脑备份后写的", "恢复后写的地址")
        with store.read_session() as s:
            assert [g.name for g in s.scalars(select(Guardian).where(Guardian.child_id == c1))] == ["一号的妈妈"]
        assert _open_conflicts(store) == 0
    with live.db.sessions() as s:
        assert s.execute(text("SELECT count(*) FROM child")).scalar() == len(expected)
        dup = s.execute(select(LogEntry.change_id).group_by(LogEntry.change_id).having(func.count() > 1)).all()
        assert dup == []
    r.close()
    b.close()


def test_stolen_laptop_new_laptop_gets_the_whole_village(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    other = make_store(tmp_path, "other", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(other, live.url, live.code(V2))
    ids = [add_child(a, f"村里的孩子{i}") for i in range(12)]
    for cid in ids[:4]:
        add_guardian(a, cid, "监护人")
    edit(a, Child, ids[0], phone="13900000002")
    add_child(other, "别村的孩子")
    client.sync(a)
    client.sync(other)
    with a.read_session() as s:
        before = {c.id: (c.name, c.phone, c.village_code) for c in s.scalars(select(Child))}
    a.close()  # stolen

    new = Store.create(tmp_path / "new.store", user="new", password=PASSWORD, village_code=V1)
    client.enrol(new, live.url, live.code(V1))
    client.sync(new)
    with new.read_session() as s:
        after = {c.id: (c.name, c.phone, c.village_code) for c in s.scalars(select(Child))}
        guardians = s.scalar(select(func.count()).select_from(Guardian))
    assert after == before and guardians == 4  # the whole village, nothing of the other village
    new.close()
    other.close()
