"""`python -m benchmarks [--sizes 200,2000]`: run every benchmarks/bench_*.py and print a table."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
from pathlib import Path

import benchmarks
from benchmarks.common import SIZES, Context


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--only", help="run only bench_<ONLY>.py")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    modules = [m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")]
    if args.only:
        modules = [m for m in modules if m == f"bench_{args.only}"]
    with tempfile.TemporaryDirectory(prefix="tom-bench-") as work:
        ctx = Context(work=Path(work), sizes=sizes)
        rows = []
        for name in sorted(modules):
            print(f"running {name} ...", file=sys.stderr, flush=True)
            rows += importlib.import_module(f"benchmarks.{name}").run(ctx)
    header = f"{'measures':>8}  {'step':<45}  {'ours':>9}  {'floor':>9}  {'x floor':>7}  floor is"
    print(header)
    print("-" * len(header))
    for row in sorted(rows, key=lambda r: (r.size,)):
        ratio = row.ours / row.floor if row.floor else float("nan")
        print(f"{row.size:>8}  {row.step:<45}  {row.ours * 1000:>7.1f}ms  {row.floor * 1000:>7.1f}ms  {ratio:>7.2f}  {row.floor_name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
