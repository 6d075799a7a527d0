"""Issue 13: a screening record is unique per (round, child) across devices — two laptops that
screen the same child in the same round offline end with one record each after syncing, not two."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.data import visits as V
from app.data.models.visits import ScreeningRecord
from app.server.db import ServerDB
from tests.sync.stores import V1, add_child, make_store
from tests.sync.test_bundle_roundtrip import enrol_by_file, usb_sync


@pytest.fixture
def db(tmp_path):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    yield db
    db.close()


def records(store, round_id, child_id):
    with store.read_session() as s:
        return list(s.scalars(select(ScreeningRecord).where(
            ScreeningRecord.round_id == round_id, ScreeningRecord.child_id == child_id,
            ScreeningRecord.deleted.is_(False))))


def test_two_laptops_screening_one_child_make_one_record(db, tmp_path):
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    for store in (a, b):
        enrol_by_file(db, store, tmp_path, V1)
    cid = add_child(a, "王小明", id_number="32011520150301001X")
    with a.session() as s:
        rnd = V.open_round(s, "2026年下半年排查", dt.date(2026, 11, 1), dt.date(2026, 12, 31))
        round_id = rnd.id
    usb_sync(db, a, tmp_path)
    usb_sync(db, b, tmp_path)
    assert records(b, round_id, cid) == []
    with a.session() as s:  # both screen the child while offline
        V.screen_child(s, round_id, cid, on=dt.date(2026, 11, 5), notes="甲记")
    with b.session() as s:
        V.screen_child(s, round_id, cid, on=dt.date(2026, 11, 6), notes="乙记")
    for store in (a, b, a, b):
        usb_sync(db, store, tmp_path)
    for store in (a, b):
        found = records(store, round_id, cid)
        assert len(found) == 1, [r.notes for r in found]
        assert found[0].id == V.screening_record_id(round_id, cid)
    with a.read_session() as s:
        progress = V.round_progress(s, round_id)
        assert progress.screened == 1
    a.close()
    b.close()
