"""The village laptop's side of USB sync: export what the county has not acknowledged, import the
county's answer in one transaction, refuse bad files without changing anything."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

from app.data.models import Child
from app.data.models.local import OutboxChange
from app.sync import bundle as B
from app.sync import bundle_io, changes, client
from app.sync.identity import Identity

NAME = "王小明"
ID_NUMBER = "32011520100101001X"


@pytest.fixture
def county():
    return Identity.generate()


@pytest.fixture
def device(store, county):
    me = Identity.generate()
    store.set_setting(client.S_IDENTITY, me.to_json())
    store.set_setting(client.S_COUNTY, json.dumps(county.public().to_dict()))
    return me


def add_child(store, name=NAME, id_number=ID_NUMBER):
    with store.session() as s:
        s.add(Child(village_code=store.village_code, name=name, id_number=id_number))


def snapshot(store) -> dict:
    """Every table's rows, to show a refused import changed nothing."""
    out = {}
    with store.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text("select name from sqlite_master where type='table'"))]
        for t in sorted(tables):
            out[t] = sorted(map(tuple, conn.execute(text(f'select * from "{t}"'))), key=repr)
    return out


def answer(county, device, store, acks=(), changes=(), cursor=0, refused=(), **kw):
    results = [{"id": i, "status": "ok"} for i in acks] + [
        {"id": i, "status": "refused", "code": "out_of_scope", "message": "不属于本设备负责的范围"} for i in refused]
    payload = {"device": store.device_id, "results": results, "changes": list(changes), "cursor": cursor}
    return B.seal(payload, sender=county, recipient=device.public(), kind=B.KIND_COUNTY, **kw)


def test_not_enrolled(store, tmp_path):
    add_child(store)
    with pytest.raises(B.BundleError, match="尚未登记"):
        bundle_io.export_bundle(store, tmp_path / "usb")
    assert not (tmp_path / "usb").exists()


def test_export_carries_every_unacknowledged_change(store, device, county, tmp_path):
    add_child(store)
    add_child(store, "李四", "320115201001010028")
    result = bundle_io.export_bundle(store, tmp_path / "usb")
    assert result.path.parent == tmp_path / "usb"
    assert result.path.name.startswith("东山村-") and result.path.suffix == ".tonghu"
    data = result.path.read_bytes()
    for secret in (NAME, ID_NUMBER, "李四"):
        assert secret.encode() not in data
    known = {device.public().fingerprint(): device.public()}
    opened = B.open_bundle(data, me=county, senders=known.get, expect_kind=B.KIND_DEVICE)
    with store.read_session() as s:
        outbox = s.scalar(select(func.count()).select_from(OutboxChange))
    assert len(opened.payload["changes"]) == outbox == result.count > 0
    assert opened.payload["device"] == store.device_id and opened.payload["cursor"] == 0
    # exporting does not clear the outbox: a lost stick loses nothing
    again = bundle_io.export_bundle(store, tmp_path / "usb")
    assert again.count == result.count and again.path != result.path


def test_answer_acknowledges_and_moves_the_cursor(store, device, county, tmp_path):
    add_child(store)
    add_child(store, "李四", "320115201001010028")
    with store.read_session() as s:
        ids = s.scalars(select(OutboxChange.change_id).order_by(OutboxChange.seq)).all()
    path = tmp_path / "answer.tonghu"
    path.write_bytes(answer(county, device, store, acks=ids[:-1], refused=ids[-1:], cursor=17))
    result = bundle_io.import_bundle(store, path)
    assert result.acked == len(ids) - 1 and result.refused == 1 and result.cursor == 17
    assert bundle_io.export_bundle(store, tmp_path).count == 0  # the refused change waits with its reason
    with store.read_session() as s:
        assert [r["code"] for r in changes.refused(s)] == ["out_of_scope"]
    # an older answer never moves the cursor back
    path.write_bytes(answer(county, device, store, cursor=3))
    assert bundle_io.import_bundle(store, path).cursor == 17


def refusals(store, device, county):
    other_county, other_device = Identity.generate(), Identity.generate()
    good = answer(county, device, store, acks=[str(i) for i in range(1, 100)], cursor=9)
    flipped = bytearray(good)
    flipped[len(good) - B.SIG_LEN - 5] ^= 0x10  # in the encrypted body
    return {
        "tampered": (bytes(flipped), B.TamperedError),
        "truncated": (good[: len(good) - 30], B.TruncatedError),
        "foreign": (B.seal({"device": store.device_id}, sender=other_county, recipient=device.public(),
                           kind=B.KIND_COUNTY), B.ForeignError),
        "wrong_recipient": (answer(county, other_device, store), B.WrongRecipientError),
        "not_bundle": ("姓名,身份证号\n王小明,32011520100101001X\n".encode(), B.NotBundleError),
        "newer": (answer(county, device, store, format_version=B.FORMAT_VERSION + 1), B.NewerFormatError),
    }


@pytest.mark.parametrize("case", ["tampered", "truncated", "foreign", "wrong_recipient", "not_bundle", "newer"])
def test_refused_files_change_nothing(store, device, county, tmp_path, case):
    add_child(store)
    data, error = refusals(store, device, county)[case]
    path = tmp_path / "bad.tonghu"
    path.write_bytes(data)
    before = snapshot(store)
    with pytest.raises(error) as exc:
        bundle_io.import_bundle(store, path)
    assert exc.value.message
    assert snapshot(store) == before


def test_replay_is_applied_once_and_says_so(store, device, county, tmp_path):
    add_child(store)
    path = tmp_path / "answer.tonghu"
    with store.read_session() as s:
        first = s.scalars(select(OutboxChange.change_id)).first()
    path.write_bytes(answer(county, device, store, acks=[first], cursor=5))
    assert bundle_io.import_bundle(store, path).acked == 1
    before = snapshot(store)
    with pytest.raises(B.ReplayError, match="已经导入过"):
        bundle_io.import_bundle(store, path)
    assert snapshot(store) == before


def test_answer_for_another_device_of_this_store_key(store, device, county, tmp_path):
    payload = {"device": "someone-else", "acks": [], "changes": [], "cursor": 1}
    path = tmp_path / "a.tonghu"
    path.write_bytes(B.seal(payload, sender=county, recipient=device.public(), kind=B.KIND_COUNTY))
    before = snapshot(store)
    with pytest.raises(B.WrongRecipientError):
        bundle_io.import_bundle(store, path)
    assert snapshot(store) == before
