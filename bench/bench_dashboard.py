"""The 工作台 dashboard over 30,000 children and 500,000 visits (DESIGN §6: under 200 ms), and
saving one visit at that size (under 50 ms).

The store is filled with bulk SQL (children and visits straight into the tables, no capture:
this measures reading, not the demo generator), then each child's derived columns are computed
once. Timed:
- "naive": what a dashboard costs without the derived columns — aggregate the last visit per
  child from the visit table and the current colour from the assessments, then apply the
  schedule in Python (the "before");
- "dashboard": `compute_dashboard` over the derived, indexed `child` columns (the "after");
- "save visit": `record_visit` for one child, which also refreshes that child's schedule.
The store is cached under the temp folder (`TONGHU_BENCH_DIR` to move it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import Result, time_ms

CHILDREN = int(os.environ.get("TONGHU_BENCH_CHILDREN", "30000"))
VISITS = int(os.environ.get("TONGHU_BENCH_VISITS", "500000"))
PASSWORD = "bench-password-1"
TODAY = dt.date(2026, 11, 23)
VILLAGE = "320115101201"


def store_path() -> Path:
    base = Path(os.environ.get("TONGHU_BENCH_DIR") or Path(tempfile.gettempdir()) / "tonghu-bench-dashboard")
    return base / f"dashboard-{CHILDREN}-{VISITS}.store"


def build(path: Path) -> float:
    from sqlalchemy import bindparam, insert, text

    from app.data.ids import new_id
    from app.data.keys import key_path_for
    from app.data.models import Child
    from app.data.models.visits import Assessment, Visit
    from app.data.store import Store
    from app.domain import schedule
    from app.domain.policy import default_policy

    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, key_path_for(path), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        p.unlink(missing_ok=True)
    os.environ["TONGHU_FAST_KDF"] = "1"
    start = time.perf_counter()
    rng = random.Random(7)
    policy = default_policy()
    store = Store.create(path, user="bench", password=PASSWORD, village_code=VILLAGE, village_name="东山村")
    try:
        child_ids = [new_id() for _ in range(CHILDREN)]
        colours = rng.choices(["红", "黄", "蓝", "绿", ""], weights=[5, 17, 45, 28, 5], k=CHILDREN)
        base = dict(village_code=VILLAGE, pinyin_key="", sex="男", ethnicity="汉族", hukou_place="", hukou_type="农业",
                    address="", phone="", school="", school_stage="", grade="", health="健康", illness="",
                    disability_type="无", disability_grade="", disability_cert_no="", guardianship_state="正常",
                    status="在册", status_note="", notes="", colour="", hlc="000000000000000.00000", origin="bench",
                    deleted=False, versions="{}")
        with store.engine.begin() as conn:
            conn.execute(insert(Child), [dict(base, id=cid, name=f"儿童{i:05d}", id_number=f"{i:018d}",
                                              group_name=f"{i % 8 + 1}组",
                                              status="在册" if i % 50 else "已转出")
                                         for i, cid in enumerate(child_ids)])
            assess_rows = []
            for cid, colour in zip(child_ids, colours, strict=True):
                if colour:
                    assessed_on = TODAY - dt.timedelta(days=rng.randint(30, 700))
                    assess_rows.append(dict(id=new_id(), child_id=cid, assessed_on=assessed_on,
                                            assessor="bench", answers="{}", reasons="[]", suggested_colour=colour,
                                            colour=colour, override_reason="", policy_version="", source="", notes="",
                                            hlc="000000000000000.00000", origin="bench", deleted=False, versions="{}"))
            conn.execute(insert(Assessment), assess_rows)
            # 500,000 visits over about two years; about 4 % of children never visited
            visited = [cid for cid in child_ids if rng.random() > 0.04]
            checklist = json.dumps({"food": {"answer": "正常", "note": ""}}, ensure_ascii=False)
            batch = []
            for n in range(VISITS):
                batch.append(dict(id=new_id(), child_id=visited[n % len(visited)],
                                  visit_date=TODAY - dt.timedelta(days=rng.randint(0, 730)), kind="入户",
                                  visitor="bench", present="", lives_where="", lives_with="", checklist=checklist,
                                  findings="正常", needs="", help_given="", follow_ups="[]", reassess=False,
                                  amends_id=None, amend_reason="", hlc="000000000000000.00000", origin="bench",
                                  deleted=False, versions="{}"))
                if len(batch) == 50_000:
                    conn.execute(insert(Visit), batch)
                    batch = []
            if batch:
                conn.execute(insert(Visit), batch)
            # derived columns, once, as refresh_child_schedule would leave them
            last = dict(conn.execute(text("SELECT child_id, max(visit_date) FROM visit GROUP BY child_id")).all())
            first_assessed = dict(conn.execute(text("SELECT child_id, min(assessed_on) FROM assessment GROUP BY child_id")).all())
            rows = []
            for cid, colour in zip(child_ids, colours, strict=True):
                lv = last.get(cid)
                lv = dt.date.fromisoformat(lv) if isinstance(lv, str) else lv
                fa = first_assessed.get(cid)
                fa = dt.date.fromisoformat(fa) if isinstance(fa, str) else fa
                state = schedule.ColourState(colour, fa, "", fa)
                rows.append({"cid": cid, "c": colour, "l": lv, "d": schedule.next_due_for(policy, state, lv)})
            conn.execute(Child.__table__.update().where(Child.__table__.c.id == bindparam("cid")).values(
                colour=bindparam("c"), last_visit_date=bindparam("l"), next_visit_due=bindparam("d")), rows)
            conn.execute(text("ANALYZE"))
    finally:
        store.close()
    return time.perf_counter() - start


def naive_dashboard(session, today: dt.date, policy) -> dict:
    """The "before": recompute every child's schedule from the visits and assessments tables."""
    from sqlalchemy import text

    from app.domain import schedule

    last = dict(session.execute(text("SELECT child_id, max(visit_date) FROM visit WHERE deleted = 0 GROUP BY child_id")).all())
    colour = {}
    for cid, c in session.execute(text("SELECT child_id, colour FROM assessment WHERE deleted = 0 ORDER BY assessed_on")):
        colour[cid] = c
    out = {"overdue": 0, "week": 0, "red": 0, "yellow": 0, "never": 0}
    sunday = schedule.week_bounds(today)[1]
    for (cid,) in session.execute(text("SELECT id FROM child WHERE status = '在册' AND deleted = 0")):
        lv = last.get(cid)
        lv = dt.date.fromisoformat(lv) if lv else None
        c = colour.get(cid, "")
        due = lv + dt.timedelta(days=policy.interval(c)) if lv else None
        if due and due < today:
            out["overdue"] += 1
        elif due and due <= sunday:
            out["week"] += 1
        out["red"] += c == "红"
        out["yellow"] += c == "黄"
        out["never"] += lv is None
    return out


