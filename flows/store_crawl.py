"""Crawl side of the store: sources, crawl runs, raw pages, listing state and crawl errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from crawlers.recorder import COUNTERS
from flows.store_bulk import insert_rows
from flows.store_clock import parse_utc, utc_now
from flows.store_identity import stable_id

# crawl_runs has one column per counter the crawl recorder keeps.
_STAT_COLUMNS = COUNTERS


@dataclass
class CrawlLoad:
    """What one record_crawl call found and added (a second load of the same run adds nothing)."""

    run_id: str
    pages_read: int = 0
    pages_added: int = 0
    listings_read: int = 0
    errors_read: int = 0
    errors_added: int = 0
    bad_lines: list[str] = field(default_factory=list)


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[dict]) -> None:
    rows = [
        [
            source["id"],
            source["family"],
            source["base_url"],
            bool(source.get("enabled", True)),
            json.dumps(source.get("params") or {}, ensure_ascii=False, sort_keys=True),
        ]
        for source in sources
    ]
    if not rows:
        return
    con.executemany(
        """
        INSERT INTO sources VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (source_id) DO UPDATE SET
            family = excluded.family, base_url = excluded.base_url,
            enabled = excluded.enabled, params = excluded.params
        """,
        rows,
    )


def known_state(con: duckdb.DuckDBPyConnection) -> dict:
    """KNOWN.json for the crawler: latest content hash per article URL, validators per listing."""
    articles = con.execute(
        """
        SELECT canonical_url, content_sha256 FROM pages
        WHERE content_sha256 IS NOT NULL AND status BETWEEN 200 AND 299
        QUALIFY row_number() OVER (PARTITION BY canonical_url ORDER BY fetched_at DESC, page_id DESC) = 1
        ORDER BY canonical_url
        """
    ).fetchall()
    listings = con.execute("SELECT url, etag, last_modified FROM listing_state ORDER BY url").fetchall()
    return {
        "articles": dict(articles),
        "listings": {
            url: {"etag": etag, "last_modified": last_modified}
            for url, etag, last_modified in listings
            if etag or last_modified
        },
    }


def _jsonl(path: Path, load: CrawlLoad) -> Iterator[dict[str, Any]]:
    """Objects of a JSONL file; a killed crawl can leave a truncated last line, which is skipped."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                load.bad_lines.append(f"{path}:{number}: not JSON ({exc}); line skipped")
                continue
            if isinstance(item, dict):
                yield item
            else:
                load.bad_lines.append(f"{path}:{number}: expected a JSON object; line skipped")


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _page_row(run_id: str, page: dict[str, Any]) -> list[Any] | None:
    url = page.get("url")
    fetched_at = parse_utc(page.get("fetched_at"))
    if not url or fetched_at is None:
        return None
    page_id = stable_id(
        "page", run_id, url, page["fetched_at"], str(page.get("warc_file")), str(page.get("warc_offset"))
    )
    return [
        page_id,
        run_id,
        str(page.get("source_id") or ""),
        str(url),
        str(page.get("canonical_url") or url),
        fetched_at,
        _int_or_none(page.get("status")),
        _text_or_none(page.get("content_sha256")),
        _text_or_none(page.get("warc_file")),
        _int_or_none(page.get("warc_offset")),
        _int_or_none(page.get("warc_length")),
        _text_or_none(page.get("encoding")),
        _text_or_none(page.get("content_type")),
        None if page.get("changed") is None else bool(page.get("changed")),
        _text_or_none(page.get("http_etag")),
        _text_or_none(page.get("http_last_modified")),
    ]


def _load_pages(con: duckdb.DuckDBPyConnection, run_id: str, run_dir: Path, load: CrawlLoad) -> None:
    rows = []
    for number, page in enumerate(_jsonl(run_dir / "pages.jsonl", load), start=1):
        row = _page_row(run_id, page)
        if row is None:
            load.bad_lines.append(f"{run_dir / 'pages.jsonl'}: record {number} lacks url or fetched_at")
            continue
        rows.append(row)
    load.pages_read = len(rows)
    before = con.execute("SELECT count(*) FROM pages").fetchone()[0]
    if rows:
        insert_rows(con, "INSERT OR IGNORE INTO pages", rows)
    load.pages_added = con.execute("SELECT count(*) FROM pages").fetchone()[0] - before


