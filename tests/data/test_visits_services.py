"""Assessments, visits, amendments and screening rounds on a real encrypted store."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.data import dashboard, visits as V
from app.data.capture import AppendOnlyError
from app.data.models import AuditEntry, Child, OutboxChange
from app.data.models.visits import Assessment, Visit
from app.domain.colour import OverrideReasonRequired
from app.domain.errors import ValidationError, ValidationErrors
from app.domain.vocab import STATUS_TRANSFERRED
from app.core import clock
from tests.conftest import PASSWORD, VILLAGE

D = dt.date
# The dated events below all lie before this day, so no visit or assessment is "in the future"
# whatever the real date is (the CLI test runs a subprocess, which reads the real clock).
pytestmark = pytest.mark.frozen_at("2026-11-30T10:00")


def add_child(store, name="张小明", **kw) -> str:
    with store.session() as s:
        c = Child(village_code=VILLAGE, name=name, id_number=kw.pop("id_number", "110101201001011234"), **kw)
        s.add(c)
        s.flush()
        return c.id


def derived(store, cid):
    with store.read_session() as s:
        c = s.get(Child, cid)
        return c.colour, c.last_visit_date, c.next_visit_due


def test_assessment_sets_colour_reasons_and_schedule(frozen_clock, store):
    cid = add_child(store)
    with store.session() as s:
        a = V.record_assessment(s, cid, {"parents_not_seen_months": 8, "withdrawn": True}, on=D(2026, 10, 1))
        assert a.colour == "黄" and a.suggested_colour == "黄" and a.assessor == "lin"
        assert [r["key"] for r in json.loads(a.reasons)] == ["parents_not_seen_months", "withdrawn"]
    assert derived(store, cid) == ("黄", None, D(2026, 10, 16))


def test_override_without_reason_changes_nothing(frozen_clock, store):
    cid = add_child(store)
    with pytest.raises(OverrideReasonRequired):
        with store.session() as s:
            V.record_assessment(s, cid, ["withdrawn"], colour="红", on=D(2026, 10, 1))
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Assessment)) == 0
    assert derived(store, cid) == ("", None, None)


def test_mandatory_report_path_turns_child_red_within_seven_days(frozen_clock, store):
    cid = add_child(store)
    with store.session() as s:
        V.record_assessment(s, cid, [], on=D(2026, 9, 1))
        V.record_visit(s, cid, D(2026, 9, 10), "入户")
    assert derived(store, cid) == ("绿", D(2026, 9, 10), D(2026, 10, 10))
    with store.session() as s:
        a = V.record_assessment(s, cid, {}, colour="红", override_reason="强制报告: 疑似遭受侵害",
                                source=V.SOURCE_MANDATORY_REPORT, on=D(2026, 10, 2))
        assert a.source == "mandatory_report" and a.suggested_colour == "绿"
    colour, last, due = derived(store, cid)
    assert colour == "红" and D(2026, 10, 2) <= due <= D(2026, 10, 9)


def test_visit_moves_schedule_and_is_append_only(frozen_clock, store):
    cid = add_child(store)
    with store.session() as s:
        V.record_assessment(s, cid, ["dropped_out"], on=D(2026, 10, 1))
        v = V.record_visit(s, cid, D(2026, 10, 3), "入户", present="祖母", lives_where="本村三组", lives_with="祖父母",
                           checklist={"food": "正常", "schooling": {"answer": "有问题", "note": "已两周未到校"}},
                           findings="孩子在家", needs="返校", help_given="联系班主任",
                           follow_ups=[{"action": "再次家访", "due": "2026-10-08"}], reassess=True)
        vid = v.id
    assert derived(store, cid) == ("红", D(2026, 10, 3), D(2026, 10, 10))
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.get(Visit, vid).findings = "改了"
    with store.session() as s:
        amended = V.amend_visit(s, vid, "日期记错", visit_date=D(2026, 10, 4))
        assert amended.amends_id == vid and amended.findings == "孩子在家"
    assert derived(store, cid) == ("红", D(2026, 10, 4), D(2026, 10, 11))
    with store.read_session() as s:
        [entry] = V.visit_history(s, cid)
        assert entry.original.visit_date == D(2026, 10, 3) and entry.current.visit_date == D(2026, 10, 4)
        assert json.loads(entry.current.checklist)["schooling"]["note"] == "已两周未到校"
        # derived columns are never captured for sync
        assert s.scalar(select(func.count()).select_from(OutboxChange).where(
            OutboxChange.field.in_(["colour", "next_visit_due", "last_visit_date"]))) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "visit", AuditEntry.child_id == cid)) == 2


def test_bad_visit_input_is_refused_at_its_field(frozen_clock, store):
    cid = add_child(store)
    tomorrow = clock.today() + dt.timedelta(days=2)
    with pytest.raises(ValidationErrors) as exc:
        with store.session() as s:
            V.record_visit(s, cid, tomorrow, "上门", checklist={"food": "很好"})
    fields = exc.value.by_field()
    assert set(fields) == {"visit_date", "kind", "checklist"}
    with pytest.raises(ValidationError, match="更正原因"):
        with store.session() as s:
            V.amend_visit(s, V.record_visit(s, cid, D(2026, 1, 1)).id, " ")
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_refresh_child_schedule_rebuilds_derived_columns(frozen_clock, store):
    cid = add_child(store)
    with store.session() as s:
        V.record_assessment(s, cid, ["withdrawn"], on=D(2026, 1, 1))
        V.record_visit(s, cid, D(2026, 1, 5))
        s.execute(Child.__table__.update().values(colour="", next_visit_due=None, last_visit_date=None))
    with store.session() as s:
        V.refresh_child_schedule(s, cid)
    assert derived(store, cid) == ("蓝", D(2026, 1, 5), D(2026, 2, 4))


def test_dashboard_counts(frozen_clock, store):
    today = D(2026, 11, 25)  # a Wednesday
    ids = {n: add_child(store, n, id_number=f"11010120100101{i:04d}") for i, n in enumerate("甲乙丙丁戊己")}
    with store.session() as s:
        V.record_assessment(s, ids["甲"], ["dropped_out"], on=D(2026, 11, 1))
        V.record_visit(s, ids["甲"], D(2026, 11, 3))                            # 红 due 11-10: 15 days late
        V.record_assessment(s, ids["乙"], ["no_income"], on=D(2026, 11, 1))
        V.record_visit(s, ids["乙"], D(2026, 11, 12))                           # 黄 due 11-27 this week
        V.record_visit(s, ids["丙"], D(2026, 11, 20))                           # not assessed, due 12-20
        V.record_assessment(s, ids["丁"], [], on=D(2026, 11, 20))              # 绿 never visited, due 12-20
    with store.session() as s:
        s.get(Child, ids["己"]).status = STATUS_TRANSFERRED
    with store.read_session() as s:
        d = dashboard.compute_dashboard(s, today=today)
    assert d.active == 5
    assert d.overdue.count == 1 and d.overdue.items[0].name == "甲" and d.overdue.items[0].days_overdue == 15
    assert d.due_this_week.count == 1 and d.due_this_week.items[0].name == "乙"
    assert (d.red.count, d.yellow.count) == (1, 1)
    assert d.never_visited.count == 2 and {i.name for i in d.never_visited.items} == {"丁", "戊"}
    assert (d.week_start, d.week_end) == (D(2026, 11, 23), D(2026, 11, 29))
    with store.read_session() as s:
        names = [i.name for i in dashboard.due_list(s, within_days=30, today=today)]
    assert names[:2] == ["甲", "乙"] and set(names[2:]) == {"丙", "丁"}


def test_screening_round_cannot_close_early(frozen_clock, store):
    a, b, c = (add_child(store, n, id_number=f"11010120100101{i:04d}") for i, n in enumerate("甲乙丙"))
    with store.session() as s:
        rnd = V.open_round(s, "2026年下半年排查", "2026-10-01", "2026-12-31")
        rid = rnd.id
        with pytest.raises(ValidationError, match="同名"):
            V.open_round(s, "2026年下半年排查", "2026-10-01", "2026-12-31")
    with store.session() as s:
        V.screen_child(s, rid, a, reassessed=True)
        V.set_skip_reason(s, rid, b, "随父母在外地上学，已电话核实")
    with pytest.raises(ValidationError, match="1 名儿童"):
        with store.session() as s:
            V.close_round(s, rid)
    with store.session() as s:
        new = Child(village_code=VILLAGE, name="新发现", id_number="110101201001019999")
        s.add(new)
        s.flush()
        V.screen_child(s, rid, new.id, newly_found=True)
        V.screen_child(s, rid, c, in_scope=False)
        p = V.round_progress(s, rid)
        assert (p.screened, p.total) == (3, 4) and not p.unexplained
        [(_, done, total)] = V.open_round_progress(s)
        assert (done, total) == (3, 4)
        V.close_round(s, rid, note="按期完成")
    with store.read_session() as s:
        assert V.rounds(s)[0].status == V.ROUND_CLOSED
        with pytest.raises(ValidationError):
            V.screen_child(s, rid, a)


def test_cli_assess_visit_and_due(store, store_path, tmp_path):
    cid = add_child(store)
    store.close()
    env = {"TONGHU_PASSWORD": PASSWORD, "TONGHU_FAST_KDF": "1", "TONGHU_TESTING": "1", "PATH": "/usr/bin:/bin"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env)

    r = run("assess", "--store", str(store_path), cid, "--factor", "withdrawn", "--colour", "红")
    assert r.returncode == 2 and "理由" in r.stderr
    r = run("assess", "--store", str(store_path), cid, "--factor", "parents_not_seen_months=13", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["colour"] == "红"
    today = dt.date.today().isoformat()
    r = run("visit", "add", "--store", str(store_path), cid, "--date", today, "--kind", "电话", "--present", "",
            "--check", "food=正常")  # an empty visit is refused as the form refuses it (issue 13)
    assert r.returncode == 2 and "在场人员" in r.stderr and "未作答" in r.stderr
    r = run("visits", "due", "--store", str(store_path), "--json", "--within", "7")
    assert json.loads(r.stdout.splitlines()[0])["child_id"] == cid  # nothing saved: still due
    r = run("visit", "add", "--store", str(store_path), cid, "--date", today, "--kind", "电话", "--present", "儿童、祖母",
            "--all-normal", "--check", "food=有问题")
    assert r.returncode == 0
    r = run("visit", "list", "--store", str(store_path), cid, "--json")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1  # the refused empty visit left no row
    r = run("visits", "due", "--store", str(store_path), "--json", "--within", "7")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.returncode == 0 and rows[0]["child_id"] == cid and rows[0]["colour"] == "红"
    r = run("visit", "add", "--store", str(store_path), cid, "--date", today, "--kind", "上门", "--present", "儿童",
            "--all-normal")
    assert r.returncode == 2 and "走访方式" in r.stderr


def test_amending_an_amendment_amends_the_original_and_newest_counts(frozen_clock, store):
    cid = add_child(store)
    with store.session() as s:
        v = V.record_visit(s, cid, D(2026, 3, 1), "电话", findings="初记")
        a1 = V.amend_visit(s, v.id, "日期有误", visit_date=D(2026, 3, 2))
        a2 = V.amend_visit(s, a1.id, "再次更正", findings="终稿")
        assert a2.amends_id == v.id and a2.visit_date == D(2026, 3, 2) and a2.kind == "电话"
        with pytest.raises(ValidationError, match="不能更正"):
            V.amend_visit(s, v.id, "x", colour="红")
    with store.read_session() as s:
        [entry] = V.visit_history(s, cid)
        assert [a.amend_reason for a in entry.amendments] == ["日期有误", "再次更正"]
        assert entry.current.findings == "终稿" and entry.original.findings == "初记"
    assert derived(store, cid)[1:] == (D(2026, 3, 2), D(2026, 4, 1))
