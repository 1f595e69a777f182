"""Extraction side of the store: articles, events with their mentions, officials, venues, programmes.

An event is the group of articles that report the same happening: the first article loaded for it
is the primary mention and supplies the event's values (with their evidence spans); later
near-duplicates from other sites become further mentions (see flows/dedup.py). Event ids derive
from the first mention's canonical URL and never change afterwards.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import duckdb

from flows.dedup import TextFingerprint, fingerprint, similarity, venues_compatible
from flows.store_clock import utc_now
from flows.store_identity import (
    article_id_for,
    compact,
    name_key,
    position_key,
    positions_compatible,
    programme_key,
    stable_id,
    venue_key,
)
from schemas.models import EventRecord, Official


@dataclass(frozen=True)
class PageRef:
    """A fetched page to extract (the latest fetch of its canonical URL)."""

    page_id: str
    source_id: str
    url: str
    canonical_url: str
    content_sha256: str | None
    warc_file: str | None
    warc_offset: int | None
    fetched_at: datetime | None
    warc_length: int | None = None
    encoding: str | None = None


LoadAction = Literal["new_event", "merged", "updated", "no_event", "unchanged", "error"]


@dataclass(frozen=True)
class LoadOutcome:
    """What load_extraction did with one page: new_event, merged (as a further mention of an
    existing event), updated (re-extraction of a known mention), no_event, unchanged or error."""

    article_id: str
    action: LoadAction
    event_id: str | None = None
    similarity: float | None = None
    error: str | None = None


def pages_to_extract(
    con: duckdb.DuckDBPyConnection, extractor_version: str, *, all_pages: bool = False
) -> list[PageRef]:
    """Latest successful fetch per canonical URL whose content or extractor version is not stored yet.

    Ordered by fetch time so the earliest copy of a republished release becomes the primary mention.
    """
    rows = con.execute(
        """
        WITH latest AS (
            SELECT * FROM pages
            WHERE content_sha256 IS NOT NULL AND status BETWEEN 200 AND 299
            QUALIFY row_number() OVER (PARTITION BY canonical_url ORDER BY fetched_at DESC, page_id DESC) = 1
        )
        SELECT l.page_id, l.source_id, l.url, l.canonical_url, l.content_sha256, l.warc_file,
               l.warc_offset, l.fetched_at, l.warc_length, l.encoding
        FROM latest AS l
        LEFT JOIN articles AS a ON a.canonical_url = l.canonical_url
        WHERE $all_pages
           OR a.article_id IS NULL
           OR a.content_sha256 IS DISTINCT FROM l.content_sha256
           OR a.extractor_version <> $version
        ORDER BY l.fetched_at, l.page_id
        """,
        {"all_pages": all_pages, "version": extractor_version},
    ).fetchall()
    return [PageRef(*row) for row in rows]


def start_extraction_run(con: duckdb.DuckDBPyConnection, extractor_version: str, trigger: str) -> str:
    started = utc_now()
    run_id = f"x{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    con.execute(
        "INSERT INTO extraction_runs VALUES (?, ?, ?, ?, NULL, NULL)",
        [run_id, extractor_version, trigger, started],
    )
    return run_id


def finish_extraction_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict) -> None:
    """Close the run and drop dictionary rows (officials, venues, programmes) no event uses any more."""
    con.begin()
    try:
        con.execute(
            "UPDATE extraction_runs SET finished_at = ?, counts = ? WHERE run_id = ?",
            [utc_now(), json.dumps(counts, ensure_ascii=False, sort_keys=True, default=str), run_id],
        )
        con.execute(
            "DELETE FROM officials WHERE official_id NOT IN (SELECT official_id FROM event_officials)"
        )
        con.execute(
            "DELETE FROM venues WHERE venue_id NOT IN "
            "(SELECT venue_id FROM events WHERE venue_id IS NOT NULL)"
        )
        con.execute(
            "DELETE FROM programmes WHERE programme_id NOT IN "
            "(SELECT programme_id FROM events WHERE programme_id IS NOT NULL)"
        )
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise


@dataclass(frozen=True)
class _ArticleInput:
    article_id: str
    page: PageRef
    text: str
    text_sha256: str
    title: str | None
    published: date | None
    record: EventRecord
    record_json: str
    extractor_version: str
    run_id: str


def load_extraction(
    con: duckdb.DuckDBPyConnection,
    page: PageRef,
    *,
    text: str,
    title: str | None,
    published: date | None,
    record: EventRecord,
    run_id: str,
) -> LoadOutcome:
    """Store one page's article and extraction; never raises for bad input (returns action='error')."""
    article_id = article_id_for(page.canonical_url)
    try:
        version = record.extractor_version or _run_version(con, run_id)
        # The article's own title and date fill what the extractor left out, so the event row and
        # the stored record agree with the article row.
        record = record.model_copy(
            update={
                "extractor_version": version,
                "title": record.title or title,
                "published_date": record.published_date or published,
            }
        )
        item = _ArticleInput(
            article_id=article_id,
            page=page,
            text=text,
            text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            title=title,
            published=published or record.published_date,
            record=record,
            record_json=record.model_dump_json(),
            extractor_version=version,
            run_id=run_id,
        )
        if _is_unchanged(con, item):
            return LoadOutcome(article_id, "unchanged", event_id=_event_of(con, article_id))
        con.begin()
        try:
            outcome = _store(con, item)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return outcome
    except Exception as exc:  # the contract: one bad page is reported, never stops the load
        message = f"{page.canonical_url}: could not store the extraction ({type(exc).__name__}: {exc})"
        return LoadOutcome(article_id, "error", error=message)


