"""Issue 11's failures, each through a real county server and real encrypted stores: a clock
counter overflow, a laptop restored from a backup, a restored county database, a refusal that
used to block the queue, scope checked against the server's rows, the device's word about itself,
and conflicts that must be the same on every replica."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, select

from app.core import hlc
from app.core import protocol as P
from app.data.capture import HLC_SETTING
from app.data.ids import new_id
from app.data.models.child import Child, Guardian
from app.data.models.local import OutboxChange
from app.data.models.protection import MandatoryReport
from app.data.models.sync import Conflict
from app.data.store import Store
from app.server.db import LogEntry, ServerDB
from app.sync import changes, client
from tests.sync.live import LiveServer
from tests.sync.stores import PASSWORD, V1, V2, add_child, add_guardian, edit, get, make_store


def _reopen(store: Store, path) -> Store:
    store.close()
    return Store.open(path, PASSWORD, user=store.user)


def _back_up(store: Store) -> Store:
    """Copy the store's files (the database and its key file) while it is closed, as the guide's
    backup does; the store, open again."""
    store.close()
    for suffix in ("", ".keys"):
        shutil.copy(f"{store.path}{suffix}", f"{store.path}.bak{suffix}")
    return Store.open(store.path, PASSWORD, user=store.user)


def _restore_backup(store: Store) -> Store:
    """The disk died; the guide says: restore the last backup. The store, open on the copy."""
    store.close()
    for suffix in ("", ".keys"):
        shutil.copy(f"{store.path}.bak{suffix}", f"{store.path}{suffix}")
    for extra in ("-wal", "-shm"):
        Path(f"{store.path}{extra}").unlink(missing_ok=True)
    return Store.open(store.path, PASSWORD, user=store.user)


class _County:
    """A county server on a SQLite file that can take a copy of itself and go back to it, as a
    county restoring yesterday's backup does: the county-restore tests run it, copy it, run on,
    restore the copy and run it again."""

    def __init__(self, tmp_path):
        self.path = tmp_path / "county.db"
        self.copy_path = tmp_path / "county-backup.db"
        self.db = ServerDB(f"sqlite:///{self.path}")

    def copy(self) -> None:
        """The county's copy of its database (SQLite's online backup), beside it."""
        with sqlite3.connect(self.path) as src, sqlite3.connect(self.copy_path) as dst:
            src.backup(dst)

    def restore(self) -> None:
        """The county back on its copy, with the same keys."""
        self.db.close()
        self.db = ServerDB(f"sqlite:///{self.copy_path}", keys_path=f"{self.path}.keys")

    def live(self) -> LiveServer:
        return LiveServer(self.db)

    def close(self) -> None:
        self.db.close()


def _county_restored_without_a_child(tmp_path) -> tuple[_County, Store, str]:
    """A laptop adds a child and syncs after the county took its copy; the county then goes back
    to that copy: it lacks the child the laptop holds. (county, laptop, child id)"""
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    with county_server.live() as live:
        client.enrol(a, live.url, live.code(V1))
        client.sync(a)
        county_server.copy()
        cid = add_child(a, "甲")
        client.sync(a)
    county_server.restore()
    return county_server, a, cid


def _sync_each(url: str, *stores: Store) -> None:
    """Sync the stores with the server at url, one after another, in the order given."""
    for store in stores:
        client.sync(store, server=url)


def _push(live, store, change: dict) -> dict:
    body = {"changes": [dict({"id": new_id(), "base_hlc": hlc.ZERO, "origin": store.device_id,
                              "hlc": hlc.encode(hlc.wall_ms_now(), 0)}, **change)]}
    r = httpx.post(live.url + "/api/v1/push", content=json.dumps(body),
                   headers={P.HEADER_PROTOCOL: str(P.PROTOCOL), "Authorization": f"Bearer {store.setting('sync_token')}"})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def test_counter_overflow_never_bricks_a_store(tmp_path):
    store = make_store(tmp_path, "a", V1)
    frozen = hlc.wall_ms_now()
    store.clock = hlc.HybridClock(hlc.encode(frozen, hlc.MAX_COUNTER - 2), wall=lambda: frozen - 1000)
    for i in range(5):  # crosses 99,999 with the wall clock behind
        add_child(store, f"儿童{i}")
    assert hlc.decode(store.clock.last) == (frozen + 1, 2)
    path = tmp_path / "a.store"
    store = _reopen(store, path)
    add_child(store, "再开后")
    with store.session() as s:  # a saved stamp from a crafted push years ago still opens
        s.get(__import__("app.data.models.local", fromlist=["Setting"]).Setting, HLC_SETTING).value = \
            "999999999999999.99999"
    store = _reopen(store, path)
    add_child(store, "仍可保存")
    assert hlc.decode(store.clock.last)[0] < hlc.wall_ms_now() + hlc.MAX_AHEAD_MS
    store.close()


def test_crafted_far_future_stamp_is_refused_and_never_reaches_the_village(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    result = _push(live, a, {"table": "child", "row_id": cid, "field": "phone", "value": '"1"',
                             "hlc": "999999999999999.99999"})
    assert result["status"] == "refused" and result["code"] == "clock_ahead"
    client.sync(b)
    add_child(b, "乙")  # b's clock is fine and its store still saves
    assert get(b, Child, cid).phone in ("", None)
    a.close()
    b.close()


def test_laptop_a_year_fast_is_refused_then_resent_after_the_clock_is_fixed(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    year = 365 * 24 * 3600 * 1000
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + year)
    edit(a, Child, cid, phone="13800000000")  # stamped a year ahead
    a.clock = hlc.HybridClock(a.clock.last)  # the director fixes the clock; the saved stamp stays ahead
    report = client.sync(a)
    assert report.clock_fixed and report.refused == 0
    assert client.status(a)["pending"] == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid).phone == "13800000000"
    assert hlc.decode(a.clock.last)[0] < hlc.wall_ms_now() + hlc.MAX_AHEAD_MS
    a.close()


def test_edit_refused_while_the_clock_was_fast_is_sent_once_it_is_fixed_with_nothing_else_queued(live, tmp_path):
    """Synced while still a year fast: refused. The director fixes the clock and syncs with no other
    change waiting: the refused edit goes again (the county's time comes from the pull)."""
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    year = 365 * 24 * 3600 * 1000
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + year)
    edit(a, Child, cid, phone="13800000000")
    assert client.sync(a).refused == 1
    assert client.status(a)["refused"] == 1 and client.status(a)["pending"] == 0
    a.clock = hlc.HybridClock(a.clock.last)
    report = client.sync(a)
    assert report.clock_fixed and client.status(a)["refused"] == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid).phone == "13800000000"
    a.close()


