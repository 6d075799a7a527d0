"""设备 → 恢复文件 in the county console (live server, SQLite and PostgreSQL): a county admin issues
a recovery file for an enrolled laptop, which then sets a new password there; it is in the console's
audit log; a device outside the admin's county is not found."""

from __future__ import annotations

import pytest

from app.data import recovery
from app.data.keys import WrongPasswordError
from app.data.store import Store
from app.server.web import audit
from app.sync import client
from tests.server.web.console import ADMIN_PASSWORD, Browser, admin
from tests.sync.stores import PASSWORD, V1, make_store


@pytest.fixture
def officer(live, tmp_path, monkeypatch):
    monkeypatch.setenv("TONGHU_RECOVERY_KEY", str(tmp_path / "county.recovery-key"))
    admin(live.db, scope="320115")
    b = Browser(live.url)
    assert b.login("admin", ADMIN_PASSWORD).status_code == 303
    yield b
    b.close()


def test_console_issues_a_recovery_file(live, officer, tmp_path):
    laptop = make_store(tmp_path, "a", V1)
    client.enrol(laptop, live.url, live.code(V1))
    path, device = laptop.path, laptop.device_id
    laptop.close()
    page = officer.get("/devices").text
    assert 'action="/devices/recovery"' in page
    answer = officer.post("/devices/recovery", {"device_id": device})
    assert answer.status_code == 200 and "tonghu-recovery" in answer.headers["content-disposition"]
    assert answer.headers["cache-control"] == "no-store"
    recovery.recover(path, answer.content, "a", "river-stone-42").close()
    with pytest.raises(WrongPasswordError):
        Store.open(path, PASSWORD)
    rows, _ = audit.search(live.db, action="device_recovery")
    assert len(rows) == 1 and rows[0].target == device and rows[0].user_name == "admin"
    officer.get("/devices")
    assert officer.post("/devices/recovery", {"device_id": "no-such-device"}).status_code == 404
