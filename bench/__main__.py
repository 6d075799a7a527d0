"""Run the benchmarks: `python -m bench [NAME ...]` prints a table and writes bench/results/*.json.

Each module in BENCHES exposes `run() -> list[Result]`.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

from bench import common
from bench.common import Result

BENCHES = [
    "bench.bench_children",
    "bench.bench_sync",
    "bench.bench_bundle",
    "bench.bench_dashboard",
    "bench.bench_print",
    "bench.bench_scale",
    "bench.bench_roster",
    "bench.bench_console",
]


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = [a for a in argv if not a.startswith("-")]
    common.QUICK = "--quick" in argv
    results: list[Result] = []
    for name in BENCHES:
        short = name.split(".")[-1].removeprefix("bench_")
        if wanted and short not in wanted:
            continue
        print(f"== {short}", flush=True)
        results.extend(importlib.import_module(name).run())
    width = max([len(r.name) for r in results] + [10])
    print(f"\n{'benchmark':<{width}}  {'measured':>14}  {'floor':>12}  {'ratio':>7}  {'target':>12}  ok")
    for r in results:
        targets = []
        if r.target is not None:
            targets.append(f"{r.target:g} {r.unit}")
        if r.max_ratio is not None:
            targets.append(f"×{r.max_ratio:g}")
        target = " ".join(targets) or "-"
        ok = "-" if r.target is None and r.max_ratio is None else ("yes" if r.ok else "NO")
        floor = f"{r.floor:>9.1f} {r.unit:<2}" if r.floor is not None else "-"
        ratio = f"{r.ratio:.1f}" if r.ratio is not None else "-"
        print(f"{r.name:<{width}}  {r.value:>9.1f} {r.unit:<4}  {floor:>12}  {ratio:>7}  {target:>12}  {ok}")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    tag = next((a.split("=", 1)[1] for a in argv if a.startswith("--tag=")), "")
    path = out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}{'-' + tag if tag else ''}{'-quick' if common.QUICK else ''}.json"
    path.write_text(json.dumps({
        "machine": {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count()},
        "quick": common.QUICK,
        "results": [r.as_dict() for r in results],
    }, ensure_ascii=False, indent=1), "utf-8")
    print(f"\nwritten {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