def _load_listings(con: duckdb.DuckDBPyConnection, run_id: str, run_dir: Path, load: CrawlLoad) -> None:
    rows = []
    for listing in _jsonl(run_dir / "listings.jsonl", load):
        if not listing.get("url"):
            continue
        status = 304 if listing.get("not_modified") else _int_or_none(listing.get("status"))
        rows.append(
            [
                str(listing["url"]),
                str(listing.get("source_id") or ""),
                _text_or_none(listing.get("etag")),
                _text_or_none(listing.get("last_modified")),
                status,
                run_id,
                _int_or_none(listing.get("article_links")),
                _int_or_none(listing.get("new_links")),
            ]
        )
    load.listings_read = len(rows)
    if not rows:
        return
    # One statement per round, round k holding each URL's k-th response of this run: the same result
    # as row-by-row upserts (a statement may not upsert one key twice), without a statement per row.
    rounds: list[list[list[Any]]] = []
    seen: dict[str, int] = {}
    for row in rows:
        occurrence = seen[row[0]] = seen.get(row[0], -1) + 1
        if occurrence == len(rounds):
            rounds.append([])
        rounds[occurrence].append(row)
    for round_rows in rounds:
        _upsert_listings(con, round_rows)


def _upsert_listings(con: duckdb.DuckDBPyConnection, rows: list[list[Any]]) -> None:
    # Only a successful response carries validators for the current content: a 304 or a failed
    # fetch keeps the stored ones.
    insert_rows(
        con,
        "INSERT INTO listing_state",
        rows,
        on_conflict="""
        ON CONFLICT (url) DO UPDATE SET
            source_id = excluded.source_id,
            etag = CASE WHEN excluded.last_status BETWEEN 200 AND 299
                        THEN excluded.etag ELSE listing_state.etag END,
            last_modified = CASE WHEN excluded.last_status BETWEEN 200 AND 299
                                 THEN excluded.last_modified ELSE listing_state.last_modified END,
            last_status = excluded.last_status,
            last_run_id = excluded.last_run_id,
            article_links = excluded.article_links,
            new_links = excluded.new_links
        """,
    )


def _load_errors(con: duckdb.DuckDBPyConnection, run_id: str, run_dir: Path, load: CrawlLoad) -> None:
    rows = []
    for number, error in enumerate(_jsonl(run_dir / "errors.jsonl", load), start=1):
        rows.append(
            [
                stable_id("crawl_error", run_id, str(number), json.dumps(error, sort_keys=True)),
                run_id,
                _text_or_none(error.get("source_id")),
                _text_or_none(error.get("url")),
                _text_or_none(error.get("stage")),
                _int_or_none(error.get("status")),
                _text_or_none(error.get("message")),
                parse_utc(error.get("at")),
            ]
        )
    load.errors_read = len(rows)
    before = con.execute("SELECT count(*) FROM crawl_errors").fetchone()[0]
    if rows:
        insert_rows(con, "INSERT OR IGNORE INTO crawl_errors", rows)
    load.errors_added = con.execute("SELECT count(*) FROM crawl_errors").fetchone()[0] - before


def _run_stats(run_dir: Path, load: CrawlLoad) -> dict[str, Any]:
    path = run_dir / "stats.json"
    if not path.is_file():
        return {}
    try:
        stats = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        load.bad_lines.append(f"{path}: not JSON ({exc}); run statistics not recorded")
        return {}
    return stats if isinstance(stats, dict) else {}


def record_crawl(con: duckdb.DuckDBPyConnection, run_id: str, run_dir: Path) -> CrawlLoad:
    """Load one crawl run's JSONL outputs; loading the same run again changes nothing."""
    load = CrawlLoad(run_id=run_id)
    run_dir = Path(run_dir)
    con.begin()
    try:
        _load_pages(con, run_id, run_dir, load)
        _load_listings(con, run_id, run_dir, load)
        _load_errors(con, run_id, run_dir, load)
        stats = _run_stats(run_dir, load)
        elapsed = stats.get("elapsed_s")
        con.execute(
            f"""
            INSERT INTO crawl_runs VALUES (?, ?, ?, {", ".join("?" for _ in _STAT_COLUMNS)}, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET
                run_dir = excluded.run_dir, stats = excluded.stats, elapsed_s = excluded.elapsed_s,
                {", ".join(f"{column} = excluded.{column}" for column in _STAT_COLUMNS)}
            """,
            [
                run_id,
                str(run_dir),
                utc_now(),
                *[_int_or_none(stats.get(column)) for column in _STAT_COLUMNS],
                float(elapsed) if isinstance(elapsed, int | float) else None,
                json.dumps(stats, ensure_ascii=False, sort_keys=True),
            ],
        )
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise
    return load
