"""USB files carry the same place in the county's log as a network sync (issue 11): the device's
file says its pull cursor and anchor, sync state and the last change the county logged from its
pushes; the county's answer moves all of them as a network push and pull would. A laptop that
alternates network and USB loses nothing and is never sent again what it has, and a restored
county database is noticed from a USB file exactly as from a network sync (reset: the county's
whole history comes back, and the next file sends every row the laptop holds).

Real encrypted stores, the real county code (`app.server.bundles`, the live HTTP server), SQLite
and PostgreSQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from app.data.models.child import Child
from app.server import bundles as county_bundles
from app.server.db import Device, LogEntry, ServerDB
from app.sync import bundle_io, client
from tests.sync.live import LiveServer
from tests.sync.stores import V1, add_child, edit, get, make_store


def _usb(db, store, usb):
    """One USB round: export, import at the county (which writes the answer), import the answer."""
    exported = bundle_io.export_bundle(store, usb)
    at_county = county_bundles.import_file(db, exported.path, usb)
    return at_county, bundle_io.import_bundle(store, at_county.answer)


def _pending(store) -> int:
    return client.status(store)["pending"]


def _last_logged(db, store) -> str:
    """"seq id" of the newest log entry of the laptop's own changes."""
    with db.sessions() as s:
        seq, change_id = s.execute(select(LogEntry.seq, LogEntry.change_id).where(LogEntry.device_id == store.device_id)
                                   .order_by(LogEntry.seq.desc()).limit(1)).one()
    return f"{seq} {change_id}"


def test_alternating_usb_and_network_send_only_what_is_new(live, tmp_path):
    usb = tmp_path / "usb"
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    try:
        for st in (a, b):
            client.enrol(st, live.url, live.code(V1))
        client.sync(b)  # its own place rows are in the county's log from now on
        kids = [add_child(a, name) for name in ("甲", "乙", "丙")]
        made = _pending(a)
        at_county, at_a = _usb(live.db, a, usb)
        assert at_county.accepted == at_a.acked == made and _pending(a) == 0
        # the USB answer tells the laptop where the county logged its changes, as a push answer does
        assert a.setting("sync_pushed") == _last_logged(live.db, a)

        assert client.sync(b).pulled == made
        edit(b, Child, kids[0], phone="13800000001")
        edit(b, Child, kids[1], phone="13800000002")
        client.sync(b)

        # network after USB: only b's two edits come, nothing is pushed again
        report = client.sync(a)
        assert (report.pushed, report.duplicates, report.pulled) == (0, 0, 2)
        assert not report.county_restored and not report.restored
        assert get(a, Child, kids[1]).phone == "13800000002"

        # USB after network: the answer carries only b's newer edit, not a's own
        edit(a, Child, kids[2], phone="13800000003")
        edit(b, Child, kids[0], phone="13800000009")
        client.sync(b)
        at_county, at_a = _usb(live.db, a, usb)
        assert at_county.accepted == 1 and at_county.sent == 1 and at_a.received == 1 and not at_a.county_restored
        assert get(a, Child, kids[0]).phone == "13800000009"

        # and network again: nothing to send or fetch
        report = client.sync(a)
        assert (report.pushed, report.duplicates, report.pulled) == (0, 0, 0) and not report.county_restored
        with live.db.sessions() as s:
            device = s.get(Device, a.device_id)
            assert device.restores == 0 and not device.echo_pending  # never taken for a restored laptop
        assert client.sync(b).pulled == 1 and get(b, Child, kids[2]).phone == "13800000003"
    finally:
        a.close()
        b.close()


def _copy(src, dst) -> None:
    with sqlite3.connect(src) as s, sqlite3.connect(dst) as d:
        s.backup(d)


