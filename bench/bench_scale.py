"""The scale series (issue 17): a village, a township and a whole county on one laptop.

Over the cached demo stores of `bench/scale_store.py` (3,000 / 30,000 / 100,000 children;
`TONGHU_BENCH_SCALE=3000,30000` picks sizes, `--quick` runs 3,000 alone) it measures:
- cold start (fresh process, `bench/scale_start.py`, median of 3): the window with the 工作台
  counts, the window usable (the 儿童名册's first page too; target < 2 s, held against the CPU
  time on a shared machine, the wall time in the note), every staged section filled, the longest
  stall of the event loop meanwhile, and the peak memory (target < 400 MiB);
- the list, each search and every filter and sort: first page + count (target < 50 ms);
- the 工作台 counts and lists, cold (first query after opening) and warm (target < 200 ms), and
  each of its heavier protection lists;
- the work after a sync: the out-of-scope purge when nothing moved and when 100 children changed;
- the monthly ledger of 2,000 / 4,000 / 8,000 children (target < 1 s at 2,000, linear growth).
Timings are the median process CPU time (the machine is shared; wall time is in the note).
Each figure is printed with its growth factor against the previous size.
"""

from __future__ import annotations

import inspect
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import common, scale_store
from bench.common import Result

LIST_TARGET = 50.0
DASH_TARGET = 200.0
START_TARGET = 2000.0
RSS_TARGET = 400.0
LEDGER_TARGET = 1000.0
PAGE = 200  # the list model's page


def sizes() -> list[int]:
    if common.QUICK:
        return [3000]
    raw = os.environ.get("TONGHU_BENCH_SCALE", "3000,30000,100000")
    return [int(x) for x in raw.split(",") if x.strip()]


def cpu_wall(fn, repeat: int = 5) -> tuple[float, float]:
    """Median process-CPU and wall milliseconds of `fn`."""
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def queries():
    from app.data.children import ChildQuery
    from app.domain import vocab

    q: dict[str, ChildQuery] = {"list: first page (在册)": ChildQuery(status="在册", limit=PAGE),
                                "list: first page (all)": ChildQuery(limit=PAGE)}
    for text in ("张", "小明", "zxm", "wangj", "320", "3201152", "20150315", "X"):
        q[f"search {text!r}"] = ChildQuery(text=text, limit=PAGE)
    for group in (vocab.LEFT_BEHIND_GROUP, vocab.HARDSHIP_GROUP):
        q[f"filter {group}"] = ChildQuery(group=group, limit=PAGE)
    q["filter 困境 + sort by age"] = ChildQuery(group=vocab.HARDSHIP_GROUP, sort="age", limit=PAGE)
    # scrolling on: the list model reads the next page at an offset
    q["filter 留守: page 2"] = ChildQuery(group=vocab.LEFT_BEHIND_GROUP, limit=PAGE, offset=PAGE)
    q["filter 困境 + age: page 11"] = ChildQuery(group=vocab.HARDSHIP_GROUP, sort="age", limit=PAGE, offset=10 * PAGE)
    for cat in vocab.CATEGORIES:
        q[f"filter {cat}"] = ChildQuery(category=cat, limit=PAGE)
    q["filter 低保 + 在册"] = ChildQuery(category=vocab.CATEGORY_LOW_INCOME, status="在册", limit=PAGE)
    for colour in ("红", "黄", "蓝", "绿", "未评估"):
        q[f"filter {colour}"] = ChildQuery(colour=colour, limit=PAGE)
    for status in vocab.STATUSES:
        q[f"filter {status}"] = ChildQuery(status=status, limit=PAGE)
    for sort in ("name", "sex", "age", "id_number", "colour", "status", "group_name", "last_visit_date",
                 "next_visit_due"):
        q[f"sort {sort} desc"] = ChildQuery(sort=sort, descending=True, limit=PAGE)
    q["search 'wang' + 困境 + 红"] = ChildQuery(text="wang", group=vocab.HARDSHIP_GROUP, colour="红", limit=PAGE)
    return q


