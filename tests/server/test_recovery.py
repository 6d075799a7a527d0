"""County recovery of a forgotten password, end to end with real stores and a real server (SQLite
and PostgreSQL): enrolment seals the data key for the county, the officer issues a one-time,
device-bound, expiring recovery file, the director sets a new password with it; the old password,
a used file, another laptop's file and an expired file are refused."""

from __future__ import annotations

import base64
import datetime as dt
import json
import stat

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core import clock
from app.data import recovery
from app.data.engine import WrongKeyError, make_engine
from app.data.keys import KeyFile, RecoveryError, WrongPasswordError, key_path_for
from app.data.models.child import Child
from app.data.models.local import AuditEntry
from app.data.store import Store
from app.server import recovery as county_recovery
from app.server.db import ServerSetting
from app.sync import client
from tests.sync.stores import PASSWORD, V1, add_child, make_store

NEW_PASSWORD = "river-stone-42"


@pytest.fixture(autouse=True)
def _recovery_key_beside_test(tmp_path, monkeypatch):
    monkeypatch.setenv("TONGHU_RECOVERY_KEY", str(tmp_path / "county.recovery-key"))
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _enrolled_laptop(live, tmp_path, name: str, children=("王小明", "李小红")):
    store = make_store(tmp_path, name, V1)
    for child in children:
        add_child(store, child)
    client.enrol(store, live.url, live.code(V1))
    path, device = store.path, store.device_id
    store.close()
    return path, device


def _issue(capsys, live, device, out, *extra) -> str:
    code, stdout, err = _cli(capsys, "server", "recovery-file", "--db", live.db.url, "--device", device,
                             "--out", out, "--by", "李科长", *extra)
    assert code == 0, err
    return stdout.strip()


def _recover(capsys, path, file, password=NEW_PASSWORD, monkeypatch=None) -> tuple[int, str]:
    monkeypatch.setenv("TONGHU_NEW_PASSWORD", password)
    code, _, err = _cli(capsys, "recover", "--store", path, "--file", file)
    return code, err


