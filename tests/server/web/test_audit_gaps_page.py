"""操作记录异常 (/audit/gaps), through a live server on SQLite and PostgreSQL: audit entries deleted on
a real laptop store before they were sent show up on the county admin's page after the next sync,
with the device and the entry numbers; 已核实 moves a break off the open list and is logged; an
admin scoped to another county sees no rows; township supervisors and viewers get 404."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.data import audit_chain
from app.data.models.child import Child
from app.server import accounts
from app.server import audit as county_audit
from app.server.web import audit
from app.sync import client
from tests.server.web.console import Browser
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, add_child, edit, make_store

PASSWORD = "Gap-page-pass-2026!"
ACCOUNTS = {"admin": ("county-admin", "320115"), "far_admin": ("county-admin", "320116"),
            "town_a": ("township", "320115101"), "town_b": ("township", "320115102"), "view": ("viewer", "320115")}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        for name, (role, scope) in ACCOUNTS.items():
            accounts.create(db, name=name, role=role, password=PASSWORD, scope=scope)
        yield srv


def _browser(live, name: str) -> Browser:
    b = Browser(live.url)
    assert b.login(name, PASSWORD).status_code == 303
    return b


def _delete_unsent_entry(store, chain_n: int) -> None:
    """What someone holding the data key could do: drop the guard and delete an entry not yet sent."""
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
        conn.execute(text(f"DELETE FROM audit_entry WHERE chain_n = {chain_n}"))


def test_a_deleted_entry_appears_on_the_admin_page_only(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "钱小红")
    client.sync(a)
    with a.read_session() as s:
        sent = audit_chain.sent_n(s)

    admin = _browser(live, "admin")
    page = admin.get("/audit/gaps")
    assert page.status_code == 200 and "没有待核实的记录异常" in page.text
    assert 'href="/audit/gaps"' in admin.get("/audit").text  # reached from 审计日志

    for phone in ("1", "2", "3"):
        edit(a, Child, cid, phone=phone)
    _delete_unsent_entry(a, sent + 2)
    client.sync(a)

    page = admin.get("/audit/gaps")
    assert page.status_code == 200
    assert "缺少记录" in page.text and f"第 {sent + 2} 条" in page.text and V1 in page.text
    assert "有 1 处记录缺少或被改动，尚未核实。" in page.text
    [gap] = county_audit.list_gaps(live.db)
    assert gap["device_id"] in page.text

    # another county's admin sees nothing; township supervisors (either township) and viewers get 404
    far = _browser(live, "far_admin")
    assert "没有待核实的记录异常" in far.get("/audit/gaps").text
    gap_id = gap["id"]
    assert far.post("/audit/gaps/ack", {"gap_id": gap_id}).status_code == 404
    for name in ("town_a", "town_b", "view"):
        other = _browser(live, name)
        assert other.get("/audit/gaps").status_code == 404
        assert other.post("/audit/gaps/ack", {"gap_id": gap_id}).status_code == 404
        other.close()

    # 已核实: off the open list, still in 显示全部, and in the audit log
    admin.get("/audit/gaps")
    done = admin.post("/audit/gaps/ack", {"gap_id": gap_id}, follow=True)
    assert done.status_code == 200 and "已标记为已核实。" in done.text and "没有待核实的记录异常" in done.text
    everything = admin.get("/audit/gaps?show=all").text
    assert "已核实" in everything and f"第 {sent + 2} 条" in everything
    rows, _total = audit.search(live.db, action="audit_gap_ack")
    assert [r.user_name for r in rows] == ["admin"]
    for b in (admin, far):
        b.close()
    a.close()