def cold_start(path: Path, repeat: int = 3) -> dict:
    runs = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-m", "bench.scale_start", str(path)], capture_output=True, text=True,
                             env=env, cwd=Path(__file__).parent.parent, timeout=900)
        if out.returncode != 0:
            raise RuntimeError(f"scale_start failed:\n{out.stderr[-3000:]}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def in_process(path: Path, n: int) -> list[tuple[str, float, float, float | None, str]]:
    """(name, cpu ms, wall ms, target, note) for the data-layer measures over one store."""
    from app.data import benefits, cases, protection, schoolroll_import
    from app.data import children as C
    from app.data.dashboard import compute_dashboard
    from app.data.store import Store
    from app.sync import client

    key = scale_store.data_key(path)
    today = scale_store.TODAY
    out = []
    # what the window waits for: follow-ups and screening progress fill in later (issue 17);
    # the "before" tree computes everything first
    first: dict = {"with_follow_ups": False, "with_screening": False}
    if "with_screening" not in inspect.signature(compute_dashboard).parameters:
        first = {}
    store = Store.open_with_key(path, key, scale_store.USER)  # cold: a fresh engine and page cache
    try:
        with store.read_session() as s:
            c, w = time.process_time(), time.perf_counter()
            d = compute_dashboard(s, today=today, **first)
            out.append(("工作台: counts + lists, cold", (time.process_time() - c) * 1000, (time.perf_counter() - w) * 1000,
                        DASH_TARGET, f"active {d.active}, overdue {d.overdue.count}"))
            cpu, wall = cpu_wall(lambda: compute_dashboard(s, today=today, **first))
            out.append(("工作台: counts + lists, warm", cpu, wall, DASH_TARGET, ""))
            from app.data import dashboard as dash
            heavy = {
                "工作台 later: 跟进到期": lambda: dash.follow_ups_due(s, today).items,
                "工作台 later: 排查进度": lambda: dash.open_round_progress(s),
                "工作台 section: 应保未保": lambda: benefits.looks_eligible_unpaid(s, today),
                "工作台 section: 待终止": lambda: benefits.entitlements_to_end(s, today),
                "工作台 section: 强制报告": lambda: protection.report_alarms(s),
                "工作台 section: 劝返": lambda: schoolroll_import.open_tasks(s),
                "工作台 section: 个案": lambda: cases.open_cases(s),
            }
            for name, fn in heavy.items():
                found = fn()
                cpu, wall = cpu_wall(fn, repeat=3)
                out.append((name, cpu, wall, None, f"{len(found)} lines"))
            for name, q in queries().items():
                def run(q=q):
                    C.list_children(s, q, today=today)
                    C.count_children(s, q, today=today)
                run()
                cpu, wall = cpu_wall(run)
                hits = C.count_children(s, q, today=today)
                out.append((name, cpu, wall, LIST_TARGET, f"{hits} hits"))
        cpu, wall = cpu_wall(lambda: client.purge_out_of_scope(store), repeat=3)
        out.append(("post-sync: full purge scan", cpu, wall, None, "every child and linked row checked"))
        try:
            from app.sync.purge_gate import after_sync as gate
        except ImportError:  # the "before" tree
            gate = None
        if gate is not None:
            gate(store, set())  # records the scope checked
            cpu, wall = cpu_wall(lambda: gate(store, set()), repeat=5)
            out.append(("post-sync: nothing moved (gated)", cpu, wall, None, "purge skipped"))
            with store.read_session() as s:
                from sqlalchemy import select

                from app.data.models import Child
                some = set(s.scalars(select(Child.id).limit(100)))
            cpu, wall = cpu_wall(lambda: gate(store, some), repeat=5)
            out.append(("post-sync: 100 children changed (gated)", cpu, wall, None, "only those checked"))
    finally:
        store.close()
    return out


def ledger_series() -> list[tuple[int, float, float, int]]:
    from app.print import fonts, ledger, sources
    from app.data.store import Store

    fonts.ensure_font()
    rows = []
    for n in ([2000] if common.QUICK else [2000, 4000, 8000]):
        path = scale_store.ensure_ledger_store(n)
        store = Store.open_with_key(path, scale_store.data_key(path), scale_store.USER)
        try:
            ctx = sources.context(store)
            month = f"{ctx.today:%Y-%m}"
            out = path.with_suffix(".pdf")
            cpu, wall = cpu_wall(lambda store=store, month=month, ctx=ctx, out=out: ledger.render(
                sources.ledger(store, month, ctx.today), ctx, out), repeat=3)
            pages = out.read_bytes().count(b"/Type /Page\n")
        finally:
            store.close()
        rows.append((n, cpu, wall, pages))
    return rows


def run() -> list[Result]:
    os.environ["TONGHU_FAST_KDF"] = "1"
    results: list[Result] = []
    table: dict[str, dict[int, float]] = {}
    notes: dict[tuple[str, int], str] = {}
    targets: dict[str, float | None] = {}
    load = os.getloadavg()[0]
    for n in sizes():
        path, built = scale_store.ensure(n)
        if built:
            results.append(Result(f"scale {n}: build demo store", built, "s", note="once, then cached"))
        print(f"  {n:,} children: cold start ...", flush=True)
        start = cold_start(path, repeat=1 if common.QUICK else 3)
        for name, key, wall_key, target in (("start: window + 工作台 counts (CPU)", "window_cpu", "window_ms", None),
                                            ("start: usable, + 名册 first page (CPU)", "usable_cpu", "usable_ms",
                                             START_TARGET),
                                            ("start: every section filled (CPU)", "complete_cpu", "complete_ms", None),
                                            ("start: longest event-loop stall (wall)", "max_gap_ms", None, None)):
            table.setdefault(name, {})[n] = start[key]
            targets[name] = target
            notes[(name, n)] = f"wall {start[wall_key]:.0f} ms" if wall_key else "while the sections fill in"
        table.setdefault("memory: peak RSS", {})[n] = start["rss_mib"]
        targets["memory: peak RSS"] = RSS_TARGET
        print(f"  {n:,} children: queries ...", flush=True)
        for name, cpu, wall, target, note in in_process(path, n):
            table.setdefault(name, {})[n] = cpu
            targets[name] = target
            notes[(name, n)] = f"wall {wall:.0f} ms; {note}".rstrip("; ")
    print("  ledger ...", flush=True)
    for n, cpu, wall, pages in ledger_series():
        name = "ledger (monthly, CPU)"
        table.setdefault(name, {})[n] = cpu
        targets[name] = LEDGER_TARGET if n == 2000 else None
        notes[(name, n)] = f"wall {wall:.0f} ms; {pages} pages"

    print(f"\n  scale series (load average {load:.1f} on {os.cpu_count()} cores; ms are CPU unless noted)")
    for name, by_size in table.items():
        prev = None
        cells = []
        for n, value in by_size.items():
            unit = "MiB" if name.startswith("memory") else "ms"
            growth = f" ×{value / prev[1]:.1f}/×{n / prev[0]:.0f}" if prev and prev[1] else ""
            cells.append(f"{n // 1000}k {value:8.1f}{unit}{growth}")
            target = targets.get(name)
            if name == "ledger (monthly, CPU)":  # the target is on 2,000 children (the others show the growth)
                target = LEDGER_TARGET if n == 2000 else None
            results.append(Result(f"scale {n // 1000}k: {name}", value, unit, target,
                                  note=(notes.get((name, n), "") + (f"; growth ×{value / prev[1]:.2f} for ×{n / prev[0]:.1f} size"
                                                                   if prev and prev[1] else "")).strip("; ")))
            prev = (n, value)
        print(f"  {name:<42} " + " | ".join(cells))
    return results
