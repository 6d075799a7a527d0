"""County policy (issue 16): `tonghu server policy set` issues a version that reaches one laptop by
network sync and another by USB answer file; both recompute their children's next visits and say
so once; an older version arriving after a newer one, or an invalid one, is ignored."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app.cli import main
from app.core import clock
from app.data import county_policy
from app.data import visits
from app.data.models.child import Child
from app.server import bundles as county_bundles
from app.server.county_writes import county_changes
from app.server.policy import set_policy
from app.domain.county_policy import CountyPolicyError
from app.sync import bundle_io, client
from tests.sync.stores import V1, V2, add_child, get, make_store

RED_5 = '[policy]\nnote = "红色儿童五天一访"\n\n[intervals]\n"红" = 5\n"黄" = 10\n'


def _red_child(store, name: str) -> tuple[str, dt.date]:
    cid = add_child(store, name)
    on = clock.today() - dt.timedelta(days=1)
    with store.session() as s:
        visits.record_assessment(s, cid, {}, colour="红", override_reason="测试：高风险", on=on)
    return cid, on


def _usb_sync(db, store, tmp_path):
    exported = bundle_io.export_bundle(store, tmp_path / "usb")
    at_county = county_bundles.import_file(db, exported.path, tmp_path / "usb")
    return bundle_io.import_bundle(store, at_county.answer)


def test_policy_reaches_laptops_by_network_and_usb(live, tmp_path, capsys):
    net = make_store(tmp_path, "net", V1)
    usb = make_store(tmp_path, "usb", V2)
    client.enrol(net, live.url, live.code(V1))
    made = county_bundles.enrolment_file(live.db, tmp_path / "usb-enrol", village=V2)
    bundle_io.enrol_from_file(usb, made.path, made.code)
    a, a_on = _red_child(net, "网同步红")
    b, b_on = _red_child(usb, "U盘红")
    assert get(net, Child, a).next_visit_due == a_on + dt.timedelta(days=7)
    client.sync(net)
    _usb_sync(live.db, usb, tmp_path)

    policy = tmp_path / "policy.toml"
    policy.write_text(RED_5, encoding="utf-8")
    assert main(["server", "policy", "set", "--db", live.db.url, "--file", str(policy), "--county", "320115"]) == 0
    assert "已发布第 1 版走访政策" in capsys.readouterr().out

    client.sync(net)
    assert get(net, Child, a).next_visit_due == a_on + dt.timedelta(days=5)
    notice = county_policy.take_notice(net)
    assert notice == "县民政局更新了走访间隔（红 7 天 → 5 天、黄 15 天 → 10 天），已重新计算 1 名儿童的下次走访日期"
    assert county_policy.take_notice(net) is None  # said once

    _usb_sync(live.db, usb, tmp_path)
    assert get(usb, Child, b).next_visit_due == b_on + dt.timedelta(days=5)
    assert county_policy.take_notice(usb).startswith("县民政局更新了走访间隔（红 7 天 → 5 天")

    # a new assessment on the laptop uses the county's interval too
    c, c_on = _red_child(net, "新评估红")
    assert get(net, Child, c).next_visit_due == c_on + dt.timedelta(days=5)

    # an older version sent after the newer one (a restored county backup, a stale USB answer) is ignored
    set_policy(live.db, '[policy]\nversion = 2\n\n[intervals]\n"红" = 3\n', county="320115")
    with county_changes(live.db) as w:  # version 1 again, with other intervals, arriving later
        w.create("county_policy", str(uuid.uuid4()), {"village_code": "320115", "version": 1,
                                                      "body": '[policy]\nversion = 1\n\n[intervals]\n"红" = 6\n'},
                 child_id=None, scope="320115")
    client.sync(net)
    assert get(net, Child, a).next_visit_due == a_on + dt.timedelta(days=3)
    assert county_policy.in_force(net)["version"] == 2
    assert "红 5 天 → 3 天" in county_policy.take_notice(net)
    # … and an invalid newer one (a broken file that slipped through) is never applied
    with county_changes(live.db) as w:
        w.create("county_policy", str(uuid.uuid4()), {"village_code": "320115", "version": 9,
                                                      "body": '[policy]\nversion = 9\n\n[intervals]\n"红" = 90\n'},
                 child_id=None, scope="320115")
    client.sync(net)
    assert county_policy.in_force(net)["version"] == 2
    assert get(net, Child, a).next_visit_due == a_on + dt.timedelta(days=3)
    assert county_policy.take_notice(net) is None
    for st in (net, usb):
        st.close()


@pytest.mark.parametrize("text, problem", [
    ('[intervals]\n"红" = 45\n', "不在 1 到 30 天之间"),
    ('[intervals]\n"红" = 20\n"黄" = 10\n', "风险更高"),
    ('[intervals]\n"紫" = 5\n', "不存在"),
    ('[intervals]\n红 = 5\n', "不是有效的 TOML"),
    ('[policy]\nnote = "x"\n', "没有走访间隔"),
])
def test_invalid_policy_refused_and_nothing_issued(tmp_path, text, problem, capsys):
    db = str(tmp_path / "county.db")
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["server", "policy", "set", "--db", db, "--file", str(path), "--county", "320115"]) != 0
    assert problem in capsys.readouterr().err
    assert main(["server", "policy", "show", "--db", db]) == 0
    assert "还没有发布" in capsys.readouterr().err


def test_version_must_grow(tmp_path):
    from app.server.db import ServerDB

    db = ServerDB(str(tmp_path / "county.db"))
    assert set_policy(db, RED_5, county="320115")["version"] == 1
    with pytest.raises(CountyPolicyError, match="不比现行的第 1 版新"):
        set_policy(db, '[policy]\nversion = 1\n\n[intervals]\n"红" = 4\n', county="320115")
    assert set_policy(db, '[intervals]\n"红" = 4\n', county="320115")["version"] == 2
    db.close()