def test_child_created_and_edited_a_year_fast_arrives_whole_once_the_clock_is_fixed(live, tmp_path):
    """The edit's base is the creation's refused stamp: both are stamped again, the edit after the
    creation's new stamp, and the county holds the child with the edit."""
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    year = 365 * 24 * 3600 * 1000
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + year)
    cid = add_child(a, "甲")
    edit(a, Child, cid, phone="13800000000")
    client.sync(a)
    a.clock = hlc.HybridClock(a.clock.last)
    report = client.sync(a)
    assert report.clock_fixed and client.status(a)["refused"] == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid).phone == "13800000000"
    assert json.loads(get(a, Child, cid).versions)["phone"][0] < hlc.encode(hlc.wall_ms_now() + hlc.MAX_AHEAD_MS, 0)
    a.close()


def test_edit_resent_after_a_clock_fix_still_replaces_a_value_stamped_ahead(live, tmp_path):
    """Another laptop three hours fast created the child; this laptop, then a year fast, deleted
    it. Its clock is fixed and the refused delete is stamped again: the new stamp must still come
    after the version it replaced, or the county keeps the child while the laptop shows it deleted."""
    hours = 3 * 3600 * 1000
    year = 365 * 24 * 3600 * 1000
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + hours)
    cid = add_child(a, "甲")
    client.sync(a)
    client.sync(b)
    b.clock = hlc.HybridClock(b.clock.last, wall=lambda: hlc.wall_ms_now() + year)
    edit(b, Child, cid, deleted=True)
    b.clock = hlc.HybridClock(b.clock.last)
    report = client.sync(b)
    assert report.clock_fixed and report.refused == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid).deleted is True
    client.sync(a)
    assert get(a, Child, cid).deleted is True and get(b, Child, cid).deleted is True
    a.close()
    b.close()


