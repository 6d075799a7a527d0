"""County-wide duplicate files (issue 16): the same child in two villages is flagged (same ID
number, or same name + birth date + guardian), resolved by a county transfer — the file moves with
its history to the right village and the old village's laptop no longer holds it after its next
sync — or marked as two different children."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from app.cli import main
from app.data.models.child import Child, Guardian
from app.data.models.visits import Visit
from app.server.duplicates import county_flags
from app.sync import client
from tests.sync.stores import V1, V2, add_child, add_guardian, get, make_store

SAME_ID = "320115201503150024"


def _count(store, cls) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(cls).where(cls.deleted.is_(False)))


def test_flag_transfer_and_old_laptop_purged(live, tmp_path, capsys):
    a, b = make_store(tmp_path, "a", V1), make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    in_a = add_child(a, "周小雨", id_number=SAME_ID, birth_date=dt.date(2015, 3, 15))
    add_guardian(a, in_a, "周建国")
    with a.session() as s:
        s.add(Visit(child_id=in_a, visit_date=dt.date(2026, 11, 2), kind="入户", visitor="a"))
    in_b = add_child(b, "周小雨", id_number=SAME_ID, birth_date=dt.date(2015, 3, 15))
    # same name + birth date + guardian, different (mistyped) ID numbers
    twin_a = add_child(a, "吴一诺", id_number="320115201601010013", birth_date=dt.date(2016, 1, 1))
    twin_b = add_child(b, "吴一诺", id_number="320115201601010021", birth_date=dt.date(2016, 1, 1))
    add_guardian(a, twin_a, "吴海")
    add_guardian(b, twin_b, "吴海")
    for st in (a, b):
        client.sync(st)

    capsys.readouterr()
    assert main(["server", "county-duplicates", "--db", live.db.url, "--json"]) == 0
    flags = json.loads(capsys.readouterr().out)
    assert flags == county_flags(live.db)
    by_reason = {f["reason"].split("（")[0]: f for f in flags}
    assert set(by_reason) == {"身份证号相同", "姓名、出生日期、监护人相同"}
    assert {m["id"] for m in by_reason["身份证号相同"]["members"]} == {in_a, in_b}
    assert {m["village_code"] for m in by_reason["姓名、出生日期、监护人相同"]["members"]} == {V1, V2}

    # two different children: no longer flagged
    twins = by_reason["姓名、出生日期、监护人相同"]["key"]
    assert main(["server", "not-duplicate", "--db", live.db.url, twins]) == 0
    assert [f["reason"].split("（")[0] for f in county_flags(live.db)] == ["身份证号相同"]

    # transfer a's file to b's village, with its history
    assert main(["server", "transfer", "--db", live.db.url, in_a, "--to", V2, "--reason", "实际居住在b村"]) == 0
    assert "原村的电脑下次同步后不再保存该儿童" in capsys.readouterr().out
    assert county_flags(live.db) == []  # both files in one village now: its director merges them
    client.sync(a)
    assert get(a, Child, in_a) is None
    with a.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Guardian).where(Guardian.child_id == in_a)) == 0
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.child_id == in_a)) == 0
    client.sync(b)
    moved = get(b, Child, in_a)
    assert moved is not None and moved.village_code == V2 and moved.name == "周小雨"
    with b.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.child_id == in_a)) == 1
        assert s.scalar(select(Guardian.name).where(Guardian.child_id == in_a)) == "周建国"
    # the old village may no longer change it
    assert _count(a, Child) == 1  # only its own twin stays
    for st in (a, b):
        st.close()


def test_transfer_refusals(tmp_path, capsys):
    db = str(tmp_path / "county.db")
    assert main(["server", "transfer", "--db", db, "nope", "--to", V2]) != 0
    assert "找不到儿童档案" in capsys.readouterr().err
    assert main(["server", "transfer", "--db", db, "nope", "--to", "123"]) != 0
    assert "12位数字" in capsys.readouterr().err
    assert main(["server", "not-duplicate", "--db", db, "abc"]) != 0
    assert "没有这组疑似重复" in capsys.readouterr().err
