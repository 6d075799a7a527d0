"""What the county server refuses, and that a refusal changes nothing; repeated pushes apply once."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import func, select

from app.data.models.child import Child
from app.core import hlc
from app.core import protocol as P
from app.data.ids import new_id
from app.server.db import LogEntry
from app.sync import client
from app.sync.client import SyncError
from tests.sync.live import FlakyTransport
from tests.sync.stores import V1, V2, add_child, edit, make_store


def _log_count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(LogEntry))


def _post(live, path, body, token=None, protocol=P.PROTOCOL):
    headers = {P.HEADER_PROTOCOL: str(protocol)}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(live.url + path, content=json.dumps(body), headers=headers)


def test_old_protocol_gets_upgrade_message(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    for old in (0, 1):  # protocol 1 named changes by (device, sequence): it must upgrade
        r = _post(live, "/api/v1/pull", {"cursor": 0}, a.setting("sync_token"), protocol=old)
        assert r.status_code == 426
        assert "请升级" in r.json()["error"]["message"]
    a.close()


def test_unknown_and_revoked_device_get_nothing(live, tmp_path):
    r = _post(live, "/api/v1/pull", {"cursor": 0}, "not-a-token")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unknown_device"
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    add_child(a, "甲")
    client.sync(a)
    from app.server import service

    service.revoke(live.db, a.device_id)
    r = _post(live, "/api/v1/pull", {"cursor": 0}, a.setting("sync_token"))
    assert r.status_code == 401 and r.json()["error"]["code"] == "revoked"
    edit_id = add_child(a, "乙")
    with pytest.raises(SyncError) as exc:
        client.sync(a, retries=0)
    assert "停用" in exc.value.message
    assert client.status(a)["pending"] > 0  # nothing lost locally
    assert edit_id
    a.close()


def test_malformed_and_oversized_change_nothing_bad_changes_refused_one_by_one(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    cb = add_child(b, "乙")
    client.sync(b)
    token = a.setting("sync_token")
    before = _log_count(live.db)
    r = _post(live, "/api/v1/push", {"changes": [{"id": "x", "table": "child"}]}, token)
    assert r.status_code == 400 and r.json()["error"]["message"].startswith("同步数据格式错误")
    now = hlc.encode(hlc.wall_ms_now(), 0)
    foreign = {"id": new_id(), "table": "child", "row_id": cb, "field": "name", "value": '"偷改"',
               "hlc": now, "base_hlc": hlc.ZERO, "origin": a.device_id}
    unknown = dict(foreign, id=new_id(), table="no_such_table")
    ahead = dict(foreign, id=new_id(), hlc="999999999999999.99999")
    r = _post(live, "/api/v1/push", {"changes": [foreign, unknown, ahead]}, token)
    assert r.status_code == 200
    results = {x["id"]: x for x in r.json()["results"]}
    assert [results[c["id"]]["status"] for c in (foreign, unknown, ahead)] == ["refused"] * 3
    assert results[foreign["id"]]["code"] == "out_of_scope"
    assert results[unknown["id"]]["code"] == "unknown_table" and "请升级" in results[unknown["id"]]["message"]
    assert results[ahead["id"]]["code"] == "clock_ahead" and "电脑时间" in results[ahead["id"]]["message"]
    r = _post(live, "/api/v1/push", {"changes": [dict(foreign, id=new_id()) for i in range(P.MAX_PUSH_CHANGES + 1)]},
              token)
    assert r.status_code == 413
    assert _log_count(live.db) == before
    with live.db.sessions() as s:
        assert s.get(Child, cb).name == "乙"
    a.close()
    b.close()


def test_push_repeated_after_lost_answer_is_applied_once(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "甲")
    edit(a, Child, cid, phone="123")
    with a.read_session() as s:
        from app.sync import changes

        pending = changes.pending_count(s)
    flaky = FlakyTransport(plan=["after", "after", "before"])
    report = client.sync(a, transport=flaky, backoff=0.01)
    assert flaky.dropped == 3
    assert client.status(a)["pending"] == 0
    assert report.duplicates >= 1
    with live.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(LogEntry).where(LogEntry.device_id == a.device_id)) == pending
        assert s.get(Child, cid).phone == "123"
    a.close()


def test_enrol_code_is_one_time(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    code = live.code(V1)
    client.enrol(a, live.url, code)
    with pytest.raises(SyncError) as exc:
        client.enrol(b, live.url, code)
    assert "已被使用" in exc.value.message
    with pytest.raises(SyncError):
        client.enrol(b, live.url, "WRONG-CODE1")
    a.close()
    b.close()
