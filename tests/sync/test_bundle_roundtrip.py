"""Device → county → device by USB file only: offline enrolment, export, county import (as a push)
with its answer, device import; repeats and bad files at the county refused, nothing changed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.data.models.child import Child, Guardian
from app.server import bundles as county_bundles
from app.server import service
from app.server.db import LogEntry, ServerDB
from app.sync import bundle as B
from app.sync import bundle_io
from app.sync.identity import Identity
from tests.sync.stores import V1, V2, add_child, add_guardian, edit, get, make_store


@pytest.fixture
def db(tmp_path):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    yield db
    db.close()


def enrol_by_file(db, store, tmp_path, scope):
    made = county_bundles.enrolment_file(db, tmp_path / f"{store.user}-enrol", village=scope)
    assert made.path.suffix == B.ENROL_SUFFIX
    result = bundle_io.enrol_from_file(store, made.path, made.code.lower().replace("-", ""))
    assert result.scope == scope and store.scope == scope
    return made


def usb_sync(db, store, tmp_path):
    """One full USB round trip; returns (county result, device result)."""
    exported = bundle_io.export_bundle(store, tmp_path / "usb")
    at_county = county_bundles.import_file(db, exported.path, tmp_path / "usb")
    at_device = bundle_io.import_bundle(store, at_county.answer)
    return at_county, at_device


def server_snapshot(db) -> dict:
    out = {}
    with db.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text("select name from sqlite_master where type='table'"))]
        for t in sorted(tables):
            out[t] = sorted(map(tuple, conn.execute(text(f'select * from "{t}"'))), key=repr)
    return out


def test_round_trip_by_file_only(db, tmp_path):
    a, b, c = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1), make_store(tmp_path, "c", V2)
    for store, scope in ((a, V1), (b, V1), (c, V2)):
        enrol_by_file(db, store, tmp_path, scope)
    cid = add_child(a, "王小明", id_number="32011520150301001X")
    gid = add_guardian(a, cid, "李芳")
    add_child(c, "外村儿童")

    at_county, at_device = usb_sync(db, a, tmp_path)
    assert at_county.device_id == a.device_id and at_county.accepted > 0 and not at_county.replay
    assert at_county.answer.name.endswith("-回执.tonghu")
    assert at_device.acked == at_county.accepted
    assert bundle_io.export_bundle(a, tmp_path / "later").count == 0  # all acknowledged
    devices = {d["id"]: d for d in service.list_devices(db)}
    assert a.device_id in devices and devices[a.device_id]["scope"] == V1  # bound to the real id

    usb_sync(db, c, tmp_path)
    _, got = usb_sync(db, b, tmp_path)
    assert got.received > 0
    assert get(b, Child, cid).name == "王小明" and get(b, Guardian, gid).name == "李芳"
    with b.read_session() as s:  # scope: the other village's child never reaches b
        assert s.scalar(select(func.count()).select_from(Child)) == 1

    # b edits, the edit travels back to a by file
    edit(b, Child, cid, phone="13800000000")
    usb_sync(db, b, tmp_path)
    usb_sync(db, a, tmp_path)
    assert get(a, Child, cid).phone == "13800000000"
    for st in (a, b, c):
        st.close()


def test_county_repeat_applies_once_and_answers_again(db, tmp_path):
    a = make_store(tmp_path, "a", V1)
    enrol_by_file(db, a, tmp_path, V1)
    add_child(a, "甲")
    exported = bundle_io.export_bundle(a, tmp_path / "usb")
    first = county_bundles.import_file(db, exported.path, tmp_path / "out")
    with db.sessions() as s:
        logged = s.scalar(select(func.count()).select_from(LogEntry))
    with pytest.raises(B.ReplayError, match="已经导入过"):
        county_bundles.import_bytes(db, exported.path.read_bytes())
    again = county_bundles.import_file(db, exported.path, tmp_path / "out")
    assert again.replay and again.accepted == 0 and again.answer != first.answer
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(LogEntry)) == logged
    # either answer acknowledges the changes; the second one is not a replay at the device
    assert bundle_io.import_bundle(a, again.answer).acked == first.accepted
    bundle_io.import_bundle(a, first.answer)
    with pytest.raises(B.ReplayError):
        bundle_io.import_bundle(a, first.answer)
    a.close()


def test_county_refuses_bad_files_and_changes_nothing(db, tmp_path):
    a = make_store(tmp_path, "a", V1)
    enrol_by_file(db, a, tmp_path, V1)
    add_child(a, "甲", id_number="32011520150301001X")
    good = bundle_io.export_bundle(a, tmp_path / "usb").path.read_bytes()
    assert "甲".encode() not in good and b"32011520150301001X" not in good
    stranger = Identity.generate()
    other_county = Identity.generate()
    flipped = bytearray(good)
    flipped[-B.SIG_LEN - 3] ^= 1
    cases = {
        "tampered": (bytes(flipped), B.TamperedError),
        "truncated": (good[:-100], B.TruncatedError),
        "unknown device": (B.seal({"device": "x", "cursor": 0, "changes": []}, sender=stranger,
                                  recipient=service.county_identity(db).public(), kind=B.KIND_DEVICE), B.ForeignError),
        "other county": (B.seal({"device": a.device_id, "cursor": 0, "changes": []}, sender=stranger,
                                recipient=other_county.public(), kind=B.KIND_DEVICE), B.BundleError),
        "not ours": (b"hello", B.NotBundleError),
    }
    before = server_snapshot(db)
    for name, (data, error) in cases.items():
        with pytest.raises(error) as exc:
            county_bundles.import_bytes(db, data, tmp_path / "out")
        assert exc.value.message, name
        assert server_snapshot(db) == before, name
    assert not (tmp_path / "out").exists()
    # a revoked device's file is refused too
    service.revoke(db, _device_of(db, a))
    before = server_snapshot(db)
    with pytest.raises(B.ForeignError, match="停用"):
        county_bundles.import_bytes(db, good, tmp_path / "out")
    assert server_snapshot(db) == before
    a.close()


def _device_of(db, store) -> str:
    ids = [d["id"] for d in service.list_devices(db)]
    return store.device_id if store.device_id in ids else ids[0]


def test_wrong_enrolment_code_and_second_enrolment(db, tmp_path):
    a = make_store(tmp_path, "a", V1)
    made = county_bundles.enrolment_file(db, tmp_path / "e.tonghu-enrol", village=V1)
    with pytest.raises(B.TamperedError, match="登记码"):
        bundle_io.enrol_from_file(a, made.path, "WRONG-CODES")
    with pytest.raises(B.NotBundleError):
        bundle_io.enrol_from_file(a, _write(tmp_path / "x.json", b"{}"), made.code)
    bundle_io.enrol_from_file(a, made.path, made.code)
    with pytest.raises(B.BundleError, match="已经登记"):
        bundle_io.enrol_from_file(a, made.path, made.code)
    a.close()


def _write(path, data):
    path.write_bytes(data)
    return path


def test_export_answer_on_demand(db, tmp_path):
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    enrol_by_file(db, a, tmp_path, V1)
    enrol_by_file(db, b, tmp_path, V1)
    cid = add_child(a, "乙")
    usb_sync(db, a, tmp_path)
    usb_sync(db, b, tmp_path)  # binds b's id
    edit(a, Child, cid, phone="1")
    usb_sync(db, a, tmp_path)
    made = county_bundles.export_file(db, b.device_id, tmp_path / "desk")
    assert made.sent >= 1
    bundle_io.import_bundle(b, made.answer)
    assert get(b, Child, cid).phone == "1"
    with pytest.raises(B.BundleError, match="没有这台设备"):
        county_bundles.export_file(db, "nope", tmp_path / "desk")
    a.close()
    b.close()


def test_old_answer_after_newer_sync_brings_nothing_back(db, tmp_path):
    """An answer that waited on a stick is imported after a newer one: what it carries is already
    behind the device's cursor, so a child that moved away (and was purged) does not come back."""
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    enrol_by_file(db, a, tmp_path, V1)
    enrol_by_file(db, b, tmp_path, V1)
    cid = add_child(a, "丁")
    usb_sync(db, a, tmp_path)
    old = county_bundles.import_file(db, bundle_io.export_bundle(b, tmp_path / "usb").path, tmp_path / "old")
    edit(a, Child, cid, village_code=V2)
    usb_sync(db, a, tmp_path)
    new = county_bundles.export_file(db, b.device_id, tmp_path / "new", since=0)
    bundle_io.import_bundle(b, new.answer)
    assert get(b, Child, cid) is None  # moved to another village: purged
    late = bundle_io.import_bundle(b, old.answer)
    assert late.received == 0 and get(b, Child, cid) is None
    a.close()
    b.close()
