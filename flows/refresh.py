"""Prefect flows: refresh (crawl -> extract -> load -> publish) and reextract (from the WARC archive).

One process writes the database: crawls run as child processes that only write JSONL and WARC files,
and this flow is the single DuckDB writer. Network work (the crawl) is the only thing retried.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from crawlers.run import crawl_in_subprocess
from crawlers.sources import load_sources
from crawlers.warc import read_html
from extract.pipeline import extract_article_and_record
from extract.version import EXTRACTOR_VERSION
from flows.paths import StatePaths
from flows.store import (
    PageRef,
    db_stats,
    finish_extraction_run,
    known_state,
    load_extraction,
    open_db,
    pages_to_extract,
    publish_snapshot,
    record_crawl,
    start_extraction_run,
    upsert_sources,
)


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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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


def crawl_groups(source_ids: list[str], workers: int) -> list[list[str]]:
    """Deal sources round-robin into at most `workers` groups, one child process each."""
    count = max(1, min(workers, len(source_ids)))
    return [source_ids[i::count] for i in range(count)]


def _page_html(paths: StatePaths, page: PageRef) -> str | bytes:
    from crawlers.encoding import decode_html

    _, headers, body = read_html(paths.warc_dir, page.warc_file, page.warc_offset)
    html, _ = decode_html(body, headers.get("Content-Type") if headers else None)
    return html


@task(cache_policy=NO_CACHE)
def extract_and_load(
    db_path: Path, paths: StatePaths, trigger: str, all_pages: bool = False
) -> dict[str, Any]:
    """Extract every page that needs it (new, changed, or older extractor) and load the events."""
    logger = get_run_logger()
    con = open_db(db_path)
    try:
        run_id = start_extraction_run(con, EXTRACTOR_VERSION, trigger)
        pages = pages_to_extract(con, EXTRACTOR_VERSION, all_pages=all_pages)
        counts = {"pages": len(pages), "events": 0, "errors": 0, "not_events": 0}
        errors: list[str] = []
        for page in pages:
            try:
                html = _page_html(paths, page)
            except Exception as exc:  # a damaged archive record must not stop the batch
                counts["errors"] += 1
                errors.append(
                    f"cannot read WARC record {page.warc_file}@{page.warc_offset} for {page.url}: {exc}; "
                    "re-crawl the page (delete its pages row) or restore the archive file"
                )
                continue
            article, record = extract_article_and_record(
                {"doc_id": page.canonical_url, "html": html, "url": page.url}
            )
            if record.error or article is None:
                counts["errors"] += 1
                errors.append(f"{page.url}: {record.error}")
            load_extraction(
                con,
                page,
                text=article.norm.surface if article else "",
                title=article.title if article else None,
                published=article.published if article else None,
                record=record,
                run_id=run_id,
            )
            counts["events" if record.is_event else "not_events"] += 1
        finish_extraction_run(con, run_id, counts)
        for message in errors[:20]:
            logger.warning(message)
        return {**counts, "run_id": run_id, "error_samples": errors[:20]}
    finally:
        con.close()


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
    crawl_workers: int = 2,
) -> dict[str, Any]:
    """Crawl enabled sources in parallel child processes, extract new/changed pages, load, publish."""
    started = time.monotonic()
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

    groups = crawl_groups([s.id for s in sources], crawl_workers)
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
            record_crawl(con, f"{run_dir.name}-{group_name}", run_dir / group_name)
            summary.sources.update(stats.get("by_source", {}))
            summary.pages_fetched += int(stats.get("responses", 0))
            summary.articles_fetched += int(stats.get("articles_fetched", 0))
            summary.articles_new += int(stats.get("articles_new", 0))
            summary.articles_changed += int(stats.get("articles_changed", 0))
            summary.articles_unchanged += int(stats.get("articles_unchanged", 0))
            summary.errors += int(stats.get("errors", 0))
    finally:
        con.close()

    loaded = extract_and_load(db_path, paths, trigger="refresh")
    summary.events_loaded = loaded["events"]
    summary.errors += loaded["errors"]
    summary.error_samples += loaded["error_samples"]

    con = open_db(db_path)
    try:
        summary.events_total = int(db_stats(con)["tables"]["events"])
    finally:
        con.close()
    summary.snapshot = str(publish_snapshot(db_path))
    summary.elapsed_s = round(time.monotonic() - started, 2)
    create_markdown_artifact(_summary_markdown(summary), key="khaosan-refresh-summary")
    return summary.as_dict()


@flow(name="khaosan-reextract", log_prints=True)
def reextract_flow(db_path: Path, all_pages: bool = False) -> dict[str, Any]:
    """Re-extract archived pages whose events came from another extractor version; no crawling."""
    started = time.monotonic()
    paths = StatePaths.for_db(db_path)
    loaded = extract_and_load(db_path, paths, trigger="reextract", all_pages=all_pages)
    snapshot = publish_snapshot(db_path)
    result = {**loaded, "extractor_version": EXTRACTOR_VERSION, "snapshot": str(snapshot)}
    result["elapsed_s"] = round(time.monotonic() - started, 2)
    create_markdown_artifact(
        f"# Khaosan re-extraction\n\n```json\n{json.dumps(result, ensure_ascii=False, indent=1)}\n```",
        key="khaosan-reextract-summary",
    )
    return result