def run() -> list[Result]:
    from sqlalchemy import text

    from app.data.dashboard import compute_dashboard
    from app.data.store import Store
    from app.data.visits import record_visit
    from app.domain.policy import default_policy

    os.environ["TONGHU_FAST_KDF"] = "1"
    path = store_path()
    results = []
    if not path.exists():
        seconds = build(path)
        results.append(Result("dashboard: build bench store (bulk SQL)", seconds * 1000,
                              note=f"{CHILDREN} children, {VISITS} visits"))
    store = Store.open(path, PASSWORD)
    policy = default_policy()
    try:
        with store.read_session() as s:
            n_visits = s.scalar(text("SELECT count(*) FROM visit"))
            n_children = s.scalar(text("SELECT count(*) FROM child"))
            cold = time.perf_counter()
            d = compute_dashboard(s, today=TODAY)
            cold_ms = (time.perf_counter() - cold) * 1000
            naive = naive_dashboard(s, TODAY, policy)
            assert naive["red"] == d.red.count and naive["never"] == d.never_visited.count, (naive, d.red.count)
            note = (f"{n_children} children, {n_visits} visits; overdue {d.overdue.count}, this week "
                    f"{d.due_this_week.count}, 红 {d.red.count}, 黄 {d.yellow.count}, never {d.never_visited.count}")
            results.append(Result("dashboard: before (aggregate visits)",
                                  time_ms(lambda: naive_dashboard(s, TODAY, policy), repeat=1), target=200,
                                  note="recomputed from the visit table"))
            results.append(Result("dashboard: first (cold) compute", cold_ms, target=200, note=note))
            results.append(Result("dashboard: after (derived columns)", time_ms(lambda: compute_dashboard(s, today=TODAY)),
                                  target=200, note=note))
            plan = s.execute(text("EXPLAIN QUERY PLAN SELECT count(*) FROM child WHERE status='在册' AND deleted=0 "
                                  "AND next_visit_due < '2026-11-23'")).all()
            print("  plan (overdue count):", "; ".join(str(r[-1]) for r in plan))
            cid = s.scalar(text("SELECT id FROM child WHERE status='在册' LIMIT 1 OFFSET 777"))

        def save_visit():
            with store.session() as s2:
                record_visit(s2, cid, TODAY - dt.timedelta(days=1), "电话", findings="bench")

        results.append(Result("dashboard: save one visit (+ reschedule)", time_ms(save_visit, repeat=5), target=50))
    finally:
        store.close()
    for r in results:
        print(f"  {r.name}: {r.value:.1f} {r.unit}  {r.note}")
    return results
