"""Robustness and coverage run: every corpus release through the extraction, in worker processes.

No document may crash the run: the pipeline records failures in ``error``, and anything that still
escapes it is caught here, counted as a crash and reported with its traceback and doc_id.

"Meeting releases" are defined from the corpus alone, never from our extractor's output, so the
denominator does not move when the extractor changes: a release whose title or first body
paragraph (as ``benchmarks.corpus.split_release`` finds them) contains ประชุม, สัมมนา, อบรม,
เปิดงาน or พิธี.  Among them the run reports the share of records carrying each event field; the
same shares among all releases judged events, and the distribution of event_type, are printed too.
"""

from __future__ import annotations

import heapq
import re
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import Pool
from typing import Any

from benchmarks.corpus import Release, split_release
from benchmarks.timing import peak_rss_mib
from extract.pipeline import extract_article_and_record

MEETING_WORDS = re.compile("ประชุม|สัมมนา|อบรม|เปิดงาน|พิธี")
# Fields whose presence the run counts; "officials" means at least one official.
COVERED_FIELDS = (
    "event_date",
    "event_time",
    "venue",
    "province",
    "officials",
    "programme_name",
    "attendee_count",
    "organizer",
    "event_type",
)
_SLOWEST_KEPT = 10
_ERRORS_KEPT = 200
_MISSING_EXAMPLES_KEPT = 20


@dataclass(frozen=True, slots=True)
class DocOutcome:
    """What the parent needs of one release's extraction (small: it crosses a process boundary)."""

    doc_id: str
    seconds: float  # CPU time of the extraction: immune to other jobs on a shared machine
    chars: int
    is_meeting: bool
    is_event: bool = False
    event_type: str | None = None
    filled: frozenset[str] = frozenset()
    error: str | None = None
    crash: str | None = None


def is_meeting_release(release: Release) -> bool:
    parts = split_release(release)
    lead = parts.paragraphs[0] if parts.paragraphs else ""
    return bool(MEETING_WORDS.search(parts.title) or MEETING_WORDS.search(lead))


def examine(release: Release, html: bool = False) -> DocOutcome:
    """Extract one release and summarise the record; never raises."""
    try:
        is_meeting = is_meeting_release(release)
        item = release.as_html_input() if html else release.as_text_input()
    except Exception:
        return DocOutcome(release.doc_id, 0.0, len(release.text), False, crash=traceback.format_exc())
    start = time.process_time()
    try:
        record = extract_article_and_record(item)[1]
    except Exception:
        return DocOutcome(
            release.doc_id,
            time.process_time() - start,
            len(release.text),
            is_meeting,
            crash=traceback.format_exc(),
        )
    seconds = time.process_time() - start
    filled = frozenset(
        name
        for name in COVERED_FIELDS
        if (record.officials if name == "officials" else getattr(record, name))
    )
    return DocOutcome(
        doc_id=release.doc_id,
        seconds=seconds,
        chars=len(release.text),
        is_meeting=is_meeting,
        is_event=record.is_event,
        event_type=record.event_type,
        filled=filled,
        error=record.error,
    )


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


@dataclass
class CoverageReport:
    docs: int = 0
    chars: int = 0
    wall_s: float = 0.0
    peak_rss_mib: float = 0.0
    extract_cpu_s: float = 0.0
    workers: int = 1
    html: bool = False
    events: int = 0
    meetings: int = 0
    meeting_events: int = 0
    meeting_filled: Counter[str] = field(default_factory=Counter)
    # Doc ids to look at: meeting releases not judged events ("is_event"), and meeting releases
    # judged events but lacking a field.
    meeting_missing: dict[str, list[str]] = field(default_factory=dict)
    event_filled: Counter[str] = field(default_factory=Counter)
    event_types: Counter[str] = field(default_factory=Counter)
    error_count: int = 0
    errors: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str, int]] = field(default_factory=list)  # a min-heap

    def add(self, outcome: DocOutcome) -> None:
        self.docs += 1
        self.chars += outcome.chars
        self.extract_cpu_s += outcome.seconds
        entry = (outcome.seconds, outcome.doc_id, outcome.chars)
        if len(self.slowest) < _SLOWEST_KEPT:
            heapq.heappush(self.slowest, entry)
        else:
            heapq.heappushpop(self.slowest, entry)
        if outcome.crash:
            self.crashes.append(f"doc_id={outcome.doc_id}\n{outcome.crash}")
            return
        if outcome.error:
            self.error_count += 1
            if len(self.errors) < _ERRORS_KEPT:
                self.errors.append(outcome.error)
        if outcome.is_event:
            self.events += 1
            self.event_filled.update(outcome.filled)
            self.event_types[outcome.event_type or "none"] += 1
        if outcome.is_meeting:
            self.meetings += 1
            self.meeting_events += outcome.is_event
            self.meeting_filled.update(outcome.filled)
            # A release not judged an event has no event fields at all: listed once, as is_event.
            missing = (
                ["is_event"]
                if not outcome.is_event
                else [f for f in COVERED_FIELDS if f not in outcome.filled]
            )
            for name in missing:
                examples = self.meeting_missing.setdefault(name, [])
                if len(examples) < _MISSING_EXAMPLES_KEPT:
                    examples.append(outcome.doc_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "input": "html" if self.html else "text",
            "workers": self.workers,
            "mean_chars_per_doc": round(self.chars / self.docs, 1) if self.docs else 0.0,
            "wall_s": round(self.wall_s, 2),
            "docs_per_s_wall": round(self.docs / self.wall_s, 2) if self.wall_s else 0.0,
            "docs_per_cpu_s": round(self.docs / self.extract_cpu_s, 2) if self.extract_cpu_s else 0.0,
            "peak_rss_mib": round(self.peak_rss_mib, 1),
            "errors": self.error_count,
            "crashes": len(self.crashes),
            "share_events": _share(self.events, self.docs),
            "meeting_definition": "title or first body paragraph contains " + MEETING_WORDS.pattern,
            "meeting_releases": self.meetings,
            "meeting_share_events": _share(self.meeting_events, self.meetings),
            "meeting_share_with": {f: _share(self.meeting_filled[f], self.meetings) for f in COVERED_FIELDS},
            "meeting_missing_examples": self.meeting_missing,
            "event_share_with": {f: _share(self.event_filled[f], self.events) for f in COVERED_FIELDS},
            "event_type_distribution": dict(self.event_types.most_common()),
            "slowest_docs": [
                {"doc_id": d, "cpu_ms": round(s * 1000, 1), "chars": c}
                for s, d, c in sorted(self.slowest, reverse=True)
            ],
            "error_messages": self.errors,
            "crash_tracebacks": self.crashes,
        }


