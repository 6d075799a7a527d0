"""The audit log is append-only and hash-chained, travels to the county with sync, and the county
flags what was deleted or rewritten on the laptop (issue 15). Real stores, a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlcipher3.dbapi2 import IntegrityError

from app.data import audit_chain
from app.data.models.child import Child
from app.server import audit as county_audit
from app.sync import client
from tests.sync.stores import PASSWORD, V1, V2, add_child, add_guardian, edit, make_store

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _tamper(store, *statements: str) -> None:
    """What someone holding the data key could do: drop the guards and edit the table directly."""
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
        for sql in statements:
            conn.execute(text(sql))


def _gaps(live):
    return [(g["kind"], g["from_n"], g["to_n"]) for g in county_audit.list_gaps(live.db)]


def test_entries_are_chained_and_cannot_be_changed(tmp_path):
    a = make_store(tmp_path, "a", V1)
    cid = add_child(a, "赵小青")
    edit(a, Child, cid, phone="13800000000")
    a.log("view", table_name="child", row_id=cid, child_id=cid)
    with a.read_session() as s:
        entries = audit_chain.unsent(s)
        assert audit_chain.verify(s) == []
    assert [e["chain_n"] for e in entries] == list(range(1, len(entries) + 1))
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(entries, entries[1:], strict=False))
    with pytest.raises(IntegrityError, match="append-only"), a.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET actor = 'someone'"))
    with pytest.raises(IntegrityError, match="append-only"), a.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))
    a.close()


def test_entries_a_pull_writes_chain_on_with_local_ones_and_the_county_takes_them(live, tmp_path):
    """A pull records what it applied in one batch (sealed in Python, not by the insert trigger):
    the chain must run on unbroken between local entries before and after it, and the county must
    find every hash right."""
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V1)
    for st in (a, b):
        client.enrol(st, live.url, live.code(V1))
    kids = [add_child(a, f"孙小{i}") for i in range(30)]
    edit(a, Child, kids[0], phone="13800000000")
    client.sync(a)
    add_child(b, "周小明")  # a local entry before the pulled ones
    client.sync(b)  # pushes its own, then pulls a's 31 changes
    edit(b, Child, kids[1], phone="13900000000")  # and one after them, sealed by the trigger
    client.sync(b)
    with b.read_session() as s:
        assert audit_chain.verify(s) == []
        n = s.scalar(text("SELECT max(chain_n) FROM audit_entry"))
        assert n >= 33 and s.scalar(text("SELECT count(*) FROM audit_entry WHERE hash IS NULL")) == 0
    assert _gaps(live) == []
    a.close()
    b.close()


def test_county_flags_deleted_and_rewritten_entries(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "钱小红")
    client.sync(a)
    with a.read_session() as s:
        sent = audit_chain.sent_n(s)
    assert sent > 0 and _gaps(live) == []

    # three more entries; the middle one is deleted before it reaches the county
    for phone in ("1", "2", "3"):
        edit(a, Child, cid, phone=phone)
    _tamper(a, f"DELETE FROM audit_entry WHERE chain_n = {sent + 2}")
    client.sync(a)
    assert _gaps(live) == [("gap", sent + 2, sent + 2)]

    # an entry rewritten before it is sent: its hash no longer matches its content
    edit(a, Child, cid, phone="4")
    _tamper(a, "UPDATE audit_entry SET new_value = '\"9\"' WHERE chain_n = (SELECT max(chain_n) FROM audit_entry)")
    client.sync(a)
    assert ("bad_hash", sent + 4, sent + 4) in _gaps(live)

    # an entry the county already holds, rewritten with a fresh hash and sent again
    with a.read_session() as s:
        row = s.execute(text("SELECT * FROM audit_entry WHERE chain_n = 1")).mappings().one()
    forged = {**audit_chain.as_wire_row(row), "actor": "someone-else"}
    from app.core.auditchain import hash_of
    _tamper(a, f"UPDATE audit_entry SET actor = 'someone-else', hash = '{hash_of(forged)}' WHERE chain_n = 1",
            "UPDATE setting SET value = '0' WHERE key = 'audit_sent_n'")
    client.sync(a)
    assert ("rewrite", 1, 1) in _gaps(live)

    # the county's officer reads the list from the command line
    out = subprocess.run([sys.executable, "-m", "app.cli", "server", "audit-gaps", "--db", live.db.url, "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert {g["kind"] for g in listed} == {"gap", "bad_hash", "rewrite"}
    assert all(g["device_id"] == a.device_id and g["scope"] == V1 for g in listed)
    a.close()


def test_transfer_keeps_the_childs_history_at_the_county(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    cid = add_child(a, "孙小白")
    add_guardian(a, cid, "孙母")
    a.log("view", table_name="child", row_id=cid, child_id=cid)
    client.sync(a)
    edit(a, Child, cid, village_code=V2)
    assert client.sync(a).purged == 1
    with a.read_session() as s:
        left = s.execute(text("SELECT count(*) FROM audit_entry WHERE child_id = :c"), {"c": cid}).scalar()
    assert left == 0  # the old laptop keeps nothing of the child's file
    history = county_audit.history_of_child(live.db, cid)
    actions = [h["action"] for h in history]
    assert "create" in actions and "view" in actions and "update" in actions
    assert _gaps(live) == []
    a.close()
    b.close()


def test_restored_store_starts_a_new_chain_not_a_rewrite(live, tmp_path):
    from app.data import backup

    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "周小黑")
    client.sync(a)
    copy = backup.make_backup(a, a.data_key, tmp_path)
    edit(a, Child, cid, phone="after-backup")
    client.sync(a)
    a.close()
    restored_path = backup.restore(copy, tmp_path / "restored.store", PASSWORD)
    from app.data.store import Store

    r = Store.open(restored_path, PASSWORD)
    edit(r, Child, cid, phone="after-restore")
    client.sync(r)
    kinds = [k for k, _, _ in _gaps(live)]
    assert kinds == ["new_chain"]
    r.close()


def test_reading_from_the_command_line_is_audited(tmp_path, monkeypatch, capsys):
    from app.cli import main

    a = make_store(tmp_path, "a", V1)
    cid = add_child(a, "吴小绿")
    a.close()
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    assert main(["children", "--store", str(a.path)]) == 0
    assert main(["child", "show", "--store", str(a.path), cid]) == 0
    assert "吴小绿" in capsys.readouterr().out
    from app.data.store import Store

    with Store.open(a.path, PASSWORD) as again, again.read_session() as s:
        rows = s.execute(text("SELECT action, child_id, actor FROM audit_entry WHERE action IN ('list', 'view') "
                              "ORDER BY chain_n")).all()
        assert audit_chain.verify(s) == []
    assert [(r.action, r.child_id, r.actor) for r in rows] == [("list", None, "a"), ("view", cid, "a")]


def test_audit_entries_travel_by_usb_file_too(tmp_path):
    from app.server import bundles as county_bundles
    from app.server.db import ServerDB
    from app.sync import bundle_io

    db = ServerDB(f"sqlite:///{tmp_path / 'county.db'}")
    a = make_store(tmp_path, "a", V1)
    made = county_bundles.enrolment_file(db, tmp_path / "enrol", village=V1)
    bundle_io.enrol_from_file(a, made.path, made.code)
    cid = add_child(a, "郑小蓝")
    a.log("view", table_name="child", row_id=cid, child_id=cid)
    exported = bundle_io.export_bundle(a, tmp_path / "usb")
    answer = county_bundles.import_file(db, exported.path, tmp_path / "usb").answer
    bundle_io.import_bundle(a, answer)
    with a.read_session() as s:
        assert audit_chain.sent_n(s) > 0  # what the file carried; the export's own entry goes next time
        assert {e["action"] for e in audit_chain.unsent(s)} <= {"export", "import"}
    history = county_audit.history_of_child(db, cid)
    assert {"create", "view"} <= {h["action"] for h in history}
    assert county_audit.list_gaps(db) == []
    a.close()
    db.close()


def test_long_audit_values_go_in_posts_the_county_can_take(live, tmp_path, monkeypatch):
    """Entries are posted up to 1,000 at a time, but entries holding long values are cut into
    smaller posts (a post stays under the county's body limit); the county holds every one, unbroken."""
    from app.sync import audit_push
    from app.sync.transport import Http

    a = make_store(tmp_path, "a", V1)
    client.enrol(a, live.url, live.code(V1))
    cid = add_child(a, "周小兰")
    for i in range(12):
        edit(a, Child, cid, address=f"{i}" + "东山村五组" * 50)
    monkeypatch.setattr(audit_push, "BATCH_BYTES", 2000)  # about three long entries per post
    posted: list[int] = []
    send = Http.post

    def counting(self, path, body, *args, **kwargs):
        if path == "/api/v1/audit":
            posted.append(len(body["entries"]))
        return send(self, path, body, *args, **kwargs)

    monkeypatch.setattr(Http, "post", counting)
    client.sync(a)
    with a.read_session() as s:
        held = s.execute(text("SELECT count(*) FROM audit_entry WHERE chain_n IS NOT NULL")).scalar()
        sent = audit_chain.sent_n(s)
    assert len(posted) > 1 and max(posted) < held
    assert sum(posted) == held and sent == held
    history = county_audit.history_of_child(live.db, cid)
    assert sum(1 for h in history if h["action"] == "update" and h["field"] == "address") == 12
    assert _gaps(live) == []
    a.close()
