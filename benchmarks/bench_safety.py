"""Data safety under stress (issue 9): the kill test, the zip bomb, and what the lock and the
read-back check cost a save.

- SIGKILL a writer at random moments during saves (KILLS, default 200; TOM_AUDIT_KILLS):
  every file and every `.bak` must load afterwards, and the next save leaves no temp file
  behind. A broken file stops the benchmark with AssertionError.
- import-review of a 1.5 MB workbook that unpacks to 1.5 GB, and `validate` of a 400-deep
  YAML list: refused, in a fresh process, timed, with its peak RSS (target: < 2 s, < 200 MB).
- a save (lock + read-back check + atomic write with backup) beside the bare atomic write.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from benchmarks.common import Row, best_of

KILLS = int(os.environ.get("TOM_AUDIT_KILLS", "200"))


def _writer_loop(path: Path) -> None:  # in a forked child; never returns
    from tom_audit.logic.answers import Edit, record
    from tom_audit.store.assessment_store import update_assessment

    ids: list[str] = []
    n = 0
    while True:
        n += 1

        def change(loaded, n=n):
            if not ids:
                ids.extend(m.id for m in loaded.catalogue.measures)
            record(loaded.assessment, loaded.catalogue, ids[n % len(ids)],
                   Edit(status="implemented", note=f"Version {n}: " + "Lorem ipsum dolor sit amet. " * 200))

        update_assessment(path, change)


def kill_test(path: Path, kills: int) -> tuple[float, int]:
    """SIGKILL `kills` writers of `path` mid-save; returns (seconds, bytes of temp files
    left after the next save)."""
    from tom_audit.store.assessment_store import load_assessment, save_assessment

    rng = random.Random(9)
    start = time.perf_counter()
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:
            try:
                _writer_loop(path)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        load_assessment(path)  # raises if the file is broken
        backup = path.with_name(path.name + ".bak")
        if backup.exists():
            load_assessment(backup)
    elapsed = time.perf_counter() - start
    loaded = load_assessment(path)
    save_assessment(path, loaded.assessment)  # the next save clears what the kills left
    litter = sum(p.stat().st_size for p in path.parent.iterdir() if p.name.endswith(".tmp"))
    return elapsed, litter


def write_bomb(path: Path, size: int = 1_500_000_000) -> None:
    chunk = b"\0" * 2**20
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        info = zipfile.ZipInfo("xl/comments1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)


_MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run([sys.executable, "-m", "tom_audit", *sys.argv[1:]], capture_output=True)
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(result.returncode, elapsed, rss)
"""


def refused_in_fresh_process(*args: str) -> tuple[int, float, float]:
    """(exit code, seconds, peak RSS in MB) of `tom-audit ARGS` in its own process."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def run(ctx) -> list[Row]:
    from tom_audit.store.assessment_store import load_assessment, render, save_assessment
    from tom_audit.store.atomic import atomic_write

    rows = []
    size = min(ctx.sizes)
    source = ctx.assessment(size)
    work = ctx.work / "safety"
    work.mkdir(exist_ok=True)
    target = work / "kill.tom.yaml"
    target.write_bytes(source.read_bytes())
    seconds, litter = kill_test(target, KILLS)
    print(f"kill test: {KILLS} SIGKILLs during saves of a {size}-measure file in {seconds:.0f} s: "
          f"every file and .bak whole; temp files left after the next save: {litter} bytes", file=sys.stderr)
    assert litter == 0, f"{litter} bytes of temp files left"

    book = work / "bomb.xlsx"
    write_bomb(book)
    bare = refused_in_fresh_process("--version")
    for label, args in (
        (f"{book.stat().st_size / 1e6:.1f} MB zip bomb (import-review)", ("import-review", str(source), str(book))),
        ("400-deep YAML list (validate)", ("validate", str(_deep_file(work)))),
    ):
        code, elapsed, rss = refused_in_fresh_process(*args)
        print(f"{label}: exit {code}, {elapsed:.2f} s, peak RSS {rss:.0f} MB (start-up alone: {bare[2]:.0f} MB)",
              file=sys.stderr)
        assert code == 2, f"{label}: exit {code}"
        rows.append(Row(size, f"refuse {label}", elapsed, "tom-audit --version", bare[1]))

    for n in ctx.sizes:
        path = work / f"save-{n}.tom.yaml"
        path.write_bytes(ctx.assessment(n).read_bytes())
        loaded = load_assessment(path)
        rows.append(Row(n, "save: lock, read-back check, atomic+backup",
                        best_of(lambda: save_assessment(path, loaded.assessment), ctx.repeats(n)),
                        "render + atomic_write, no lock",
                        best_of(lambda: atomic_write(path, render(loaded.assessment).encode("utf-8")), ctx.repeats(n))))
    return rows


def _deep_file(folder: Path) -> Path:
    path = folder / "deep.tom.yaml"
    path.write_text('format: "tom-audit/assessment"\nformat_version: 1\ndeep: ' + "[" * 400 + "]" * 400 + "\n")
    return path


if __name__ == "__main__":  # python -m benchmarks.bench_safety: the kill test alone
    import tempfile

    from benchmarks.common import Context

    with tempfile.TemporaryDirectory() as folder:
        ctx = Context(work=Path(folder), sizes=(200,))
        source = ctx.assessment(200)
        print(kill_test(source, KILLS))