def test_edit_stamped_before_what_it_replaced_is_refused_with_the_county_value(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    edit(a, Child, cid, phone="111")
    client.sync(a)
    held = json.loads(get(a, Child, cid).versions)["phone"][0]
    earlier = hlc.encode(hlc.decode(held)[0] - 1000, 0)
    result = _push(live, a, {"table": "child", "row_id": cid, "field": "phone", "value": '"222"',
                             "hlc": earlier, "base_hlc": held})
    assert result["status"] == "refused" and result["code"] == "stale_stamp"
    assert json.loads(result["current"]["value"]) == "111"
    with live.db.sessions() as s:
        assert s.get(Child, cid).phone == "111"
    a.close()


def test_restored_laptop_loses_nothing(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    first = add_child(a, "甲")
    client.sync(a)
    a = _back_up(a)
    second = add_child(a, "乙")  # synced after the backup: only the county has it now
    edit(a, Child, first, phone="111")
    client.sync(a)
    a = _restore_backup(a)
    third = add_child(a, "丙")  # new work after the restore must not be taken for a duplicate
    report = client.sync(a)
    assert report.restored
    with live.db.sessions() as s:
        assert s.get(Child, third) is not None
    assert get(a, Child, second) is not None and get(a, Child, first).phone == "111"
    a.close()


def test_restored_county_database_resynchronises_every_laptop(tmp_path):
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    with county_server.live() as live:
        client.enrol(a, live.url, live.code(V1))
        client.enrol(b, live.url, live.code(V1))
        early = add_child(a, "甲")
        client.sync(a)
        county_server.copy()
        late = add_child(a, "乙")  # the county loses this when it restores yesterday's backup
        client.sync(a)
        client.sync(b)
    # the county restores yesterday's backup (same keys)
    county_server.restore()
    with county_server.live() as live:
        newer = add_child(b, "丙")
        report = client.sync(a, server=live.url)
        assert report.county_restored and report.resent > 0
        _sync_each(live.url, b, a)
        with county_server.db.sessions() as s:
            assert {early, late, newer} <= set(s.scalars(select(Child.id)))
        assert get(b, Child, late) is not None and get(a, Child, newer) is not None
    county_server.close()
    a.close()
    b.close()


def test_conflict_recorded_after_the_county_copy_is_listed_again_everywhere(tmp_path):
    """a and b edit one field concurrently after the county's copy; the county records the conflict
    and both laptops list it. The county restores its copy: a laptop re-sends the record with its
    rows, and every replica lists the same conflict again (the same key, not a new one)."""
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    c = make_store(tmp_path, "c", V1)
    with county_server.live() as live:
        for store in (a, b, c):
            client.enrol(store, live.url, live.code(V1))
        cid = add_child(a, "甲")
        client.sync(a)
        client.sync(b)
        county_server.copy()
        edit(a, Child, cid, phone="111")
        edit(b, Child, cid, phone="222")
        client.sync(a)
        client.sync(b)
        client.sync(a)
        with a.read_session() as s:
            keys = set(s.scalars(select(Conflict.key)))
        assert len(keys) == 1
    county_server.restore()
    with county_server.live() as live:
        _sync_each(live.url, a, b, c, a, b, c)
        with county_server.db.sessions() as s:
            assert set(s.scalars(select(Conflict.key))) == keys
            assert s.get(Child, cid).phone == get(a, Child, cid).phone == get(c, Child, cid).phone
        for store in (a, b, c):
            with store.read_session() as s:
                assert set(s.scalars(select(Conflict.key))) == keys, store.user
    county_server.close()
    for store in (a, b, c):
        store.close()


def test_county_restored_while_a_laptop_held_edits_from_a_clock_a_year_fast(tmp_path):
    """The county restores a copy that lacks a child; the laptop that holds it had edited it a year
    fast (refused). Its re-sent file carried that year-fast version and was refused too: once the
    clock is fixed the file goes again, before the edit, and the county holds both."""
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    year = 365 * 24 * 3600 * 1000
    with county_server.live() as live:
        client.enrol(a, live.url, live.code(V1))
        client.sync(a)
        county_server.copy()
        cid = add_child(a, "甲")
        client.sync(a)
        a.clock = hlc.HybridClock(a.clock.last, wall=lambda: hlc.wall_ms_now() + year)
        edit(a, Child, cid, phone="13800000000")
        client.sync(a)
        assert client.status(a)["refused"] == 1
    county_server.restore()
    a.clock = hlc.HybridClock(a.clock.last)  # the director fixes the clock
    with county_server.live() as live:
        report = client.sync(a, server=live.url)
        assert report.county_restored and report.clock_fixed
        with county_server.db.sessions() as s:  # in that one sync
            assert s.get(Child, cid) is not None and s.get(Child, cid).phone == "13800000000"
        assert client.status(a)["refused"] == 0 and a.setting(client.S_RESYNC) in ("", None)
    county_server.close()
    a.close()


def test_concurrent_edits_made_while_the_county_was_restored_still_make_a_conflict(tmp_path):
    """Both laptops edit one field, each not yet knowing the county went back to its copy. Each
    re-sends what it holds when it notices: the edited field travels as the edit (with its base),
    not inside the row's snapshot, so the county keeps the loser as a conflict instead of letting
    the second snapshot overwrite the first edit."""
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    with county_server.live() as live:
        client.enrol(a, live.url, live.code(V1))
        client.enrol(b, live.url, live.code(V1))
        cid = add_child(a, "甲")
        client.sync(a)
        client.sync(b)
        county_server.copy()
        add_child(a, "乙")  # the county loses this with its copy
        client.sync(a)
        client.sync(b)  # both laptops hold a position past the copy: both re-send what they hold
    county_server.restore()
    edit(a, Child, cid, phone="111")
    edit(b, Child, cid, phone="222")
    with county_server.live() as live:
        _sync_each(live.url, a, b, a, b)
        with county_server.db.sessions() as s:
            county = s.get(Child, cid).phone
            losers = [json.loads(c.loser_value) for c in s.scalars(select(Conflict).where(Conflict.row_id == cid))]
            keys = set(s.scalars(select(Conflict.key)))
        assert {county, *losers} == {"111", "222"}
        for store in (a, b):
            assert get(store, Child, cid).phone == county
            with store.read_session() as s:
                assert set(s.scalars(select(Conflict.key))) == keys
    county_server.close()
    a.close()
    b.close()


def test_edit_of_a_child_the_restored_county_lost_makes_no_empty_conflict(tmp_path):
    """The county's copy predates the child; the laptop re-sends its file without the field it
    has an edit waiting for, then the edit: the county holds the child with the edit and lists no
    conflict against an empty value."""
    county_server, a, cid = _county_restored_without_a_child(tmp_path)
    edit(a, Child, cid, phone="111", name="甲乙")  # name: a field the county's table requires
    with county_server.live() as live:
        assert client.sync(a, server=live.url).county_restored
        with county_server.db.sessions() as s:
            assert s.get(Child, cid).phone == "111" and s.get(Child, cid).name == "甲乙"
            assert s.scalar(select(Conflict.key)) is None
    county_server.close()
    a.close()


def test_row_without_a_required_field_is_refused_not_a_database_error(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    result = _push(live, a, {"table": "child", "row_id": new_id(), "field": "*",
                             "value": json.dumps({"village_code": V1, "id_number": ""})})
    assert result["status"] == "refused" and result["code"] == "bad_change" and "name" in result["message"]
    cid = add_child(a, "甲")  # the push after it goes through
    assert client.sync(a).refused == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid) is not None
    a.close()


def test_edit_of_a_row_the_county_lacks_is_kept_and_sent_again(live, tmp_path):
    """An edit of a row the county does not hold (a restored county, before another laptop's
    re-send brings the row back) is refused as row_missing, not logged and lost; the laptop keeps
    the child's file and sends the edit again at its next sync."""
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    client.sync(a)
    result = _push(live, a, {"table": "child", "row_id": new_id(), "field": "phone", "value": '"1"'})
    assert result["status"] == "refused" and result["code"] == "row_missing" and "current" not in result
    cid = add_child(a, "甲")
    with a.read_session() as s:  # the county has not seen the child: its edit waits as row_missing
        s.execute(delete(OutboxChange).where(OutboxChange.row_id == cid))
        s.commit()
    edit(a, Child, cid, village_code=V2)
    client.sync(a)
    with a.read_session() as s:
        assert [r["code"] for r in changes.refused(s)] == ["row_missing"]
    assert get(a, Child, cid) is not None  # kept while its move waits, though it left the scope
    a.close()


def test_child_moved_away_while_the_restored_county_lacked_it_arrives_moved(tmp_path):
    """The only laptop that noticed first moved the child to another village while the county's
    copy lacked it: its re-sent row is the child as it was before the move (in its own village),
    then the move; the county ends with the child in the new village and the laptop lets it go."""
    county_server, a, cid = _county_restored_without_a_child(tmp_path)
    edit(a, Child, cid, village_code=V2)
    with county_server.live() as live:
        assert client.sync(a, server=live.url).county_restored
        with county_server.db.sessions() as s:
            assert s.get(Child, cid).village_code == V2 and s.get(Child, cid).name == "甲"
        assert client.status(a)["refused"] == 0 and get(a, Child, cid) is None
    county_server.close()
    a.close()


def test_crafted_conflict_records_are_refused_not_500(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    good = {"table_name": "child", "row_id": cid, "field": "phone", "child_id": cid, "winner_value": '"1"',
            "winner_hlc": hlc.encode(hlc.wall_ms_now(), 0), "winner_origin": "x", "winner_actor": "",
            "loser_value": '"2"', "loser_hlc": hlc.encode(hlc.wall_ms_now() - 5, 0), "loser_origin": "y",
            "loser_actor": "", "resolved": False}
    for body, key in ((dict(good, table_name="no_such"), new_id()), (dict(good, winner_hlc=5), new_id()),
                      (dict(good, loser_value="\x00"), new_id()), ("[]", new_id())):
        result = _push(live, a, {"table": "sync_conflict", "row_id": key, "field": "*",
                                 "value": body if isinstance(body, str) else json.dumps(body)})
        assert result["status"] == "refused", body
    with live.db.sessions() as s:
        assert s.scalar(select(Conflict.key)) is None
    a.close()


def test_one_refused_change_never_blocks_the_rest_and_reports_go_first(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    edit(a, Child, cid, village_code=V2)  # transferred in the same batch as its creation...
    edit(a, Child, cid, phone="123")  # ...then edited by the old village after the transfer
    other = add_child(a, "乙")
    with a.session() as s:
        s.add(MandatoryReport(child_id=other, found_at=dt.datetime(2026, 11, 30), recorded_at=dt.datetime(2026, 11, 30)))
    report = client.sync(a, batch=2)
    assert report.refused == 1
    with a.read_session() as s:
        (refused,) = changes.refused(s)
        assert refused["field"] == "phone" and refused["code"] == "out_of_scope" and refused["message"]
    assert client.status(a)["pending"] == 0
    with live.db.sessions() as s:
        assert s.get(Child, other) is not None and s.get(Child, cid).village_code == V2
        first = s.scalars(select(LogEntry).where(LogEntry.device_id == a.device_id).order_by(LogEntry.seq)).first()
        assert first.table_name == "mandatory_report"
    client.sync(a)  # and the next sync goes through
    a.close()


def test_scope_is_checked_against_the_servers_rows(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    theirs = add_child(b, "乙", address="新地址")
    guardian = add_guardian(b, theirs, "乙母")
    moved = add_child(a, "甲")
    client.sync(a)
    client.sync(b)
    mine = add_child(a, "丙")
    client.sync(a)
    edit(a, Child, moved, village_code=V2)  # a transfer to b's village
    client.sync(a)
    client.sync(b)
    attacks = [
        {"table": "child", "row_id": moved, "field": "village_code", "value": json.dumps(V1)},  # pull it back
        {"table": "guardian", "row_id": guardian, "field": "child_id", "value": json.dumps(mine)},  # re-parent
        {"table": "guardian", "row_id": new_id(), "field": "*",
         "value": json.dumps({"child_id": theirs, "relation": "父亲", "name": "假父", "deleted": False})},
        {"table": "child", "row_id": theirs, "field": "name", "value": '"改名"'},
        {"table": "place", "row_id": new_id(), "field": "*",
         "value": json.dumps({"code": V2, "name": "改名村", "level": "village", "deleted": False})},
    ]
    for attack in attacks:
        assert _push(live, a, attack)["status"] == "refused", attack
    client.sync(a)
    with a.read_session() as s:
        assert s.get(Child, moved) is None and s.get(Child, theirs) is None and s.get(Guardian, guardian) is None
    with live.db.sessions() as s:
        assert s.get(Child, moved).village_code == V2 and s.get(Guardian, guardian).child_id == theirs
        assert s.get(Child, theirs).name == "乙"
    a.close()
    b.close()


def test_actor_comes_from_authentication_and_final_rows_stay_final(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1), name="林主任")
    cid = add_child(a, "甲")
    with a.session() as s:
        report = MandatoryReport(child_id=cid, found_at=dt.datetime(2026, 11, 30), recorded_at=dt.datetime(2026, 11, 30))
        s.add(report)
        s.flush()
        rid = report.id
    client.sync(a)
    result = _push(live, a, {"table": "child", "row_id": cid, "field": "phone", "value": '"9"', "actor": "县长"})
    assert result["status"] == "ok"
    for field, value in (("deleted", "true"), ("found_at", '"2026-01-01T00:00:00"')):
        result = _push(live, a, {"table": "mandatory_report", "row_id": rid, "field": field, "value": value})
        assert result["status"] == "refused" and result["code"] == "append_only"
    with live.db.sessions() as s:
        entry = s.scalars(select(LogEntry).where(LogEntry.field == "phone")).one()
        assert (entry.actor, entry.claimed_actor) == ("林主任", "县长")
        assert s.get(MandatoryReport, rid).deleted is False
    a.close()


def test_conflicts_are_the_same_on_every_replica(live, tmp_path):
    stores = {n: make_store(tmp_path, n, V1) for n in "abc"}
    for st in stores.values():
        client.enrol(st, live.url, live.code(V1))
    a, b, c = stores.values()
    cid = add_child(a, "甲")
    for st in (a, b, c):
        client.sync(st)
    edit(a, Child, cid, phone="111")
    edit(a, Child, cid, phone="112")
    edit(b, Child, cid, phone="222")
    client.sync(b)
    client.sync(a)
    for st in (c, b, a, c):
        client.sync(st)
    lists = []
    for st in (a, b, c):
        with st.read_session() as s:
            lists.append(sorted((x.key, x.winner_value, x.loser_value) for x in s.scalars(select(Conflict))))
    assert lists[0] and lists[0] == lists[1] == lists[2]

    # a director confirms one on laptop b (keeps the winner): the county and the others see it confirmed
    with b.read_session() as s:
        first = s.scalars(select(Conflict).order_by(Conflict.key)).first()
        key, seq = first.key, first.seq
    from app.sync import conflicts

    conflicts.resolve(b, seq, swap=False)
    for st in (b, a, c):
        client.sync(st)
    with live.db.sessions() as s:
        county = s.scalars(select(Conflict).where(Conflict.key == key)).one()
        assert county.resolved and county.resolution == "kept" and county.resolved_by == "b"
    for st in (a, b, c):
        with st.read_session() as s:
            mine = s.scalars(select(Conflict).where(Conflict.key == key)).one()
            assert mine.resolved and mine.resolution == "kept", st.user
        assert client.status(st)["pending"] == 0 and client.status(st)["refused"] == 0
    for st in stores.values():
        st.close()


def test_county_restored_between_a_push_and_the_next_pull_is_noticed(tmp_path):
    """The laptop pushed (accepted), its pull never happened (cable pulled), then the county went
    back to a copy taken before that push: its cursor still names an entry the copy holds, but the
    last change the county logged from it is gone, so it re-sends what it holds."""
    county_server = _County(tmp_path)
    a = make_store(tmp_path, "a", V1)
    with county_server.live() as live:
        client.enrol(a, live.url, live.code(V1))
        cid = add_child(a, "甲")
        client.sync(a)
        county_server.copy()
        edit(a, Child, cid, phone="13900000000")
        client.SyncClient(a).push(client.SyncReport())  # pushed and acknowledged; no pull
    county_server.restore()  # same county keys
    with county_server.live() as live:
        report = client.sync(a, server=live.url)
        assert report.county_restored and report.resent > 0
        with county_server.db.sessions() as s:
            assert s.get(Child, cid).phone == "13900000000"
    county_server.close()
    a.close()


@pytest.mark.parametrize("first", ["a", "b"])
def test_edit_sent_again_before_a_concurrent_edit_the_county_lost_keeps_the_conflict(tmp_path, first):
    """Two laptops edit one field without seeing each other; a's edit reaches the county, which
    then goes back to a copy taken before it; b's is still waiting. b notices first and sends its
    edit; a re-sends its row, holding its own (acknowledged) edit. The county must keep the loser
    as a conflict, as it would have had it kept its log, whichever edit was made first; a third
    laptop re-sending the field as it was before both edits makes no conflict."""
    county_server = _County(tmp_path)
    a, b, c = (make_store(tmp_path, n, V1) for n in "abc")
    with county_server.live() as live:
        for store in (a, b, c):
            client.enrol(store, live.url, live.code(V1))
        cid = add_child(a, "甲")
        for store in (a, b, c):
            client.sync(store)
        county_server.copy()
        writers = {"a": (a, "111"), "b": (b, "222")}
        for who in (first, "b" if first == "a" else "a"):
            store, phone = writers[who]
            edit(store, Child, cid, phone=phone)
        client.sync(a)  # a's edit reaches the county after its copy; b's waits
        client.sync(c)
    county_server.restore()
    with county_server.live() as live:
        _sync_each(live.url, b, a, c, a, b, c)
        with county_server.db.sessions() as s:
            county = s.get(Child, cid).phone
            losers = [json.loads(x.loser_value) for x in s.scalars(select(Conflict).where(Conflict.row_id == cid))]
            keys = set(s.scalars(select(Conflict.key)))
    assert county == ("222" if first == "a" else "111")  # the later edit wins, as it did before
    assert losers == ["111" if first == "a" else "222"]
    for store in (a, b, c):
        assert get(store, Child, cid).phone == county
        with store.read_session() as s:
            assert set(s.scalars(select(Conflict.key))) == keys
        store.close()
    county_server.close()


def test_child_moved_away_after_the_county_restore_does_not_come_back_from_an_older_copy(tmp_path):
    """After a county restore, b transfers a child away and edits it (refused: it is the other
    village's now, so b lets the file go); a then re-sends the child as it held it, still in the old
    village. b's next pull re-created the child from a's copy and skipped b's own transfer (its own
    change), so b kept a child the county holds in another village."""
    county_server = _County(tmp_path)
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    with county_server.live() as live:
        for store in (a, b):
            client.enrol(store, live.url, live.code(V1))
        cid = add_child(a, "甲")
        for store in (a, b):
            client.sync(store)
        county_server.copy()
        add_child(a, "乙")  # the county loses this with its copy
        for store in (a, b):
            client.sync(store)
    county_server.restore()
    with county_server.live() as live:
        assert client.sync(b, server=live.url).county_restored
        edit(b, Child, cid, village_code=V2)
        edit(b, Child, cid, name="甲改")  # after the transfer: refused
        assert client.sync(a, server=live.url).county_restored  # re-sends the child, still in V1
        report = client.sync(b, server=live.url)
        assert report.refused == 1
        with county_server.db.sessions() as s:
            assert s.get(Child, cid).village_code == V2
        assert get(b, Child, cid) is None
        client.sync(a, server=live.url)
        assert get(a, Child, cid) is None  # a learns it left too
    county_server.close()
    a.close()
    b.close()


def test_edit_restored_laptop_stamps_like_a_lost_one_is_not_taken_for_a_duplicate(live, tmp_path):
    """Restored from a backup, a laptop's clock starts behind stamps it had used, and its next edit
    of a field can carry the very stamp of an edit the county already holds (same device, same
    stamp). The county used to take it for that edit again and keep the old value while the laptop
    showed the new one. Now it is refused, stamped again after the pull and kept, with the lost
    edit as its conflict."""
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    client.sync(a)
    a = _back_up(a)
    wall = hlc.wall_ms_now() + 60_000
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: wall)
    edit(a, Child, cid, notes="备份后的修改")
    client.sync(a)
    a = _restore_backup(a)
    a.clock = hlc.HybridClock(a.clock.last, wall=lambda: wall)  # the same minute: the same stamp
    edit(a, Child, cid, notes="恢复后的修改")
    with a.read_session() as s:
        stamp = s.scalars(select(OutboxChange.hlc).where(OutboxChange.field == "notes")).one()
    with live.db.sessions() as s:
        assert json.loads(s.get(Child, cid).versions)["notes"][0] == stamp  # the collision is real
    report = client.sync(a)
    assert report.restored and report.refused == 0 and client.status(a)["pending"] == 0
    with live.db.sessions() as s:
        assert s.get(Child, cid).notes == "恢复后的修改"
        assert [c.loser_value for c in s.scalars(select(Conflict).where(Conflict.row_id == cid))] == ['"备份后的修改"']
    assert get(a, Child, cid).notes == "恢复后的修改"
    a.close()
