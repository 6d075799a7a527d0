"""Printing speed (DESIGN §6): 200 prefilled visit forms into one PDF (target under 2 s), and the
monthly ledger of a 2,000-child village (landscape, about 80 pages).

The store is a fresh demo village of 2,000 children (`app.data.demo`, extensions off so only the
children are generated), with colours set and about one visit a child this month inserted in
bulk. Timed:
- "font": registering the embedded CJK font (once per process, the first print pays it);
- "200 visit forms": laying out and writing 200 prefilled forms from data already read;
- "200 visit forms + query": the same including reading the 200 children from the store;
- "ledger 2000": reading and laying out the ledger of all 2,000 children.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import Result, time_ms


def cpu_ms(fn, repeat: int = 3) -> float:
    """Median CPU time of this process for `fn` (steadier than wall time on a shared machine)."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        samples.append((time.process_time() - start) * 1000)
    return sorted(samples)[len(samples) // 2]

CHILDREN = int(os.environ.get("TONGHU_BENCH_PRINT_CHILDREN", "2000"))
FORMS = 200
PASSWORD = "bench-password-1"
VILLAGE = "320115101201"


def build(path: Path):
    from sqlalchemy import insert, select, update

    from app.data import demo
    from app.data.ids import new_id
    from app.data.models import Child
    from app.data.models.visits import Visit
    from app.data.store import Store

    store = Store.create(path, user="lin", password=PASSWORD, village_code=VILLAGE, village_name="东山村",
                         township_name="秣陵街道", county_name="江宁区", display_name="林主任")
    saved, demo.DEMO_EXTENSIONS[:] = list(demo.DEMO_EXTENSIONS), []
    try:
        demo.generate(store, children=CHILDREN, seed=3)
    finally:
        demo.DEMO_EXTENSIONS[:] = saved
    rng = random.Random(5)
    today = dt.date.today()
    first = today.replace(day=1)
    with store.session() as s:
        ids = list(s.scalars(select(Child.id)))
        colours = ["红"] * 2 + ["黄"] * 8 + ["蓝"] * 60 + ["绿"] * 30
        visits = []
        for cid in ids:
            colour = rng.choice(colours)
            last = first + dt.timedelta(days=rng.randrange(0, max(1, (today - first).days + 1)))
            due = last + dt.timedelta(days={"红": 7, "黄": 15}.get(colour, 30))
            s.execute(update(Child).where(Child.id == cid).values(colour=colour, last_visit_date=last, next_visit_due=due))
            visits.append({"id": new_id(), "child_id": cid, "visit_date": last, "kind": "入户", "visitor": "林主任",
                           "findings": "一切正常", "checklist": "{}", "follow_ups": "[]", "hlc": "0", "origin": "bench",
                           "deleted": False, "versions": "{}", "present": "", "lives_where": "", "lives_with": "",
                           "needs": "", "help_given": "", "reassess": False, "amend_reason": ""})
        s.execute(insert(Visit), visits)
    return store


def run() -> list[Result]:
    os.environ.setdefault("TONGHU_FAST_KDF", "1")
    from app.print import fonts, ledger, sources, visit_form

    start = time.perf_counter()
    fonts.ensure_font()
    font_ms = (time.perf_counter() - start) * 1000

    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "print.store")
        try:
            ctx = sources.context(store)
            sheets = sources.due_sheets(store, "month", "group", ctx.today + dt.timedelta(days=40), limit=FORMS)
            assert len(sheets) == FORMS, len(sheets)
            out = Path(tmp) / "forms.pdf"
            forms_ms = time_ms(lambda: visit_form.render(sheets, ctx, out), repeat=3)
            forms_cpu = cpu_ms(lambda: visit_form.render(sheets, ctx, out))
            pages = visit_form.render(sheets, ctx).count(b"/Type /Page\n")

            def forms_with_query():
                visit_form.render(sources.due_sheets(store, "month", "group", ctx.today + dt.timedelta(days=40),
                                                     limit=FORMS), ctx, out)

            query_ms = time_ms(forms_with_query, repeat=3)
            month = f"{ctx.today:%Y-%m}"
            ledger_out = Path(tmp) / "ledger.pdf"
            ledger_ms = time_ms(lambda: ledger.render(sources.ledger(store, month, ctx.today), ctx, ledger_out), repeat=2)
            ledger_cpu = cpu_ms(lambda: ledger.render(sources.ledger(store, month, ctx.today), ctx, ledger_out), 1)
            ledger_pages = ledger_out.read_bytes().count(b"/Type /Page\n")
        finally:
            store.close()
    return [
        Result("print: register CJK font (once)", font_ms, "ms"),
        Result(f"print: {FORMS} visit forms, one PDF", forms_ms, "ms", 2000, note=f"{pages} pages"),
        Result(f"print: {FORMS} visit forms, CPU time", forms_cpu, "ms", 2000),
        Result(f"print: {FORMS} visit forms + query", query_ms, "ms", 2000),
        Result(f"print: ledger of {CHILDREN} children", ledger_ms, "ms", note=f"{ledger_pages} pages"),
        Result(f"print: ledger of {CHILDREN} children, CPU", ledger_cpu, "ms"),
    ]
