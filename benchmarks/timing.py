"""Per-document timing and memory figures shared by the benchmarks."""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of one method on each document of a run."""

    name: str
    seconds: list[float]

    @property
    def docs(self) -> int:
        return len(self.seconds)

    @property
    def total_s(self) -> float:
        return sum(self.seconds)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.total_s if self.total_s else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0

    @property
    def p95_ms(self) -> float:
        if len(self.seconds) < 2:
            return self.median_ms
        return statistics.quantiles(self.seconds, n=20)[-1] * 1000

    def summary(self) -> dict[str, float | int | str]:
        return {
            "name": self.name,
            "docs": self.docs,
            "total_s": round(self.total_s, 3),
            "docs_per_s": round(self.docs_per_s, 2),
            "median_ms_per_doc": round(self.median_ms, 3),
            "p95_ms_per_doc": round(self.p95_ms, 3),
        }


def time_each(name: str, fn: Callable[[Any], Any], items: Sequence[Any], warmup: int) -> Timing:
    """Run ``fn`` on the first ``warmup`` items untimed (caches, lazy loads), then time every item.

    A garbage collection before the timed pass keeps one method's garbage out of the next one's
    figures; the collector stays on during the pass because it is on in production too.
    """
    for item in items[:warmup]:
        fn(item)
    gc.collect()
    seconds = []
    clock = time.perf_counter
    for item in items:
        start = clock()
        fn(item)
        seconds.append(clock() - start)
    return Timing(name, seconds)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024
