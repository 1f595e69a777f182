"""Prefect flows: refresh (crawl -> extract -> load -> publish) and reextract (from the WARC archive).

One process writes the database: crawls run as child processes that only write JSONL and WARC files,
and this flow is the single DuckDB writer. Network work (the crawl) is the only thing retried.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from crawlers.run import crawl_in_subprocess
from crawlers.sources import load_sources
from crawlers.warc import read_html
from extract.pipeline import extract_article_and_record
from extract.version import EXTRACTOR_VERSION
from flows.dedup import TextFingerprint, fingerprint
from flows.paths import StatePaths
from flows.search import SearchTerms, article_terms, update_search_index
from flows.store import (
    ExtractionInput,
    PageRef,
    db_stats,
    finish_extraction_run,
    known_state,
    load_extractions,
    open_db,
    pages_to_extract,
    publish_snapshot,
    record_crawl,
    start_extraction_run,
    upsert_sources,
)
from schemas.models import EventRecord

# Pages per extraction task: large enough to amortise task overhead (Prefect's task engine seems to cost a
# worker about half a CPU-second per task: 500 instead of 200 cut a 10k-release run's worker CPU by
# 13 % and its extract+load stage by 16 %), small enough that loading starts while other batches
# are still being extracted. A batch is also one load transaction.
EXTRACT_BATCH = 500
# Batches submitted ahead of the loader: two per worker keeps both busy while the writer loads, and
# waiting results (~40 KB a page in memory) stay near 100 MB. A local process pool whose writer
# extracts too gets one queued batch per worker instead (see `run_extract_and_load`).
EXTRACT_IN_FLIGHT = 4


@dataclass
class RefreshSummary:
    """What a refresh did: printed by the CLI, stored as a Prefect artifact."""

    pages_fetched: int = 0
    articles_fetched: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_changed: int = 0
    events_loaded: int = 0
    events_total: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    extractor_version: str = EXTRACTOR_VERSION
    snapshot: str | None = None
    elapsed_s: float = 0.0
    stage_s: dict[str, float] = field(default_factory=dict)
    # CPU of this process per stage (all its threads; not the crawl children or extraction workers)
    stage_cpu_s: dict[str, float] = field(default_factory=dict)
    extract_timings: dict[str, float] = field(default_factory=dict)
    extract_batches: dict[str, int] = field(default_factory=dict)  # extracted by workers / by the writer

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class StageClock:
    """Seconds spent per named stage: `lap(name)` charges the time since the previous lap to `name`,
    in wall-clock seconds and in CPU seconds of this process."""

    def __init__(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.process_time()
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now, now_cpu = time.perf_counter(), time.process_time()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + now_cpu - self._last_cpu
        self._last, self._last_cpu = now, now_cpu

    def rounded(self) -> dict[str, float]:
        return _rounded(self.seconds)

    def rounded_cpu(self) -> dict[str, float]:
        return _rounded(self.cpu_seconds)


def _rounded(seconds: dict[str, float]) -> dict[str, float]:
    return {name: round(value, 2) for name, value in seconds.items()}


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE, tags=["network"])
def crawl_sources(
    sources_path: Path,
    source_ids: list[str],
    run_dir: Path,
    warc_dir: Path,
    known_path: Path,
    politeness: bool,
) -> dict[str, Any]:
    """Crawl a group of sources in one child process (Scrapy's reactor cannot restart in this one).

    Politeness is per host inside the child, so grouping many small sites in one child costs no
    courtesy and saves a Scrapy process (~80 MB) per site.
    """
    result = crawl_in_subprocess(
        sources_path,
        run_dir,
        warc_dir,
        known_path=known_path,
        only=source_ids,
        politeness=politeness,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"crawl of sources {', '.join(source_ids)} exited with code {result.returncode}: "
            f"{result.stderr_tail.strip()[-800:]} (full log: {run_dir}/crawl.log)"
        )
    return result.stats


def default_crawl_workers() -> int:
    """Crawl child processes when none are asked for: two per core.

    Sources are dealt to the children up front and the children finish at different times. With one
    child per core, the core of the first to finish stayed idle until the last was done: 18 s of one
    core in the 63k benchmark. With two per core the others still keep every core busy (each child
    is ~100 MB; politeness is per host, so more children never put more load on one site).
    """
    return 2 * (os.cpu_count() or 1)


def crawl_groups(source_ids: list[str], workers: int) -> list[list[str]]:
    """Deal sources round-robin into at most `workers` groups, one child process each."""
    count = max(1, min(workers, len(source_ids)))
    return [source_ids[i::count] for i in range(count)]


@dataclass(frozen=True)
class ExtractedPage:
    """One page's extraction, computed in a worker and loaded by the single DuckDB writer."""

    page: PageRef
    text: str
    title: str | None
    published: date | None
    record: EventRecord
    error: str | None = None
    # Computed here rather than by the single writer, which would otherwise spend ~3 ms a page on
    # them while the workers wait. The fingerprint only for events (the only texts compared).
    fingerprint: TextFingerprint | None = None
    search_terms: SearchTerms | None = None

    def as_input(self) -> ExtractionInput:
        return ExtractionInput(
            self.page,
            self.text,
            self.title,
            self.published,
            self.record,
            self.fingerprint,
            self.search_terms,
        )


def _extract_page(warc_dir: Path, page: PageRef) -> ExtractedPage:
    """Read one archived response and extract it; every failure becomes data, never an exception."""
    from crawlers.encoding import decode_html

    try:
        _, headers, body = read_html(warc_dir, page.warc_file, page.warc_offset)
        html, _ = decode_html(body, headers.get("Content-Type") if headers else None)
    except Exception as exc:
        message = (
            f"cannot read WARC record {page.warc_file}@{page.warc_offset} for {page.url}: {exc}; "
            "re-crawl the page (khaosan refresh --only SOURCE) or restore the archive file"
        )
        return ExtractedPage(
            page, "", None, None, EventRecord(doc_id=page.canonical_url, error=message), error=message
        )
    article, record = extract_article_and_record(
        {"doc_id": page.canonical_url, "html": html, "url": page.url}
    )
    text = article.norm.surface if article else ""
    title = article.title if article else None
    return ExtractedPage(
        page=page,
        text=text,
        title=title,
        published=article.published if article else None,
        record=record,
        error=f"{page.url}: {record.error}" if record.error else None,
        fingerprint=fingerprint(text) if record.is_event else None,  # only events are compared
        search_terms=article_terms(title, text),
    )


@task(cache_policy=NO_CACHE)
def extract_batch(warc_dir: Path, pages: list[PageRef]) -> list[ExtractedPage]:
    """Extract a batch of archived pages: pure CPU work, safe on any task runner (threads,
    processes, a Dask cluster); the results travel back to the flow, which alone writes."""
    return [_extract_page(warc_dir, page) for page in pages]


@contextmanager
def _workers_share_this_api() -> Iterator[None]:
    """Point process-pool workers at this process's Prefect API while the block runs.

    Workers inherit this process's environment. Without PREFECT_API_URL (a temporary local API, as
    for `khaosan demo`) each worker started its OWN temporary Prefect server: about 230 MB and
    several seconds of startup per worker, and task states recorded where nobody looks.
    """
    context = FlowRunContext.get()
    api_url = getattr(getattr(context, "client", None), "api_url", None)
    if os.environ.get("PREFECT_API_URL") or not api_url:
        yield
        return
    os.environ["PREFECT_API_URL"] = str(api_url)
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _batches(pages: list[PageRef], size: int) -> list[list[PageRef]]:
    """Batches of `size` pages, except that the last `2 * size` pages go in quarter batches.

    At the end of a run the writer, out of batches to take, waits for those still with the workers
    (one running and one queued each): up to two full batches, ~9 s. Quarter batches there cut that
    last wait to a fraction of a second (0.1 s on 8k releases), for six more tasks and commits.
    The rest of the writer's `extract_wait` (11-14 s on 63k) is not idling at the end: it is taking
    each batch back from its future (~70 ms, unpickling included) and the pool's start-up.
    """
    tail_start = max(0, len(pages) - 2 * size)
    tail_size = max(1, size // 4)
    return [pages[i : min(i + size, tail_start)] for i in range(0, tail_start, size)] + [
        pages[i : i + tail_size] for i in range(tail_start, len(pages), tail_size)
    ]


class _BatchQueue:
    """Extraction batches in page order, each handed to the task runner's workers or, when the
    writer would otherwise sit idle, extracted by the writer itself.

    At most `max_in_flight` batches are with the workers at a time, so memory stays flat however
    many pages wait and however far the workers run ahead of the single writer.
    """

    def __init__(self, warc_dir: Path, batches: list[list[PageRef]], max_in_flight: int) -> None:
        self._warc_dir = warc_dir
        self._waiting = iter(batches)
        self._max_in_flight = max(1, max_in_flight)
        self._slots: deque[PrefectFuture[list[ExtractedPage]] | list[ExtractedPage]] = deque()
        self._finished: set[uuid.UUID] = set()  # task runs done, from the futures' callbacks
        self.by_writer = 0
        self.by_workers = 0

    def __bool__(self) -> bool:
        return bool(self._slots)

    def fill(self) -> None:
        while sum(not isinstance(slot, list) for slot in self._slots) < self._max_in_flight:
            batch = next(self._waiting, None)
            if batch is None:
                return
            future = extract_batch.submit(self._warc_dir, batch)
            future.add_done_callback(lambda done: self._finished.add(done.task_run_id))
            self._slots.append(future)
            self.by_workers += 1

    def help_while_head_runs(self) -> bool:
        """Extract the next unassigned batch here if the oldest one is still with a worker; True if
        it did. Never more than `max_in_flight` finished batches wait, so memory stays bounded."""
        head = self._slots[0] if self._slots else None
        if head is None or isinstance(head, list) or head.task_run_id in self._finished:
            return False
        if sum(isinstance(slot, list) for slot in self._slots) >= self._max_in_flight:
            return False
        batch = next(self._waiting, None)
        if batch is None:
            return False
        self._slots.append(extract_batch(self._warc_dir, batch))
        self.by_writer += 1
        return True

    def next_result(self) -> list[ExtractedPage]:
        head = self._slots.popleft()
        return head if isinstance(head, list) else head.result()


@flow(name="khaosan-extract-load")
def extract_and_load(
    db_path: Path,
    trigger: str,
    all_pages: bool = False,
    batch_size: int = EXTRACT_BATCH,
    max_in_flight: int = EXTRACT_IN_FLIGHT,
    writer_extracts: bool = False,
) -> dict[str, Any]:
    """Extract every page that needs it (new, changed, or older extractor) and load the events.

    A subflow so that its task runner can be chosen per run (`with_options(task_runner=…)`): the
    crawl side wants threads, extraction wants processes or a Dask cluster. With `writer_extracts`
    this process also extracts a batch whenever the oldest one is not back yet, so one core is not
    left to a writer that mostly waits (and one worker process, ~450 MB, is saved). Each batch
    loads in one transaction (`load_extractions`), in page order, so results are the same on
    every task runner.
    """
    logger = get_run_logger()
    clock = StageClock()
    paths = StatePaths.for_db(db_path)
    con = open_db(db_path)
    try:
        run_id = start_extraction_run(con, EXTRACTOR_VERSION, trigger)
        pages = pages_to_extract(con, EXTRACTOR_VERSION, all_pages=all_pages)
        clock.lap("select")
        counts = {"pages": len(pages), "events": 0, "errors": 0, "not_events": 0}
        errors: list[str] = []
        queue = _BatchQueue(paths.warc_dir, _batches(pages, batch_size), max_in_flight)
        with _workers_share_this_api():  # held throughout: a pool may start workers on any submit
            queue.fill()
            while queue:
                if writer_extracts and queue.help_while_head_runs():
                    clock.lap("extract_by_writer")
                    continue
                items = queue.next_result()
                queue.fill()
                clock.lap("extract_wait")
                outcomes = load_extractions(con, [item.as_input() for item in items], run_id=run_id)
                for item, outcome in zip(items, outcomes, strict=True):
                    error = item.error or outcome.error
                    if error:
                        counts["errors"] += 1
                        errors.append(error)
                    counts["events" if item.record.is_event else "not_events"] += 1
                clock.lap("load")
        finish_extraction_run(con, run_id, counts)
        clock.lap("finish")
        for message in errors[:20]:
            logger.warning(message)
        return {
            **counts,
            "run_id": run_id,
            "error_samples": errors[:20],
            "timings": clock.rounded(),
            "batches": {"workers": queue.by_workers, "writer": queue.by_writer},
        }
    finally:
        con.close()


def task_runner_for(kind: str, dask_address: str | None = None, workers: int | None = None) -> TaskRunner:
    """The extraction task runner: "thread" (default), "process" (all cores) or "dask"
    (a local cluster, or the cluster at `dask_address`)."""
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=workers or 1)
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=workers or os.cpu_count() or 1)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers or os.cpu_count() or 1,
                "threads_per_worker": 1,
                "processes": True,
            }
        )
    raise ValueError(f"unknown task runner {kind!r}: use thread, process or dask")