def _run_version(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    row = con.execute("SELECT extractor_version FROM extraction_runs WHERE run_id = ?", [run_id]).fetchone()
    return row[0] if row else ""


def _event_of(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    row = con.execute("SELECT event_id FROM event_mentions WHERE article_id = ?", [article_id]).fetchone()
    return row[0] if row else None


def _is_unchanged(con: duckdb.DuckDBPyConnection, item: _ArticleInput) -> bool:
    """Same page content, text, title, date and record as stored: a repeated load is a no-op."""
    row = con.execute(
        """
        SELECT content_sha256, text_sha256, title, published_date, record::VARCHAR, page_id
        FROM articles WHERE article_id = ?
        """,
        [item.article_id],
    ).fetchone()
    return row == (
        item.page.content_sha256,
        item.text_sha256,
        item.title,
        item.published,
        item.record_json,
        item.page.page_id,
    )


def _store(con: duckdb.DuckDBPyConnection, item: _ArticleInput) -> LoadOutcome:
    text_fingerprint = fingerprint(item.text)
    _upsert_article(con, item, text_fingerprint)
    mention = con.execute(
        "SELECT event_id, is_primary FROM event_mentions WHERE article_id = ?", [item.article_id]
    ).fetchone()
    if not item.record.is_event:
        if mention:
            _detach_mention(con, item.article_id, mention[0])
        return LoadOutcome(item.article_id, "no_event")

    if mention:
        event_id, is_primary = mention
        con.execute(
            "UPDATE event_mentions SET extractor_version = ?, extraction_run_id = ? WHERE article_id = ?",
            [item.extractor_version, item.run_id, item.article_id],
        )
        if is_primary:
            _write_event(con, event_id, item.article_id, item.record, item.run_id)
        action: LoadAction = "updated"
        score = None
    else:
        match = _find_duplicate_event(con, item, text_fingerprint)
        if match:
            event_id, score = match
            action = "merged"
        else:
            event_id, score = _fresh_event_id(con, item.page.canonical_url), None
            _write_event(con, event_id, item.article_id, item.record, item.run_id)
            action = "new_event"
        con.execute(
            "INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?, ?)",
            [item.article_id, event_id, action == "new_event", score, item.extractor_version, item.run_id],
        )
    _replace_officials(con, event_id, item.article_id, item.record)
    _refresh_seen(con, event_id)
    return LoadOutcome(item.article_id, action, event_id=event_id, similarity=score)


def _upsert_article(con: duckdb.DuckDBPyConnection, item: _ArticleInput, text_fp: TextFingerprint) -> None:
    page = item.page
    con.execute(
        """
        INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (article_id) DO UPDATE SET
            url = excluded.url, source_id = excluded.source_id, page_id = excluded.page_id,
            fetched_at = excluded.fetched_at, content_sha256 = excluded.content_sha256,
            text_sha256 = excluded.text_sha256, title = excluded.title,
            published_date = excluded.published_date, text = excluded.text,
            shingle_count = excluded.shingle_count, minhash = excluded.minhash,
            is_event = excluded.is_event, record = excluded.record, error = excluded.error,
            extractor_version = excluded.extractor_version,
            extraction_run_id = excluded.extraction_run_id
        """,
        [
            item.article_id,
            page.canonical_url,
            page.url,
            page.source_id,
            page.page_id,
            page.fetched_at,
            page.content_sha256,
            item.text_sha256,
            item.title,
            item.published,
            item.text,
            text_fp.shingle_count,
            list(text_fp.minhash),
            item.record.is_event,
            item.record_json,
            item.record.error,
            item.extractor_version,
            item.run_id,
        ],
    )


def _fresh_event_id(con: duckdb.DuckDBPyConnection, canonical_url: str) -> str:
    """sha1 of the first mention's URL; a suffix only if that id survives from an earlier grouping."""
    event_id = stable_id("event", canonical_url)
    attempt = 1
    while con.execute("SELECT 1 FROM events WHERE event_id = ?", [event_id]).fetchone():
        attempt += 1
        event_id = stable_id("event", canonical_url, str(attempt))
    return event_id


def _find_duplicate_event(
    con: duckdb.DuckDBPyConnection, item: _ArticleInput, text_fp: TextFingerprint
) -> tuple[str, float] | None:
    """The event, on the same date, whose mentions best match this text as a near-duplicate."""
    record = item.record
    block_date = record.event_date or item.published
    if block_date is None:
        return None
    candidates = con.execute(
        """
        SELECT e.event_id, e.venue, e.province_code, a.shingle_count, a.minhash
        FROM events AS e
        JOIN event_mentions AS m USING (event_id)
        JOIN articles AS a ON a.article_id = m.article_id
        WHERE coalesce(e.event_date, e.published_date) = ? AND a.article_id <> ?
        ORDER BY e.event_id, a.article_id
        """,
        [block_date, item.article_id],
    ).fetchall()
    best: tuple[str, float] | None = None
    for event_id, venue, province_code, shingle_count, minhash in candidates:
        if not venues_compatible(record.venue, record.province_code, venue, province_code):
            continue
        match = similarity(text_fp, TextFingerprint(shingle_count, tuple(minhash)))
        if match.is_near_duplicate and (best is None or match.score > best[1]):
            best = (event_id, match.score)
    return best


def _write_event(
    con: duckdb.DuckDBPyConnection, event_id: str, article_id: str, record: EventRecord, run_id: str
) -> None:
    """Insert or update the event's values from its primary mention's record (same event_id)."""
    venue_id = _upsert_venue(con, record)
    programme_id = _upsert_programme(con, record)
    evidence = {field: list(span) for field, span in sorted(record.evidence.items())}
    con.execute(
        """
        INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
        ON CONFLICT (event_id) DO UPDATE SET
            primary_article_id = excluded.primary_article_id, event_date = excluded.event_date,
            event_start = excluded.event_start, event_end = excluded.event_end,
            event_time = excluded.event_time, venue = excluded.venue, venue_core = excluded.venue_core,
            venue_id = excluded.venue_id, province = excluded.province,
            province_code = excluded.province_code, attendee_count = excluded.attendee_count,
            attendee_qualifier = excluded.attendee_qualifier, programme_name = excluded.programme_name,
            programme_id = excluded.programme_id, organizer = excluded.organizer,
            event_type = excluded.event_type, published_date = excluded.published_date,
            title = excluded.title, fiscal_year = excluded.fiscal_year, evidence = excluded.evidence,
            extractor_version = excluded.extractor_version,
            extraction_run_id = excluded.extraction_run_id
        """,
        [
            event_id,
            article_id,
            record.event_date,
            record.event_start,
            record.event_end,
            record.event_time,
            record.venue,
            record.venue_core,
            venue_id,
            record.province,
            record.province_code,
            record.attendee_count,
            record.attendee_qualifier,
            record.programme_name,
            programme_id,
            record.organizer,
            record.event_type,
            record.published_date,
            record.title,
            record.fiscal_year,
            json.dumps(evidence, sort_keys=True, separators=(",", ":")),
            record.extractor_version,
            run_id,
        ],
    )


def _upsert_venue(con: duckdb.DuckDBPyConnection, record: EventRecord) -> str | None:
    name = compact(record.venue_core or record.venue)
    if not name:
        return None
    venue_id = stable_id("venue", venue_key(name, record.province_code))
    con.execute(
        "INSERT OR IGNORE INTO venues VALUES (?, ?, ?, ?, ?)",
        [venue_id, name, compact(record.venue_core) or None, record.province, record.province_code],
    )
    return venue_id


def _upsert_programme(con: duckdb.DuckDBPyConnection, record: EventRecord) -> str | None:
    name = compact(record.programme_name)
    if not name:
        return None
    programme_id = stable_id("programme", programme_key(name))
    con.execute("INSERT OR IGNORE INTO programmes VALUES (?, ?)", [programme_id, name])
    return programme_id


def _refresh_seen(con: duckdb.DuckDBPyConnection, event_id: str) -> None:
    """first_seen/last_seen span every recorded fetch of every mention (crawl times, not load time)."""
    con.execute(
        """
        UPDATE events SET
            first_seen = seen.first_seen, last_seen = seen.last_seen
        FROM (
            SELECT least(min(p.fetched_at), min(a.fetched_at)) AS first_seen,
                   greatest(max(p.fetched_at), max(a.fetched_at)) AS last_seen
            FROM event_mentions AS m
            JOIN articles AS a USING (article_id)
            LEFT JOIN pages AS p ON p.canonical_url = a.canonical_url
            WHERE m.event_id = $event_id
        ) AS seen
        WHERE events.event_id = $event_id
        """,
        {"event_id": event_id},
    )


def _detach_mention(con: duckdb.DuckDBPyConnection, article_id: str, event_id: str) -> None:
    """The article no longer reports an event: drop its mention; promote or delete the event."""
    con.execute("DELETE FROM event_officials WHERE article_id = ?", [article_id])
    con.execute("DELETE FROM event_mentions WHERE article_id = ?", [article_id])
    successor = con.execute(
        """
        SELECT m.article_id, m.is_primary, a.record::VARCHAR, m.extraction_run_id
        FROM event_mentions AS m JOIN articles AS a USING (article_id)
        WHERE m.event_id = ?
        ORDER BY m.is_primary DESC, a.fetched_at, m.article_id
        LIMIT 1
        """,
        [event_id],
    ).fetchone()
    if successor is None:
        con.execute("DELETE FROM events WHERE event_id = ?", [event_id])
        return
    next_article, already_primary, record_json, run_id = successor
    if not already_primary:
        con.execute("UPDATE event_mentions SET is_primary = true WHERE article_id = ?", [next_article])
        record = EventRecord.model_validate_json(record_json)
        _write_event(con, event_id, next_article, record, run_id)
    _refresh_seen(con, event_id)


def _replace_officials(
    con: duckdb.DuckDBPyConnection, event_id: str, article_id: str, record: EventRecord
) -> None:
    con.execute("DELETE FROM event_officials WHERE article_id = ?", [article_id])
    rows = []
    for seq, official in enumerate(record.officials):
        if not name_key(official.name):
            continue
        span = official.span or (None, None)
        rows.append(
            [
                event_id,
                article_id,
                seq,
                _resolve_official(con, official),
                compact(official.name),
                official.honorific,
                official.position,
                official.organisation,
                official.role,
                official.is_public_official,
                span[0],
                span[1],
                record.extractor_version,
            ]
        )
    if rows:
        con.executemany("INSERT INTO event_officials VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _resolve_official(con: duckdb.DuckDBPyConnection, official: Official) -> str:
    """One row per person: same name key and a compatible position -> the same official_id.

    Prefers an exact position match, then a compatible one; a position learnt later fills an empty
    one, and a person ever named with a position counts as a public official.
    """
    key = name_key(official.name)
    position = position_key(official.position)
    known = con.execute(
        "SELECT official_id, position_key FROM officials WHERE name_key = ? ORDER BY official_id",
        [key],
    ).fetchall()
    chosen = next((oid for oid, pos in known if pos == position), None) or next(
        (oid for oid, pos in known if positions_compatible(pos, position)), None
    )
    if chosen is None:
        chosen = stable_id("official", key, position)
        con.execute(
            "INSERT INTO officials VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                chosen,
                compact(official.name),
                key,
                official.honorific,
                official.position,
                position,
                official.organisation,
                official.is_public_official,
            ],
        )
        return chosen
    con.execute(
        """
        UPDATE officials SET
            position = CASE WHEN position_key = '' THEN $position ELSE position END,
            organisation = CASE WHEN organisation = '' THEN $organisation ELSE organisation END,
            position_key = CASE WHEN position_key = '' THEN $position_key ELSE position_key END,
            is_public_official = is_public_official OR $public
        WHERE official_id = $id
        """,
        {
            "position": official.position,
            "organisation": official.organisation,
            "position_key": position,
            "public": official.is_public_official,
            "id": chosen,
        },
    )
    return chosen
