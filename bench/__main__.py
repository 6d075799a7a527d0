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

from bench.common import Result

BENCHES = [
    "bench.bench_children",
    "bench.bench_sync",
    "bench.bench_bundle",
    "bench.bench_dashboard",
    "bench.bench_print",
]


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = [a for a in argv if not a.startswith("-")]
    results: list[Result] = []
    for name in BENCHES:
        short = name.split(".")[-1].removeprefix("bench_")
        if wanted and short not in wanted:
            continue
        print(f"== {short}", flush=True)
        results.extend(importlib.import_module(name).run())
    width = max([len(r.name) for r in results] + [10])
    print(f"\n{'benchmark':<{width}}  {'measured':>12}  {'target':>10}  ok")
    for r in results:
        target = f"{r.target:g} {r.unit}" if r.target is not None else "-"
        ok = "-" if r.target is None else ("yes" if r.ok else "NO")
        print(f"{r.name:<{width}}  {r.value:>9.1f} {r.unit:<2}  {target:>10}  {ok}")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    path = out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({
        "machine": {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count()},
        "results": [r.as_dict() for r in results],
    }, ensure_ascii=False, indent=1), "utf-8")
    print(f"\nwritten {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
