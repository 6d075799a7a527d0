"""`tonghu server duplicates`: the county lists ID numbers held by more than one child file,
after real laptops of two villages registered the same child and synced."""

from __future__ import annotations

import json

from app.cli import main
from app.server.duplicates import duplicate_groups
from app.sync import client
from tests.sync.stores import V1, V2, add_child, make_store


def test_county_lists_duplicates(live, tmp_path, capsys):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V2)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V2))
    ca = add_child(a, "钱小军", id_number="32011520150315123X")
    cb = add_child(b, "钱晓军", id_number="32011520150315123x")  # normalised alike
    add_child(a, "孙小梅", id_number="320115201401014562")
    gone = add_child(b, "已删除", id_number="320115201401014562", deleted=True)
    for st in (a, b):
        client.sync(st)
    capsys.readouterr()
    assert main(["server", "duplicates", "--db", live.db.url, "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert groups == duplicate_groups(live.db)
    assert [g["id_number"] for g in groups] == ["32011520150315123X"]
    members = groups[0]["members"]
    assert {(m["id"], m["name"], m["village_code"]) for m in members} == {(ca, "钱小军", V1), (cb, "钱晓军", V2)}
    assert {m["village_name"] for m in members} == {"a村", "b村"}
    assert gone not in json.dumps(groups)
    assert main(["server", "duplicates", "--db", live.db.url]) == 0
    out = capsys.readouterr()
    assert "32011520150315123X  2 份档案" in out.out and "钱晓军" in out.out and "b村（320115101202）" in out.out
    a.close()
    b.close()


def test_no_duplicates(tmp_path, capsys):
    db = str(tmp_path / "county.db")
    assert main(["server", "duplicates", "--db", db]) == 0
    assert "没有发现" in capsys.readouterr().err
    assert main(["server", "duplicates", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
