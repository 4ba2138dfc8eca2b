"""What every benchmark module shares: generated inputs, timing, and the result row.

A benchmark module is `benchmarks/bench_<area>.py` with `run(ctx) -> list[Row]`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SIZES = (200, 2_000, 20_000)


@dataclass(frozen=True)
class Row:
    size: int  # measures
    step: str  # what of ours was timed
    ours: float  # seconds, best of the repeats
    floor_name: str  # the bare operation it is compared with
    floor: float  # seconds, best of the repeats


def best_of(fn: Callable[[], object], repeats: int = 3) -> float:
    """The fastest of `repeats` runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_each(fns: list[Callable[[], object]], repeats: int = 3) -> list[float]:
    """The fastest of `repeats` runs of each of `fns`, run in turns (ours, floor, ours,
    floor, ...): a slow spell of the machine then hits both alike, not one of them."""
    times = [[] for _ in fns]
    for _ in range(repeats):
        for fn, taken in zip(fns, times):
            start = time.perf_counter()
            fn()
            taken.append(time.perf_counter() - start)
    return [min(taken) for taken in times]


@dataclass
class Context:
    work: Path  # a scratch folder for this run
    sizes: tuple[int, ...] = SIZES
    _files: dict = field(default_factory=dict)

    def repeats(self, size: int) -> int:
        return 1 if size >= 20_000 else 3

    def catalogue(self, size: int) -> Path:
        """A valid catalogue of `size` measures, made from the bundled one."""
        from benchmarks.generate import write_catalogue

        key = ("catalogue", size)
        if key not in self._files:
            self._files[key] = write_catalogue(self.work / f"catalogue-{size}.yaml", size)
        return self._files[key]

    def assessment(self, size: int) -> Path:
        """A filled assessment of that catalogue: every measure answered, with notes,
        evidence, gaps and reviews on a share of them."""
        from benchmarks.generate import write_assessment

        key = ("assessment", size)
        if key not in self._files:
            self._files[key] = write_assessment(self.work / f"assessment-{size}.tom.yaml", self.catalogue(size))
        return self._files[key]


@cache
def bundled_data() -> dict:
    import yaml

    path = Path(__file__).resolve().parents[1] / "catalogues" / "tom-art32.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
