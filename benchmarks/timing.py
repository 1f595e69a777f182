"""Per-document timing and memory figures shared by the benchmarks.

Every document is timed twice: wall clock (what a user waits) and this process's CPU time (what the
work costs).  On a machine shared with other jobs the wall clock inflates while CPU time barely
moves, so both are printed with the CPU share of the wall time: below ~90 % the machine was busy and
the CPU-time figures are the ones to quote.
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

BUSY_MACHINE_CPU_SHARE = 0.9


def _median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000 if seconds else 0.0


def _p95_ms(seconds: list[float]) -> float:
    if len(seconds) < 2:
        return _median_ms(seconds)
    return statistics.quantiles(seconds, n=20)[-1] * 1000


@dataclass(frozen=True)
class Timing:
    """Wall-clock and CPU seconds of one method on each document of a run."""

    name: str
    wall: list[float]
    cpu: list[float]

    @property
    def docs(self) -> int:
        return len(self.wall)

    @property
    def wall_s(self) -> float:
        return sum(self.wall)

    @property
    def cpu_s(self) -> float:
        return sum(self.cpu)

    @property
    def docs_per_s(self) -> float:
        """Documents per wall-clock second."""
        return self.docs / self.wall_s if self.wall_s else 0.0

    @property
    def docs_per_cpu_s(self) -> float:
        """Documents per CPU second: the throughput of one core this process had to itself."""
        return self.docs / self.cpu_s if self.cpu_s else 0.0

    @property
    def cpu_share(self) -> float:
        return self.cpu_s / self.wall_s if self.wall_s else 0.0

    @property
    def median_ms(self) -> float:
        return _median_ms(self.wall)

    @property
    def median_cpu_ms(self) -> float:
        return _median_ms(self.cpu)

    @property
    def p95_cpu_ms(self) -> float:
        return _p95_ms(self.cpu)

    def summary(self) -> dict[str, float | int | str]:
        return {
            "name": self.name,
            "docs": self.docs,
            "wall_s": round(self.wall_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "cpu_share_of_wall": round(self.cpu_share, 3),
            "docs_per_s": round(self.docs_per_s, 2),
            "docs_per_cpu_s": round(self.docs_per_cpu_s, 2),
            "median_ms_per_doc": round(self.median_ms, 3),
            "median_cpu_ms_per_doc": round(self.median_cpu_ms, 3),
            "p95_cpu_ms_per_doc": round(self.p95_cpu_ms, 3),
        }


def time_each(name: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> Timing:
    """Time ``fn`` on every item (warm it up first: lazy loads would land on the first item).

    A garbage collection before the timed pass keeps one method's garbage out of the next one's
    figures; the collector stays on during the pass because it is on in production too.
    """
    gc.collect()
    wall: list[float] = []
    cpu: list[float] = []
    wall_clock, cpu_clock = time.perf_counter, time.process_time
    for item in items:
        wall_start, cpu_start = wall_clock(), cpu_clock()
        fn(item)
        cpu.append(cpu_clock() - cpu_start)
        wall.append(wall_clock() - wall_start)
    return Timing(name, wall, cpu)


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process so far, or of its largest finished child process
    (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024
