"""Property test: devices edit offline at random and sync in random orders through a real county
server, with dropped connections and repeated requests, one device's clock a year behind. After a
final quiet round every device holds exactly the server's data for its scope, and every edit a
user made is the current value, a kept Conflict, or was seen by whoever overwrote it."""

from __future__ import annotations

import json
import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.data.base import synced_tables
from app.data.models.child import Child, Guardian
from app.data.models.local import OutboxChange
from app.data.models.sync import Conflict
from app.core import wire
from app.sync import changes, client, merge
from app.core.hlc import HybridClock, wall_ms_now
from app.sync.client import SyncError
from tests.sync.live import FlakyTransport, LiveServer, server_db
from tests.sync.stores import TOWNSHIP, V1, V2, V3, make_store

YEAR_MS = 365 * 24 * 3600 * 1000
FIELDS = ("name", "phone", "notes")


def _rows(session, cls, where=None) -> dict:
    fields = sorted(merge.synced_fields(cls))
    q = select(cls)
    if where is not None:
        q = q.where(where)
    return {r.id: tuple(getattr(r, f) for f in fields) for r in session.scalars(q)}


def _scoped(session, scope: str) -> dict:
    children = _rows(session, Child, Child.village_code.startswith(scope))
    ids = select(Child.id).where(Child.village_code.startswith(scope))
    guardians = _rows(session, Guardian, Guardian.child_id.in_(ids))
    return {"child": children, "guardian": guardians}


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_random_offline_edits_converge(kind, tmp_path):
    with server_db(kind, tmp_path) as db, LiveServer(db) as live:
        devices = {
            "a": make_store(tmp_path, "a", V1),
            "b": make_store(tmp_path, "b", V1),
            "c": make_store(tmp_path, "c", V2),
            "t": make_store(tmp_path, "t", V1),
        }
        client.enrol(devices["a"], live.url, live.code(V1))
        client.enrol(devices["b"], live.url, live.code(V1))
        client.enrol(devices["c"], live.url, live.code(V2))
        client.enrol(devices["t"], live.url, live.code(TOWNSHIP))
        late = devices["b"]  # its clock is a year behind
        late.clock = HybridClock(late.clock.last, wall=lambda: wall_ms_now() - YEAR_MS)
        edits: list[dict] = []
        names = iter(range(10**6))

        def record(store, table, row_id, field):
            with store.read_session() as s:
                out = s.scalars(select(OutboxChange).where(
                    OutboxChange.table_name == table, OutboxChange.row_id == row_id, OutboxChange.field == field)
                    .order_by(OutboxChange.seq.desc()).limit(1)).first()
            if out is not None:
                edits.append({"table": table, "row": row_id, "field": field, "value": out.value,
                              "hlc": out.hlc, "base": out.base_hlc, "origin": out.origin, "id": out.change_id})

        def local_children(store):
            with store.read_session() as s:
                return sorted(s.scalars(select(Child.id).where(Child.deleted.is_(False))).all())

        def do_sync(store, rng, flaky_p, retries):
            transport = FlakyTransport(rng=rng, p=flaky_p)
            try:
                client.sync(store, transport=transport, retries=retries, backoff=0.001, batch=rng.choice([3, 50, 500]))
            except SyncError:
                pass  # interrupted: a later sync resumes

        examples = int(os.environ.get("TONGHU_PROPERTY_EXAMPLES", "25" if kind == "sqlite" else "12"))

        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.integers(0, 2**32))
        def run(seed):
            # Devices and server persist across examples (stores are slow to make), so every choice
            # comes from one seed: hypothesis picks seeds, the run is reproducible from the seed.
            rng = random.Random(seed)
            print("seed", seed)

            class Data:
                @staticmethod
                def draw(strategy_or_choices):
                    return rng.choice(strategy_or_choices)

            data = Data()
            steps = rng.randint(3, 10)
            for _ in range(steps):
                who = data.draw(sorted(devices))
                store = devices[who]
                op = data.draw(["create", "edit", "edit", "edit", "delete", "move", "guardian", "sync", "sync"])
                kids = local_children(store)
                if op == "create" or (not kids and op != "sync"):
                    village = store.village_code if who != "t" else data.draw([V1, V2])
                    with store.session() as s:
                        child = Child(village_code=village, name=f"儿童{next(names)}", id_number="")
                        s.add(child)
                elif op == "edit":
                    cid = data.draw(kids)
                    field = data.draw(FIELDS)
                    with store.session() as s:
                        setattr(s.get(Child, cid), field, f"{who}-{next(names)}")
                    record(store, "child", cid, field)
                elif op == "delete":
                    cid = data.draw(kids)
                    with store.session() as s:
                        s.get(Child, cid).deleted = True
                    record(store, "child", cid, "deleted")
                elif op == "move":
                    cid = data.draw(kids)
                    with store.session() as s:
                        child = s.get(Child, cid)
                        options = [v for v in (V1, V2, V3) if v != child.village_code]
                        child.village_code = data.draw(options)
                    record(store, "child", cid, "village_code")
                elif op == "guardian":
                    cid = data.draw(kids)
                    with store.session() as s:
                        s.add(Guardian(child_id=cid, relation="母亲", name=f"母{next(names)}"))
                else:
                    do_sync(store, rng, flaky_p=data.draw([0.0, 0.2, 0.5]),
                            retries=data.draw([0, 1, 3]))
            # a quiet final round: everyone pushes, then everyone pulls
            for _ in range(2):
                for store in devices.values():
                    client.sync(store)
            check()

        def check():
            with db.sessions() as s:
                for store in devices.values():
                    expected = _scoped(s, store.scope)
                    with store.read_session() as ls:
                        got = _scoped(ls, store.scope)
                        everything = {"child": _rows(ls, Child), "guardian": _rows(ls, Guardian)}
                    assert got == expected, f"device {store.user} differs from the server in its scope"
                    assert everything == got, f"device {store.user} holds data outside its scope"
                conflicts = {(c.table_name, c.row_id, c.field, c.loser_hlc, c.loser_origin)
                             for c in s.scalars(select(Conflict))}
                winners = {(c.table_name, c.row_id, c.field, c.winner_hlc, c.winner_origin)
                           for c in s.scalars(select(Conflict))}
                tables = synced_tables()
                refused = {}
                for store in devices.values():
                    with store.read_session() as ls:
                        refused.update({r["change_id"]: r for r in changes.refused(ls)})
                seen_bases = {(e["table"], e["row"], e["field"], e["base"]) for e in edits}
                for e in edits:
                    if e["id"] in refused:  # kept on its laptop with the reason (an edit after a transfer)
                        assert refused[e["id"]]["code"] == "out_of_scope" and refused[e["id"]]["message"]
                        continue
                    row = s.get(tables[e["table"]], e["row"])
                    assert row is not None
                    current = merge.field_version(json.loads(row.versions), e["field"])
                    key = (e["table"], e["row"], e["field"], e["hlc"], e["origin"])
                    ok = (
                        (current[0], current[1]) == (e["hlc"], e["origin"])
                        or json.loads(e["value"]) == wire.to_wire(getattr(row, e["field"]))
                        or key in conflicts or key in winners
                        or (e["table"], e["row"], e["field"], e["hlc"]) in seen_bases
                    )
                    assert ok, f"edit lost: {e}"

        try:
            run()
        finally:
            for store in devices.values():
                store.close()