def test_usb_file_to_a_restored_county_repulls_and_resends(tmp_path):
    """The county goes back to yesterday's copy: the next USB file is not applied, the answer says
    `reset` and brings the county's whole history, and the file after it gives the county back
    every row the laptop holds; the network sync that follows has nothing left to do."""
    path, usb = tmp_path / "county.db", tmp_path / "usb"
    db = ServerDB(f"sqlite:///{path}")
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    try:
        with LiveServer(db) as live:
            client.enrol(a, live.url, live.code(V1))
            client.enrol(b, live.url, live.code(V1))
        early = add_child(a, "甲")
        _usb(db, a, usb)
        _copy(path, tmp_path / "county-backup.db")
        late = add_child(a, "乙")  # the county loses this when it goes back to the copy
        _usb(db, a, usb)
        db.close()
        _copy(tmp_path / "county-backup.db", path)
        db = ServerDB(f"sqlite:///{path}")
        with LiveServer(db) as live:
            newer = add_child(b, "丙")
            client.sync(b, server=live.url)
            edit(a, Child, early, phone="13800000001")
            at_county, at_a = _usb(db, a, usb)
            assert at_county.reset and at_county.accepted == 0 and at_a.acked == 0
            # an answer on demand starts where that reset answer did (the file's cursor was of the lost history)
            assert county_bundles.last_reported_cursor(db, a.device_id) == 0
            assert at_a.county_restored and a.setting("sync_resync") == "1"
            assert get(a, Child, newer) is not None  # the county's history came back at once
            assert _pending(a) == 1  # the edit waits for the next file
            at_county, at_a = _usb(db, a, usb)
            assert not at_county.reset and not at_a.county_restored and _pending(a) == 0
            assert a.setting("sync_resync") == ""
            with db.sessions() as s:
                assert s.get(Child, late) is not None and s.get(Child, early).phone == "13800000001"
            report = client.sync(a, server=live.url)
            assert not report.county_restored and (report.pushed, report.pulled) == (0, 0)
            client.sync(b, server=live.url)
            assert get(b, Child, late) is not None and get(b, Child, early).phone == "13800000001"
    finally:
        db.close()
        a.close()
        b.close()


def test_restore_between_a_network_push_and_a_usb_file_is_noticed(tmp_path):
    """The laptop pushed over the network (no pull), the county went back to a copy taken before
    that push: the USB file's pull anchor is still in the log, the last pushed entry is not."""
    path, usb = tmp_path / "county.db", tmp_path / "usb"
    db = ServerDB(f"sqlite:///{path}")
    a = make_store(tmp_path, "a", V1)
    try:
        with LiveServer(db) as live:
            client.enrol(a, live.url, live.code(V1))
            cid = add_child(a, "甲")
            client.sync(a)
            _copy(path, tmp_path / "county-backup.db")
            edit(a, Child, cid, phone="13900000000")
            client.SyncClient(a).push(client.SyncReport())  # pushed and acknowledged; no pull
        db.close()
        _copy(tmp_path / "county-backup.db", path)
        db = ServerDB(f"sqlite:///{path}")
        at_county, at_a = _usb(db, a, usb)
        assert at_county.reset and at_a.county_restored
        _usb(db, a, usb)
        with db.sessions() as s:
            assert s.get(Child, cid).phone == "13900000000"
    finally:
        db.close()
        a.close()


def test_a_reset_answer_overtaken_by_a_network_sync_changes_nothing(tmp_path):
    """A reset answer arrives after the laptop already re-synchronised over the network with the
    restored county: it does not send the laptop back to the start a second time."""
    path, usb = tmp_path / "county.db", tmp_path / "usb"
    db = ServerDB(f"sqlite:///{path}")
    a = make_store(tmp_path, "a", V1)
    try:
        with LiveServer(db) as live:
            client.enrol(a, live.url, live.code(V1))
            add_child(a, "甲")
            client.sync(a)
            _copy(path, tmp_path / "county-backup.db")
            add_child(a, "乙")
            client.sync(a)
        db.close()
        _copy(tmp_path / "county-backup.db", path)
        db = ServerDB(f"sqlite:///{path}")
        with LiveServer(db) as live:
            late = county_bundles.import_file(db, bundle_io.export_bundle(a, usb).path, usb)
            assert late.reset
            report = client.sync(a, server=live.url)
            assert report.county_restored and report.resent > 0
            cursor, anchor = a.setting("sync_cursor"), a.setting("sync_anchor")
            got = bundle_io.import_bundle(a, late.answer)
            assert not got.county_restored and got.received == 0
            assert (a.setting("sync_cursor"), a.setting("sync_anchor")) == (cursor, anchor)
            assert a.setting("sync_resync") == ""
            again = client.sync(a, server=live.url)
            assert not again.county_restored and again.resent == 0 and again.pulled == 0
    finally:
        db.close()
        a.close()