def run_extract_and_load(
    db_path: Path,
    trigger: str,
    task_runner: str,
    dask_address: str | None = None,
    workers: int | None = None,
    all_pages: bool = False,
    batch_size: int = EXTRACT_BATCH,
) -> dict[str, Any]:
    """`extract_and_load` on the chosen task runner.

    On "process" the writer extracts too: the pool defaults to one worker fewer than the cores, and
    keeps one batch queued per worker, so that at the end the writer does not wait long for a
    worker's backlog. On two cores (10k releases end to end) this took 167 instead of 202 CPU-s and
    1.5 instead of 1.8 GB against two workers beside the writer, which oversubscribed the cores.
    """
    options: dict[str, Any] = {}
    if task_runner == "process":
        workers = workers or max(1, (os.cpu_count() or 1) - 1)
        options = {"writer_extracts": True, "max_in_flight": workers + 1}
    runner = task_runner_for(task_runner, dask_address, workers)
    return extract_and_load.with_options(task_runner=runner)(
        db_path, trigger=trigger, all_pages=all_pages, batch_size=batch_size, **options
    )


def _summary_markdown(summary: RefreshSummary) -> str:
    rows = "\n".join(
        f"| {key} | {value} |" for key, value in summary.as_dict().items() if isinstance(value, int | float)
    )
    per_source = "\n".join(
        f"| {sid} | {s.get('articles_fetched', 0)} | {s.get('articles_new', 0)} | {s.get('errors', 0)} |"
        for sid, s in summary.sources.items()
    )
    return (
        f"# Khaosan refresh\n\n| figure | value |\n|---|---|\n{rows}\n\n"
        f"| source | fetched | new | errors |\n|---|---|---|---|\n{per_source}\n"
    )