def warm_up() -> None:
    """Load the pipeline and gazetteers before the first timed document, so per-document times
    and the slowest-documents list show extraction, not start-up (wall time still includes it)."""
    extract_article_and_record({"doc_id": "warm-up", "text": "ทดสอบ\n\nวันนี้ (1 ม.ค. 67) มีการประชุม"})


def _outcomes(releases: Iterable[Release], html: bool, workers: int) -> Iterator[DocOutcome]:
    if workers <= 1:
        warm_up()
        yield from map(partial(examine, html=html), releases)
        return
    with Pool(processes=workers, initializer=warm_up) as pool:
        # Unordered and chunked: workers never wait on each other, and pickling stays cheap.
        yield from pool.imap_unordered(partial(examine, html=html), releases, chunksize=32)


def run_coverage(
    releases: Iterable[Release], *, html: bool = False, workers: int = 2, progress_every: int = 0
) -> CoverageReport:
    report = CoverageReport(workers=workers, html=html)
    start = time.perf_counter()
    for outcome in _outcomes(releases, html, workers):
        report.add(outcome)
        if progress_every and report.docs % progress_every == 0:
            elapsed = time.perf_counter() - start
            print(f"  … {report.docs} docs, {report.docs / elapsed:.0f} docs/s", flush=True)
    report.wall_s = time.perf_counter() - start
    # The largest of this process and its (finished) workers: a worker's memory growth over a
    # long run is what would exhaust a small machine.
    report.peak_rss_mib = max(peak_rss_mib(), peak_rss_mib(children=True))
    return report


def format_report(report: CoverageReport) -> str:
    data = report.as_dict()
    lines = [
        f"docs: {data['docs']} ({data['input']} input, {data['workers']} worker processes, "
        f"mean {data['mean_chars_per_doc']:,.0f} characters)",
        f"errors: {data['errors']}   crashes: {data['crashes']}   peak RSS (largest process): "
        f"{data['peak_rss_mib']:.0f} MiB",
        f"docs/s: {data['docs_per_s_wall']:.1f} wall clock over {data['workers']} workers "
        f"(wall {data['wall_s']:.0f} s), {data['docs_per_cpu_s']:.1f} per CPU second of extraction",
        f"share judged events: {data['share_events']:.1%}",
        f"meeting releases ({data['meeting_definition']}): {data['meeting_releases']} "
        f"({_share(report.meetings, report.docs):.1%} of docs), judged events {data['meeting_share_events']:.1%}",
        "  share with: " + ", ".join(f"{k} {v:.1%}" for k, v in data["meeting_share_with"].items()),
        f"judged events: {report.events}",
        "  share with: " + ", ".join(f"{k} {v:.1%}" for k, v in data["event_share_with"].items()),
        "event_type distribution (events): "
        + ", ".join(
            f"{k} {v} ({_share(v, report.events):.1%})" for k, v in data["event_type_distribution"].items()
        ),
        "slowest docs (cpu): "
        + ", ".join(f"{d['doc_id']} {d['cpu_ms']:.0f} ms/{d['chars']} chars" for d in data["slowest_docs"]),
    ]
    lines += [f"  error {e}" for e in report.errors[:20]]
    lines += [f"  CRASH {c}" for c in report.crashes[:5]]
    return "\n".join(lines)
