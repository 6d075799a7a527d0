"""The 设备 page through a live server (SQLite and PostgreSQL): the code it shows once enrols a real
laptop store, which then appears with its last sync, client version and what waits for it; revoking
it stops its syncs; the offline enrolment file downloads and enrols another laptop; scopes outside
the admin's county and malformed codes are refused with a message and change nothing."""

from __future__ import annotations

import re

import pytest

from app.sync.transport import SyncError
from app.server import service
from app.server.web import audit
from app.sync import bundle_io, client
from tests.server.web.console import ADMIN_PASSWORD, Browser, admin
from tests.sync.stores import V1, V2, add_child, make_store


@pytest.fixture
def officer(live):
    admin(live.db, scope="320115")
    b = Browser(live.url)
    assert b.login("admin", ADMIN_PASSWORD).status_code == 303
    yield b
    b.close()


def test_enrol_list_and_revoke_a_laptop(live, officer, tmp_path):
    officer.get("/devices")
    sheet = officer.post("/devices/code", {"scope": V1, "days": "7"})
    assert sheet.status_code == 200 and "只在这里显示这一次" in sheet.text and "data-print" in sheet.text
    code = re.search(r'id="enrol-code">([^<]+)<', sheet.text).group(1)
    laptop = make_store(tmp_path, "a", V1)
    other = make_store(tmp_path, "b", V1)
    try:
        client.enrol(laptop, live.url, code)
        with pytest.raises(SyncError):  # the code works once
            client.enrol(other, live.url, code)
        add_child(laptop, "周小川")
        client.sync(laptop)
        device = service.list_devices(live.db)[0]
        row = re.search(r"<tr>\s*<td>[^<]*</td><td class=\"mono\">%s</td>.*?</tr>" % V1, officer.get("/devices").text, re.S)
        assert row is not None
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
        assert cells[2] == "a" and "从未" not in cells[4] and cells[5] == "0" and cells[6] != "—" and cells[7] == "正常"
        # a second laptop's change waits for the first one: 待下发 counts it
        code2 = re.search(r'id="enrol-code">([^<]+)<', officer.post("/devices/code", {"scope": V1}).text).group(1)
        client.enrol(other, live.url, code2)
        add_child(other, "吴小北")
        client.sync(other)
        page = officer.get("/devices").text
        assert re.search(r'<td class="num">[1-9]\d*</td>', page)
        answer = officer.post("/devices/revoke", {"device_id": device["id"]})
        assert answer.status_code == 303
        assert "已停用" in officer.get("/devices?done=revoked").text
        with pytest.raises(SyncError) as refused:
            client.sync(laptop)
        assert "停用" in str(refused.value)
        assert officer.post("/devices/revoke", {"device_id": "no-such-device"}).status_code == 404
    finally:
        laptop.close()
        other.close()
    rows, _ = audit.search(live.db, action="device_revoke")
    assert len(rows) == 1 and rows[0].target == device["id"]


def test_offline_enrolment_file_enrols_a_laptop(live, officer, tmp_path):
    officer.get("/devices")
    sheet = officer.post("/devices/file", {"scope": V2, "name": "西村电脑"})
    assert sheet.status_code == 200
    code = re.search(r'id="enrol-code">([^<]+)<', sheet.text).group(1)
    link = re.search(r'href="(/devices/file/[^"]+)"', sheet.text).group(1)
    download = officer.get(link)
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    path = tmp_path / "登记文件.tonghu-enrol"
    path.write_bytes(download.content)
    laptop = make_store(tmp_path, "west", V2)
    try:
        result = bundle_io.enrol_from_file(laptop, path, code)
        assert result.scope == V2
    finally:
        laptop.close()
    page = officer.get("/devices").text
    assert "西村电脑" in page and "待首次导入" in page
    stranger = Browser(live.url)  # the download is only for the officer who made it
    try:
        assert stranger.get(link).status_code == 303
    finally:
        stranger.close()


def test_bad_scopes_are_refused_and_change_nothing(live, officer):
    officer.get("/devices")
    for scope, words in (("3201151012", "12位"), ("", "12位"), ("320116101201", "只能登记本县"),
                         ("32011510120x", "12位")):
        answer = officer.post("/devices/code", {"scope": scope})
        assert answer.status_code == 400 and words in answer.text, scope
        answer = officer.post("/devices/file", {"scope": scope})
        assert answer.status_code == 400 and words in answer.text, scope
    assert service.list_devices(live.db) == []
    with live.db.sessions() as s:
        from sqlalchemy import func, select

        from app.server.db import EnrolCode

        assert s.scalar(select(func.count()).select_from(EnrolCode)) == 0