@flow(name="khaosan-refresh", log_prints=True)
def refresh_flow(
    sources_path: Path,
    db_path: Path,
    politeness: bool = True,
    only: list[str] | None = None,
    crawl_workers: int | None = None,
    task_runner: str = "thread",
    dask_address: str | None = None,
    extract_workers: int | None = None,
) -> dict[str, Any]:
    """Crawl enabled sources in parallel child processes, extract new/changed pages, load, publish."""
    started = time.monotonic()
    clock = StageClock()
    logger = get_run_logger()
    paths = StatePaths.for_db(db_path)
    run_dir = paths.runs_dir / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    run_dir.mkdir(parents=True, exist_ok=True)
    sources = [s for s in load_sources(sources_path) if s.enabled and (not only or s.id in only)]

    con = open_db(db_path)
    try:
        upsert_sources(
            con,
            [
                {
                    "id": s.id,
                    "family": s.family,
                    "base_url": s.base_url,
                    "enabled": s.enabled,
                    "params": dict(s.params),
                }
                for s in sources
            ],
        )
        known_path = run_dir / "known.json"
        known_path.write_text(json.dumps(known_state(con), ensure_ascii=False), encoding="utf-8")
    finally:
        con.close()
    clock.lap("prepare")

    groups = crawl_groups([s.id for s in sources], crawl_workers or default_crawl_workers())
    futures = {
        f"crawl-{i}": (
            group,
            crawl_sources.submit(
                sources_path, group, run_dir / f"crawl-{i}", paths.warc_dir, known_path, politeness
            ),
        )
        for i, group in enumerate(groups)
    }
    summary = RefreshSummary()
    con = open_db(db_path)
    try:
        for group_name, (group, future) in futures.items():
            try:
                stats = future.result()
            except Exception as exc:  # one failing group is recorded; the others still load
                summary.errors += 1
                summary.error_samples.append(f"sources {', '.join(group)}: {exc}")
                logger.error(f"crawl of {', '.join(group)} failed: {exc}")
                stats = {}
            clock.lap("crawl")
            record_crawl(con, f"{run_dir.name}-{group_name}", run_dir / group_name)
            clock.lap("record_crawl")
            summary.sources.update(stats.get("by_source", {}))
            summary.pages_fetched += int(stats.get("responses", 0))
            summary.articles_fetched += int(stats.get("articles_fetched", 0))
            summary.articles_new += int(stats.get("articles_new", 0))
            summary.articles_changed += int(stats.get("articles_changed", 0))
            summary.articles_unchanged += int(stats.get("articles_unchanged", 0))
            summary.errors += int(stats.get("errors", 0))
    finally:
        con.close()

    loaded = run_extract_and_load(db_path, "refresh", task_runner, dask_address, extract_workers)
    clock.lap("extract_load")
    summary.events_loaded = loaded["events"]
    summary.extract_timings = loaded.get("timings", {})
    summary.extract_batches = loaded.get("batches", {})
    summary.errors += loaded["errors"]
    summary.error_samples += loaded["error_samples"]

    con = open_db(db_path)
    try:
        # The loader wrote the workers' search entries; this only indexes articles that came without
        # (none in a normal refresh) and drops entries of removed articles.
        update_search_index(con)
        clock.lap("search_index")
        summary.events_total = int(db_stats(con)["tables"]["events"])
    finally:
        con.close()
    clock.lap("db_stats")
    summary.snapshot = str(publish_snapshot(db_path))
    clock.lap("snapshot")
    summary.stage_s = clock.rounded()
    summary.stage_cpu_s = clock.rounded_cpu()
    summary.elapsed_s = round(time.monotonic() - started, 2)
    create_markdown_artifact(_summary_markdown(summary), key="khaosan-refresh-summary")
    return summary.as_dict()


@flow(name="khaosan-reextract", log_prints=True)
def reextract_flow(
    db_path: Path, all_pages: bool = False, task_runner: str = "thread", dask_address: str | None = None
) -> dict[str, Any]:
    """Re-extract archived pages whose events came from another extractor version; no crawling."""
    started = time.monotonic()
    loaded = run_extract_and_load(db_path, "reextract", task_runner, dask_address, all_pages=all_pages)
    con = open_db(db_path)
    try:
        update_search_index(con)
    finally:
        con.close()
    snapshot = publish_snapshot(db_path)
    result = {**loaded, "extractor_version": EXTRACTOR_VERSION, "snapshot": str(snapshot)}
    result["elapsed_s"] = round(time.monotonic() - started, 2)
    create_markdown_artifact(
        f"# Khaosan re-extraction\n\n```json\n{json.dumps(result, ensure_ascii=False, indent=1)}\n```",
        key="khaosan-reextract-summary",
    )
    return result
