"""A laptop enrolled by file (USB) can later enrol for the network — proving with its enrolled key
that it is the same laptop — without being revoked: same device, scope, keys and history; USB
keeps working. Through the real command line and a real server."""

from __future__ import annotations

import base64
import json

import httpx
from sqlalchemy import select

from app.cli import main
from app.core import protocol as P
from app.core import signing
from app.data.models.child import Child
from app.server import service
from app.server.db import Device
from app.sync.identity import Identity
from tests.sync.stores import PASSWORD, V1, V2, add_child, make_store


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _devices(db) -> list[dict]:
    return service.list_devices(db)


def _usb_round(capsys, tmp_path, path, db_url) -> dict:
    usb = tmp_path / "usb"
    code, out, err = _cli(capsys, "bundle", "export", "--store", str(path), "--out", str(usb), "--json")
    assert code == 0, err
    exported = json.loads(out)
    code, out, err = _cli(capsys, "server", "import-bundle", exported["path"], "--out", str(usb), "--db", db_url, "--json")
    assert code == 0, err
    county = json.loads(out)
    code, out, err = _cli(capsys, "bundle", "import", "--store", str(path), county["answer"], "--json")
    assert code == 0, err
    return county


def _file_enrolled_laptop(capsys, tmp_path, db_url):
    store = make_store(tmp_path, "a", V1)
    add_child(store, "王小明")
    path, device_id = store.path, store.device_id
    store.close()
    code, out, err = _cli(capsys, "server", "enrol", "--db", db_url, "--village", V1, "--out", str(tmp_path / "dongshan"))
    assert code == 0, err
    code, _, err = _cli(capsys, "enrol", "--store", str(path), "--file", str(tmp_path / "dongshan.tonghu-enrol"),
                        "--code", out.strip())
    assert code == 0, err
    return path, device_id


def _position(path) -> tuple:
    from app.data.store import Store

    store = Store.open(path, user="a", password=PASSWORD)
    try:
        return tuple(store.setting(k) for k in ("sync_cursor", "sync_anchor", "sync_state"))
    finally:
        store.close()


def _network_code(capsys, db_url, scope=V1) -> str:
    code, out, err = _cli(capsys, "server", "enrol", "--db", db_url, "--village", scope, "--json")
    assert code == 0, err
    return json.loads(out)["code"]


def test_usb_laptop_enrols_for_the_network_and_keeps_everything(live, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    db_url = live.db.url
    path, device_id = _file_enrolled_laptop(capsys, tmp_path, db_url)
    county = _usb_round(capsys, tmp_path, path, db_url)  # binds the placeholder to the laptop's id
    assert county["device"] == device_id
    before = {d["id"]: d for d in _devices(live.db)}[device_id]
    position = _position(path)
    assert int(position[0]) > 0

    code, _, err = _cli(capsys, "enrol", "--store", str(path), "--server", live.url, "--code", _network_code(capsys, db_url))
    assert code == 0, err
    assert "登记成功" in err
    assert _position(path) == position  # the same laptop keeps its place in the county's log

    devices = _devices(live.db)
    assert [d["id"] for d in devices] == [device_id]  # one device: not a second one, no placeholder
    after = devices[0]
    assert not after["revoked"] and after["scope"] == V1
    assert after["enrolled_at"] == before["enrolled_at"]  # history kept
    with live.db.sessions() as s:
        row = s.get(Device, device_id)
        keys_before = (row.sign_public, row.box_public)

    from app.data.store import Store

    store = Store.open(path, user="a", password=PASSWORD)
    add_child(store, "赵小红")
    store.close()
    code, out, err = _cli(capsys, "sync", "--store", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["pushed"] >= 1
    assert not json.loads(out).get("restored")  # not taken for a restored store: nothing fetched twice

    # USB still works for the same device, with the same keys
    county = _usb_round(capsys, tmp_path, path, db_url)
    assert county["device"] == device_id
    with live.db.sessions() as s:
        row = s.get(Device, device_id)
        assert (row.sign_public, row.box_public) == keys_before and not row.revoked
        names = sorted(s.scalars(select(Child.name)))
    assert names == ["王小明", "赵小红"]


def test_never_bound_file_enrolment_binds_at_network_enrolment(live, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    db_url = live.db.url
    path, device_id = _file_enrolled_laptop(capsys, tmp_path, db_url)
    assert [d["id"].startswith("offline:") for d in _devices(live.db)] == [True]
    code, _, err = _cli(capsys, "enrol", "--store", str(path), "--server", live.url, "--code", _network_code(capsys, db_url))
    assert code == 0, err
    assert [d["id"] for d in _devices(live.db)] == [device_id]
    code, _, err = _cli(capsys, "sync", "--store", str(path))
    assert code == 0, err
    county = _usb_round(capsys, tmp_path, path, db_url)
    assert county["device"] == device_id


def _enrol_raw(live, code, device_id, identity, proof_by=None, proof_code=None):
    public = identity.public().to_dict()
    headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL)}
    if proof_by is not None:
        sig = proof_by.sign_private.sign(signing.enrol_message(proof_code or code, device_id, public["sign"], public["box"]))
        headers[signing.HEADER_ENROL_PROOF] = base64.b64encode(sig).decode()
    return httpx.post(live.url + "/api/v1/enrol", headers=headers, json={
        "code": code, "device_id": device_id, "name": "x", "public_keys": public})


def test_enrolling_again_needs_the_enrolled_key_and_the_same_scope(live):
    me, thief = Identity.generate(), Identity.generate()
    device_id = "0190reen-0000-7000-8000-000000000001"
    first = _enrol_raw(live, live.code(V1), device_id, me)
    assert first.status_code == 200
    old_token = first.json()["token"]

    code = live.code(V1)
    r = _enrol_raw(live, code, device_id, me)  # an old client: no proof
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_enrolled"
    r = _enrol_raw(live, code, device_id, thief, proof_by=thief)  # other keys, signed by themselves
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_proof"
    r = _enrol_raw(live, code, device_id, me, proof_by=thief)  # my public keys, someone else's signature
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_proof"
    r = _enrol_raw(live, code, device_id, me, proof_by=me, proof_code="AAAAA-BBBBB")  # proof for another code
    assert r.status_code == 403
    other = live.code(V2)
    r = _enrol_raw(live, other, device_id, me, proof_by=me)
    assert r.status_code == 409 and r.json()["error"]["code"] == "scope_mismatch"
    assert "未作任何更改" in r.json()["error"]["message"]

    r = _enrol_raw(live, code, device_id, me, proof_by=me)  # the refusals did not use up the code
    assert r.status_code == 200, r.text
    assert r.json()["scope"] == V1
    new_token = r.json()["token"]
    pull = {P.HEADER_PROTOCOL: str(P.PROTOCOL)}
    assert httpx.post(live.url + "/api/v1/pull", json={"cursor": 0},
                      headers={**pull, "Authorization": f"Bearer {old_token}"}).status_code == 401
    assert httpx.post(live.url + "/api/v1/pull", json={"cursor": 0},
                      headers={**pull, "Authorization": f"Bearer {new_token}"}).status_code == 200
    assert [d["revoked"] for d in _devices(live.db)] == [False]
