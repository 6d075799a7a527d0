"""The county server guards what it holds (issue 15): its keys live in a 0600 file outside the
database (an older database's keys move out on first open), the SQLite file is created 0600,
SQL errors never log parameters, no child data reaches a log line even when pushes fail, and
`tonghu server backup` makes a consistent copy."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from app.core import protocol as P
from app.data.models.child import Child
from app.server import service
from app.server.db import Device, ServerDB, ServerSetting
from app.sync import client
from app.sync.identity import Identity
from tests.sync.live import LiveServer, pg_schema_url
from tests.sync.stores import V1, V2, add_child, edit, make_store

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME, SECRET_NOTE = "欧阳秘密花", "备注里的秘密内容甲乙"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_and_key_file_are_owner_only(tmp_path):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    service.county_identity(db)
    assert _mode(tmp_path / "county.db") == 0o600
    key_file = tmp_path / "county.db.keys"
    assert _mode(key_file) == 0o600 and "county_identity" in json.loads(key_file.read_text("utf-8"))
    with db.sessions() as s:
        assert s.get(ServerSetting, "county_identity") is None  # nothing secret in the database
    assert db.engine.hide_parameters
    db.close()
    os.chmod(tmp_path / "county.db", 0o644)  # a database someone made world-readable
    ServerDB(f"sqlite:///{tmp_path / 'county.db'}").close()
    assert _mode(tmp_path / "county.db") == 0o600


def test_keys_set_by_the_officer_live_where_he_says(tmp_path):
    chosen = tmp_path / "vault" / "county.keys"
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}", keys_path=str(chosen))
    service.county_identity(db)
    assert _mode(chosen) == 0o600 and not (tmp_path / "county.db.keys").exists()
    db.close()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_existing_keys_move_out_on_first_open_and_laptops_keep_syncing(kind, tmp_path):
    def open_db(url):
        return ServerDB(url, keys_path=str(tmp_path / "county.keys"))

    def run(url):
        db = open_db(url)
        a = make_store(tmp_path, "a", V1)
        with LiveServer(db) as live:
            client.enrol(a, live.url, live.code(V1))
            add_child(a, "钱多多")
            client.sync(a)
        old_identity = service.county_identity(db)
        db.close()
        # the server as it was before issue 15: its keys in srv_setting, no key file
        (tmp_path / "county.keys").unlink()
        legacy = ServerDB(url, create=False)
        with legacy.sessions() as s, s.begin():
            s.add(ServerSetting(key="county_identity", value=old_identity.to_json()))
        legacy.close()

        db = open_db(url)  # first open after the upgrade
        with db.sessions() as s:
            assert s.get(ServerSetting, "county_identity") is None
        assert _mode(tmp_path / "county.keys") == 0o600
        moved = Identity.from_json(json.loads((tmp_path / "county.keys").read_text("utf-8"))["county_identity"])
        assert moved.public().to_dict() == old_identity.public().to_dict()
        with LiveServer(db) as live:
            # the laptop pinned the county's key at enrolment: the same key signs the answers
            a.set_setting(client.S_SERVER, live.url)
            edit(a, Child, add_child(a, "孙多多"), phone="123")
            assert client.sync(a).pushed > 0
        db.close()
        a.close()

    if kind == "sqlite":
        run(f"sqlite:///{tmp_path / 'county.db'}")
    else:
        with pg_schema_url() as url:
            run(url)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """`tonghu serve` as a real process, its output (stdout and stderr) and log folder captured."""
    port = _free_port()
    logs = tmp_path / "logs"
    out = open(tmp_path / "serve.out", "wb")
    env = {**os.environ, "TONGHU_LOG_DIR": str(logs)}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--db", str(tmp_path / "county.db"),
                             "--port", str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/api/v1/hello", timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError((tmp_path / "serve.out").read_text("utf-8", "replace")) from None
            time.sleep(0.2)
    try:
        yield url, tmp_path / "serve.out", logs
    finally:
        proc.terminate()
        proc.wait(10)
        out.close()


def test_failed_pushes_leave_no_child_data_in_any_log_line(served, tmp_path):
    url, output, logs = served
    db = ServerDB(str(tmp_path / "county.db"))
    code = service.create_enrol_code(db, V1)
    db.close()
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, url, code)
    token = a.setting(client.S_TOKEN)
    headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL), "Authorization": f"Bearer {token}",
               "Content-Type": "application/json"}

    # out of scope: a child of another village, with a name and a note
    add_child(a, SECRET_NAME, village=V2, notes=SECRET_NOTE)
    report = client.sync(a)
    assert report.refused > 0
    # invalid values: a date and a number that are words, a table and field that do not exist
    from app.sync import changes as outbox

    with a.read_session() as s:
        refused = outbox.refused(s)
    assert refused
    base = {"id": "", "table": "child", "row_id": refused[0]["row_id"], "field": "birth_date",
            "hlc": "000000000000001.00000", "base_hlc": "000000000000000.00000", "origin": a.device_id}
    bad = [
        {**base, "id": "bad-1", "value": json.dumps(f"{SECRET_NAME}的生日")},
        {**base, "id": "bad-2", "field": "notes", "value": json.dumps({"x": SECRET_NOTE})},
        {**base, "id": "bad-3", "table": f"no_such_{SECRET_NAME}", "value": json.dumps(SECRET_NOTE)},
        {**base, "id": "bad-4", "field": "age_of_" + SECRET_NAME[:2], "value": json.dumps(SECRET_NOTE)},
    ]
    answer = httpx.post(url + "/api/v1/push", headers=headers, json={"changes": bad}, timeout=30)
    assert answer.status_code == 200 and all(r["status"] == "refused" for r in answer.json()["results"])
    # malformed bodies that carry the name: unknown keys, wrong types, broken JSON, a bad audit entry
    for body in (
        json.dumps({"changes": [{**base, "id": "m1", "value": SECRET_NAME, "name": SECRET_NAME}]}),
        json.dumps({"changes": [{**base, "id": "m2", "value": 12345678901234567890123, "notes": SECRET_NOTE}]}),
        '{"changes": [{"name": "' + SECRET_NAME + '", ',
        json.dumps({"changes": SECRET_NOTE}),
        json.dumps({"state": SECRET_NAME * 20, "changes": []}),
    ):
        r = httpx.post(url + "/api/v1/push", headers=headers, content=body.encode("utf-8"), timeout=30)
        assert r.status_code in (400, 413, 422), r.text
    r = httpx.post(url + "/api/v1/audit", headers=headers, timeout=30, json={
        "chain_id": "c1", "entries": [{"chain_n": 1, "actor": SECRET_NAME, "new_value": SECRET_NOTE, "hash": 7}]})
    assert r.status_code == 400
    a.close()

    time.sleep(0.5)
    texts = [output.read_text("utf-8", "replace")]
    texts += [p.read_text("utf-8", "replace") for p in logs.rglob("*") if p.is_file()]
    everything = "\n".join(texts)
    assert "malformed" in everything or "POST /api/v1/push" in everything  # the server did log these requests
    for secret in (SECRET_NAME, SECRET_NOTE, SECRET_NAME[:2] + SECRET_NAME[2:]):
        assert secret not in everything


def test_server_backup_is_a_consistent_owner_only_copy(tmp_path, capsys):
    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    a = make_store(tmp_path, "a", V1)
    with LiveServer(db) as live:
        client.enrol(a, live.url, live.code(V1))
        add_child(a, "李多多")
        client.sync(a)
        out = subprocess.run([sys.executable, "-m", "app.cli", "server", "backup", "--db",
                              str(tmp_path / "county.db"), "--out", str(tmp_path / "copy.db")],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert _mode(tmp_path / "copy.db") == 0o600
    copy = ServerDB(f"sqlite:///{tmp_path / 'copy.db'}", create=False)
    with copy.sessions() as s:
        assert s.scalar(select(Device.id)) == a.device_id
        assert s.execute(text("SELECT name FROM child")).scalar() == "李多多"
    copy.close()
    from app.cli import main

    assert main(["server", "backup", "--db", str(tmp_path / "county.db"), "--out", str(tmp_path / "copy.db")]) != 0
    assert "已存在" in capsys.readouterr().err
    assert main(["server", "backup", "--db", "postgresql://u@h/county", "--out", str(tmp_path / "pg.dump")]) == 1
    err = capsys.readouterr().err
    assert "pg_dump" in err and "密钥文件" in err
    db.close()
    a.close()