def test_forgotten_password_recovered_once(live, tmp_path, capsys, monkeypatch):
    path, device = _enrolled_laptop(live, tmp_path, "a")
    entry = KeyFile.load(key_path_for(path)).recovery()
    assert entry and entry["generation"] == 0 and entry["device_id"] == device

    # the county keeps only the public half; the private half is in its own owner-only file
    key_file = tmp_path / "county.recovery-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    private = json.loads(key_file.read_text())["private"]
    with live.db.sessions() as s:
        values = [row.value for row in s.scalars(select(ServerSetting))]
    assert county_recovery.public_key(live.db) in values
    assert not any(private in v for v in values)

    file = _issue(capsys, live, device, tmp_path / "usb" / "a")
    assert file.endswith(".tonghu-recovery")
    assert stat.S_IMODE((tmp_path / "usb" / "a.tonghu-recovery").stat().st_mode) == 0o600
    # the file alone opens nothing: its keys are not the data key
    for kek in json.loads(base64.b64decode(json.loads(open(file).read())["payload"]))["keys"].values():
        engine = make_engine(path, base64.b64decode(kek))
        with pytest.raises(WrongKeyError):
            with engine.connect():
                pass
        engine.dispose()

    code, err = _recover(capsys, path, file, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "旧密码从此不能再用" in err
    with pytest.raises(WrongPasswordError):
        Store.open(path, PASSWORD)
    with Store.open(path, NEW_PASSWORD) as store:
        assert store.read(lambda s: s.scalar(select(func.count()).select_from(Child))) == 2
        notes = store.read(lambda s: list(s.scalars(select(AuditEntry.new_value).where(AuditEntry.action == "recovery"))))
    assert len(notes) == 1 and "恢复文件" in notes[0]
    # logged at the county too
    issued = county_recovery.issued(live.db, entry["device_box_public"])
    assert [i["issued_by"] for i in issued] == ["李科长"]

    # the same file again: refused, and nothing changes
    code, err = _recover(capsys, path, file, password="another-pass-77", monkeypatch=monkeypatch)
    assert code != 0 and "已经用过" in err
    Store.open(path, NEW_PASSWORD).close()

    # a new file from the county works again (the next generation); the officer may type the
    # last 8 characters of the device number the director reads out
    second = _issue(capsys, live, device[-8:], tmp_path / "usb" / "a2")
    code, err = _recover(capsys, path, second, password="third-pass-99", monkeypatch=monkeypatch)
    assert code == 0, err
    Store.open(path, "third-pass-99").close()


def test_other_laptops_file_expired_file_and_tampered_file_refused(live, tmp_path, capsys, monkeypatch):
    path_a, device_a = _enrolled_laptop(live, tmp_path, "a")
    _path_b, device_b = _enrolled_laptop(live, tmp_path, "b", children=())
    file_b = _issue(capsys, live, device_b, tmp_path / "b")
    code, err = _recover(capsys, path_a, file_b, monkeypatch=monkeypatch)
    assert code != 0 and "另一台电脑" in err

    file_a = _issue(capsys, live, device_a, tmp_path / "a", "--hours", "2")
    data = open(file_a, "rb").read()
    with clock.frozen(clock.now() + dt.timedelta(hours=3)):
        with pytest.raises(RecoveryError, match="已过期"):
            recovery.recover(path_a, data, "a", NEW_PASSWORD)
    doc = json.loads(data)
    doc["signature"] = doc["signature"][:-8] + "AAAAAAA="
    with pytest.raises(RecoveryError, match="签名"):
        recovery.recover(path_a, json.dumps(doc).encode(), "a", NEW_PASSWORD)
    with pytest.raises(RecoveryError, match="不是童护恢复文件"):
        recovery.recover(path_a, b"not a recovery file", "a", NEW_PASSWORD)
    # a weak new password is refused and the file stays usable
    with pytest.raises(Exception, match="太常见"):
        recovery.recover(path_a, data, "a", "12345678")
    Store.open(path_a, PASSWORD).close()
    recovery.recover(path_a, data, "a", NEW_PASSWORD).close()
    Store.open(path_a, NEW_PASSWORD).close()


def test_revoked_or_unknown_device_gets_no_file(live, tmp_path, capsys):
    _path, device = _enrolled_laptop(live, tmp_path, "a", children=())
    code, _, err = _cli(capsys, "server", "recovery-file", "--db", live.db.url, "--device", "nope", "--out", tmp_path / "x")
    assert code == 2 and "没有这个设备" in err
    code, _, err = _cli(capsys, "server", "revoke", "--db", live.db.url, device)
    assert code == 0, err
    code, _, err = _cli(capsys, "server", "recovery-file", "--db", live.db.url, "--device", device, "--out", tmp_path / "x")
    assert code == 2 and "已停用" in err
    assert not (tmp_path / "x.tonghu-recovery").exists()


def test_usb_enrolled_laptop_has_recovery_too(live, tmp_path, capsys, monkeypatch):
    store = make_store(tmp_path, "u", V1)
    add_child(store, "周小兰")
    path = store.path
    store.close()
    code, out, err = _cli(capsys, "server", "enrol", "--db", live.db.url, "--village", V1, "--out", tmp_path / "dongshan")
    assert code == 0, err
    code, _, err = _cli(capsys, "enrol", "--store", path, "--file", tmp_path / "dongshan.tonghu-enrol", "--code", out.strip())
    assert code == 0, err
    entry = KeyFile.load(key_path_for(path)).recovery()
    assert entry and entry["generation"] == 0
    placeholder = [d["id"] for d in json.loads(_cli(capsys, "server", "devices", "--db", live.db.url, "--json")[1])]
    file = _issue(capsys, live, placeholder[0], tmp_path / "u")
    code, err = _recover(capsys, path, file, monkeypatch=monkeypatch)
    assert code == 0, err
    with Store.open(path, NEW_PASSWORD) as again:
        assert again.read(lambda s: s.scalar(select(Child.name))) == "周小兰"


def test_laptop_enrolled_before_recovery_gets_it_at_next_sync(live, tmp_path, capsys, monkeypatch):
    path, device = _enrolled_laptop(live, tmp_path, "old", children=("钱小多",))
    keyfile = KeyFile.load(key_path_for(path))
    keyfile.data["recovery"] = None  # as every key file before issue 15
    keyfile.save()
    with Store.open(path, PASSWORD) as store:
        client.sync(store)
    assert KeyFile.load(key_path_for(path)).recovery()["generation"] == 0
    file = _issue(capsys, live, device, tmp_path / "old")
    code, err = _recover(capsys, path, file, monkeypatch=monkeypatch)
    assert code == 0, err
