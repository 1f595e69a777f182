"""Extraction side of the store: articles, events with their mentions, officials, venues, programmes.

An event is the group of articles that report the same happening: the first article loaded for it
is the primary mention and supplies the event's values (with their evidence spans); later
near-duplicates from other sites become further mentions (see flows/dedup.py). Event ids derive
from the first mention's canonical URL and never change afterwards.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Literal, NamedTuple

import duckdb

from flows.dedup import TextFingerprint, fingerprint, similarity, venues_compatible
from flows.search import SearchTerms, search_digest
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
from flows.store_pending import ARTICLE_COLUMNS, EVENT_COLUMNS, FIRST_SEEN, LAST_SEEN, PendingRows
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
class ExtractionInput:
    """One page's extraction, for load_extractions.

    Extraction workers can compute the text's near-duplicate fingerprint (needed for events only)
    and its search terms in parallel; whatever is missing is computed here, or (search terms) by
    update_search_index later.
    """

    page: PageRef
    text: str
    title: str | None
    published: date | None
    record: EventRecord
    fingerprint: TextFingerprint | None = None
    search_terms: SearchTerms | None = None


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
    fingerprint: TextFingerprint | None
    search_terms: SearchTerms | None


@dataclass(frozen=True)
class _StoredArticle:
    """What the database already holds for an article: enough to skip or update it."""

    unchanged_key: tuple
    event_id: str | None
    is_primary: bool


class _Candidate(NamedTuple):
    """A mention of an existing event that a new article may duplicate."""

    event_id: str
    article_id: str
    venue: str | None
    province_code: str | None
    fingerprint: TextFingerprint


class _BatchState:
    """Lookups made once per batch, and new rows written once per batch (PendingRows), because
    every DuckDB statement costs milliseconds.

    Each lookup runs on first use only (a batch of unchanged pages needs just the stored articles).
    Articles touched earlier in the same batch are looked up again, since their rows changed. The
    common case, a page never loaded before, only adds rows; anything that reads or updates existing
    rows first calls `settle`, which writes the pending rows and forgets cached candidates.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, items: Sequence[_ArticleInput]) -> None:
        self._con = con
        self._items = items
        self.stored = _stored_articles(con, [item.article_id for item in items])
        self.touched: set[str] = set()
        self.pending = PendingRows()
        self._candidates: dict[date, list[_Candidate]] | None = None

    def settle(self) -> None:
        self.pending.flush(self._con)
        self._candidates = None

    def duplicate_candidates(self, block_date: date) -> list[_Candidate]:
        """Mentions of events on `block_date` (event date, else publication date), in the order
        the matching relies on. Fetched for every date of the batch in one query, then kept up to
        date by `add_candidate` as the batch creates events and mentions."""
        if self._candidates is None:
            self.settle()
            dates = sorted({d for item in self._items if (d := item.record.event_date or item.published)})
            self._candidates = defaultdict(list)
            for day, *candidate in self._con.execute(
                """
                SELECT coalesce(e.event_date, e.published_date), e.event_id, a.article_id, e.venue,
                       e.province_code, a.shingle_count, a.minhash
                FROM events AS e
                JOIN event_mentions AS m USING (event_id)
                JOIN articles AS a ON a.article_id = m.article_id
                WHERE coalesce(e.event_date, e.published_date) IN (SELECT unnest($dates))
                  AND a.minhash IS NOT NULL
                """,
                {"dates": dates},
            ).fetchall():
                *mention, shingle_count, minhash = candidate
                fingerprint = TextFingerprint.from_blob(shingle_count, minhash)
                self._candidates[day].append(_Candidate(*mention, fingerprint))
        return sorted(self._candidates.get(block_date, []), key=lambda c: (c.event_id, c.article_id))

    def add_candidate(self, block_date: date | None, candidate: _Candidate) -> None:
        """A mention written in this batch (a cache built later reads it from the database)."""
        if self._candidates is not None and block_date is not None:
            self._candidates[block_date].append(candidate)

    def _column(self, query: str, params: dict | None = None) -> list:
        return [row[0] for row in self._con.execute(query, params or {}).fetchall()]

    @cached_property
    def venue_ids(self) -> set[str]:
        return set(self._column("SELECT venue_id FROM venues"))

    @cached_property
    def programme_ids(self) -> set[str]:
        return set(self._column("SELECT programme_id FROM programmes"))

    @cached_property
    def officials(self) -> dict[str, list[tuple[str, str, str, bool]]]:
        """name_key -> [(official_id, position_key, organisation, is_public_official)] by id."""
        keys = sorted({name_key(o.name) for item in self._items for o in item.record.officials})
        known: dict[str, list[tuple[str, str, str, bool]]] = {}
        for key, *row in self._con.execute(
            "SELECT name_key, official_id, position_key, organisation, is_public_official FROM officials"
            " WHERE name_key IN (SELECT unnest($keys)) ORDER BY official_id",
            {"keys": keys},
        ).fetchall():
            known.setdefault(key, []).append(tuple(row))
        return known

    @cached_property
    def taken_event_ids(self) -> set[str]:
        """Which of the ids this batch's URLs would get already exist."""
        ids = sorted({stable_id("event", item.page.canonical_url) for item in self._items})
        return set(
            self._column("SELECT event_id FROM events WHERE event_id IN (SELECT unnest($ids))", {"ids": ids})
        )

    @cached_property
    def fetch_span(self) -> dict[str, tuple[datetime, datetime]]:
        """canonical_url -> first and last fetch recorded in pages."""
        urls = sorted({item.page.canonical_url for item in self._items})
        rows = self._con.execute(
            "SELECT canonical_url, min(fetched_at), max(fetched_at) FROM pages"
            " WHERE canonical_url IN (SELECT unnest($urls)) GROUP BY canonical_url",
            {"urls": urls},
        ).fetchall()
        return {url: (first, last) for url, first, last in rows}

    def stored_article(self, con: duckdb.DuckDBPyConnection, article_id: str) -> _StoredArticle | None:
        if article_id in self.touched:
            self.settle()
            return _stored_articles(con, [article_id]).get(article_id)
        self.touched.add(article_id)
        return self.stored.get(article_id)


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
    return load_extractions(con, [ExtractionInput(page, text, title, published, record)], run_id=run_id)[0]


def load_extractions(
    con: duckdb.DuckDBPyConnection, items: Sequence[ExtractionInput], *, run_id: str
) -> list[LoadOutcome]:
    """load_extraction for many pages in one transaction (one disk sync instead of one per page).

    Same results as loading the pages one by one in order. If anything in the batch fails, the batch
    is rolled back and retried page by page, so a bad page only loses itself.
    """
    version = _run_version(con, run_id)
    prepared: list[_ArticleInput | LoadOutcome] = [_prepare(item, version, run_id) for item in items]
    con.begin()
    try:
        batch = _BatchState(con, [p for p in prepared if isinstance(p, _ArticleInput)])
        outcomes = [p if isinstance(p, LoadOutcome) else _load_prepared(con, batch, p) for p in prepared]
        batch.pending.flush(con)
        con.commit()
        return outcomes
    except Exception:
        con.rollback()
        if len(prepared) == 1:
            return [_failed(prepared[0], sys.exc_info()[1])]
    return [load_extractions(con, [item], run_id=run_id)[0] for item in items]


def _failed(item: _ArticleInput | LoadOutcome, exc: BaseException | None) -> LoadOutcome:
    if isinstance(item, LoadOutcome):
        return item
    message = f"{item.page.canonical_url}: could not store the extraction ({type(exc).__name__}: {exc})"
    return LoadOutcome(item.article_id, "error", error=message)


def _prepare(item: ExtractionInput, run_version: str, run_id: str) -> _ArticleInput | LoadOutcome:
    article_id = article_id_for(item.page.canonical_url)
    try:
        version = item.record.extractor_version or run_version
        # The article's own title and date fill what the extractor left out, so the event row and
        # the stored record agree with the article row.
        record = item.record.model_copy(
            update={
                "extractor_version": version,
                "title": item.record.title or item.title,
                "published_date": item.record.published_date or item.published,
            }
        )
        return _ArticleInput(
            article_id=article_id,
            page=item.page,
            text=item.text,
            text_sha256=hashlib.sha256(item.text.encode("utf-8")).hexdigest(),
            title=item.title,
            published=item.published or record.published_date,
            record=record,
            record_json=record.model_dump_json(),
            extractor_version=version,
            run_id=run_id,
            fingerprint=item.fingerprint,
            search_terms=item.search_terms,
        )
    except Exception as exc:  # the contract: one bad page is reported, never stops the load
        message = f"{item.page.canonical_url}: could not store the extraction ({type(exc).__name__}: {exc})"
        return LoadOutcome(article_id, "error", error=message)


def _run_version(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    row = con.execute("SELECT extractor_version FROM extraction_runs WHERE run_id = ?", [run_id]).fetchone()
    return row[0] if row else ""


def _unchanged_key(item: _ArticleInput) -> tuple:
    page = item.page
    return (page.content_sha256, item.text_sha256, item.title, item.published, item.record_json, page.page_id)


def _stored_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, _StoredArticle]:
    rows = con.execute(
        """
        SELECT a.article_id, a.content_sha256, a.text_sha256, a.title, a.published_date, a.record::VARCHAR,
               a.page_id, m.event_id, coalesce(m.is_primary, false)
        FROM articles AS a LEFT JOIN event_mentions AS m USING (article_id)
        WHERE a.article_id IN (SELECT unnest($ids))
        """,
        {"ids": article_ids},
    ).fetchall()
    return {row[0]: _StoredArticle(tuple(row[1:7]), row[7], row[8]) for row in rows}


def _load_prepared(con: duckdb.DuckDBPyConnection, batch: _BatchState, item: _ArticleInput) -> LoadOutcome:
    stored = batch.stored_article(con, item.article_id)
    if stored and stored.unchanged_key == _unchanged_key(item):
        return LoadOutcome(item.article_id, "unchanged", event_id=stored.event_id)
    if stored is not None:
        batch.settle()  # what follows reads and updates this article's rows in the database
    mention = (stored.event_id, stored.is_primary) if stored and stored.event_id else None
    if not item.record.is_event:
        _write_article(con, batch, item, None, exists=stored is not None)
        if mention:
            _detach_mention(con, batch, item.article_id, mention[0])
        return LoadOutcome(item.article_id, "no_event")
    text_fingerprint = item.fingerprint or fingerprint(item.text)
    _write_article(con, batch, item, text_fingerprint, exists=stored is not None)

    if mention:
        event_id, is_primary = mention
        con.execute(
            "UPDATE event_mentions SET extractor_version = ?, extraction_run_id = ? WHERE article_id = ?",
            [item.extractor_version, item.run_id, item.article_id],
        )
        if is_primary:
            _write_event(con, batch, event_id, item.article_id, item.record, item.run_id, exists=True)
        action: LoadAction = "updated"
        score = None
    else:
        block_date = item.record.event_date or item.published
        match = _find_duplicate_event(batch, item, block_date, text_fingerprint)
        if match:
            candidate, score = match
            event_id, venue, province_code = candidate.event_id, candidate.venue, candidate.province_code
            action = "merged"
        else:
            event_id, score = _fresh_event_id(con, batch, item.page.canonical_url), None
            _write_event(con, batch, event_id, item.article_id, item.record, item.run_id, exists=False)
            venue, province_code = item.record.venue, item.record.province_code
            block_date = item.record.event_date or item.record.published_date  # as the event row has it
            action = "new_event"
        batch.pending.add(
            "event_mentions",
            [item.article_id, event_id, action == "new_event", score, item.extractor_version, item.run_id],
        )
        written = _Candidate(event_id, item.article_id, venue, province_code, text_fingerprint)
        batch.add_candidate(block_date, written)
    _replace_officials(con, batch, event_id, item.article_id, item.record, had_officials=stored is not None)
    _extend_seen(con, batch, event_id, item.page)
    return LoadOutcome(item.article_id, action, event_id=event_id, similarity=score)


# Plain INSERT or UPDATE: DuckDB's ON CONFLICT path costs several milliseconds per row.
_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{column} = ?' for column in ARTICLE_COLUMNS)} WHERE article_id = ?"
)


def _write_article(
    con: duckdb.DuckDBPyConnection,
    batch: _BatchState,
    item: _ArticleInput,
    text_fp: TextFingerprint | None,
    *,
    exists: bool,
) -> None:
    """Insert or update the article row; `text_fp` is None for an article without an event (only
    events are compared for near-duplicates, migration 004)."""
    page = item.page
    values = [
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
        text_fp.shingle_count if text_fp else None,
        text_fp.to_blob() if text_fp else None,
        item.record.is_event,
        item.record_json,
        item.record.error,
        item.extractor_version,
        item.run_id,
    ]
    if exists:
        con.execute(_UPDATE_ARTICLE, [*values, item.article_id])
    else:
        batch.pending.add("articles", [item.article_id, *values])
    if exists:  # its entry may be stale; without new terms, update_search_index makes one later
        batch.pending.replace_search_entry(item.article_id)
    if item.search_terms is not None:
        batch.pending.add_search_entry(
            item.article_id, search_digest(item.text_sha256, item.title), item.search_terms
        )


def _fresh_event_id(con: duckdb.DuckDBPyConnection, batch: _BatchState, canonical_url: str) -> str:
    """sha1 of the first mention's URL; a suffix only if that id survives from an earlier grouping."""
    event_id = stable_id("event", canonical_url)
    attempt = 1
    while event_id in batch.taken_event_ids or (
        attempt > 1 and con.execute("SELECT 1 FROM events WHERE event_id = ?", [event_id]).fetchone()
    ):
        attempt += 1
        event_id = stable_id("event", canonical_url, str(attempt))
    batch.taken_event_ids.add(event_id)
    return event_id


def _find_duplicate_event(
    batch: _BatchState, item: _ArticleInput, block_date: date | None, text_fp: TextFingerprint
) -> tuple[_Candidate, float] | None:
    """The event, on the same date, whose mentions best match this text as a near-duplicate."""
    if block_date is None:
        return None
    record = item.record
    best: tuple[_Candidate, float] | None = None
    for candidate in batch.duplicate_candidates(block_date):
        if candidate.article_id == item.article_id:
            continue
        if not venues_compatible(
            record.venue, record.province_code, candidate.venue, candidate.province_code
        ):
            continue
        match = similarity(text_fp, candidate.fingerprint)
        if match.is_near_duplicate and (best is None or match.score > best[1]):
            best = (candidate, match.score)
    return best


_UPDATE_EVENT = (
    f"UPDATE events SET {', '.join(f'{column} = ?' for column in EVENT_COLUMNS)} WHERE event_id = ?"
)


def _write_event(
    con: duckdb.DuckDBPyConnection,
    batch: _BatchState,
    event_id: str,
    article_id: str,
    record: EventRecord,
    run_id: str,
    *,
    exists: bool,
) -> None:
    """Insert the event, or update it in place (same event_id), from its primary mention's record."""
    evidence = {field: list(span) for field, span in sorted(record.evidence.items())}
    values = [
        article_id,
        record.event_date,
        record.event_start,
        record.event_end,
        record.event_time,
        record.venue,
        record.venue_core,
        _ensure_venue(batch, record),
        record.province,
        record.province_code,
        record.attendee_count,
        record.attendee_qualifier,
        record.programme_name,
        _ensure_programme(batch, record),
        record.organizer,
        record.event_type,
        record.published_date,
        record.title,
        record.fiscal_year,
        json.dumps(evidence, sort_keys=True, separators=(",", ":")),
        record.extractor_version,
        run_id,
    ]
    if exists:
        con.execute(_UPDATE_EVENT, [*values, event_id])
    else:
        batch.pending.add_event([event_id, *values, None, None])  # seen-times: _extend_seen


def _ensure_venue(batch: _BatchState, record: EventRecord) -> str | None:
    name = compact(record.venue_core or record.venue)
    if not name:
        return None
    venue_id = stable_id("venue", venue_key(name, record.province_code))
    if venue_id not in batch.venue_ids:
        batch.pending.add(
            "venues",
            [venue_id, name, compact(record.venue_core) or None, record.province, record.province_code],
        )
        batch.venue_ids.add(venue_id)
    return venue_id


def _ensure_programme(batch: _BatchState, record: EventRecord) -> str | None:
    name = compact(record.programme_name)
    if not name:
        return None
    programme_id = stable_id("programme", programme_key(name))
    if programme_id not in batch.programme_ids:
        batch.pending.add("programmes", [programme_id, name])
        batch.programme_ids.add(programme_id)
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


def _extend_seen(con: duckdb.DuckDBPyConnection, batch: _BatchState, event_id: str, page: PageRef) -> None:
    """Widen first_seen/last_seen by this mention's fetches (the page loaded and any in `pages`)."""
    times = [t for t in (page.fetched_at, *batch.fetch_span.get(page.canonical_url, ())) if t is not None]
    if not times:
        return
    pending = batch.pending.events.get(event_id)
    if pending is None:
        con.execute(
            "UPDATE events SET first_seen = least(first_seen, $first), last_seen = greatest(last_seen, $last)"
            " WHERE event_id = $id",
            {"first": min(times), "last": max(times), "id": event_id},
        )
        return
    # least/greatest as SQL computes them: NULLs are ignored.
    pending[FIRST_SEEN] = min(t for t in (pending[FIRST_SEEN], *times) if t is not None)
    pending[LAST_SEEN] = max(t for t in (pending[LAST_SEEN], *times) if t is not None)


def _detach_mention(
    con: duckdb.DuckDBPyConnection, batch: _BatchState, article_id: str, event_id: str
) -> None:
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
        _write_event(con, batch, event_id, next_article, record, run_id, exists=True)
    _refresh_seen(con, event_id)


def _replace_officials(
    con: duckdb.DuckDBPyConnection,
    batch: _BatchState,
    event_id: str,
    article_id: str,
    record: EventRecord,
    *,
    had_officials: bool,
) -> None:
    if had_officials:
        con.execute("DELETE FROM event_officials WHERE article_id = ?", [article_id])
    for seq, official in enumerate(record.officials):
        if not name_key(official.name):
            continue
        span = official.span or (None, None)
        batch.pending.add(
            "event_officials",
            [
                event_id,
                article_id,
                seq,
                _resolve_official(con, batch, official),
                compact(official.name),
                official.honorific,
                official.position,
                official.organisation,
                official.role,
                official.is_public_official,
                span[0],
                span[1],
                record.extractor_version,
            ],
        )


def _resolve_official(con: duckdb.DuckDBPyConnection, batch: _BatchState, official: Official) -> str:
    """One row per person: same name key and a compatible position -> the same official_id.

    Prefers an exact position match, then a compatible one; a position learnt later fills an empty
    one, and a person ever named with a position counts as a public official.
    """
    key = name_key(official.name)
    position = position_key(official.position)
    known = batch.officials.setdefault(key, [])
    chosen = next((i for i, row in enumerate(known) if row[1] == position), None)
    if chosen is None:
        chosen = next((i for i, row in enumerate(known) if positions_compatible(row[1], position)), None)
    if chosen is None:
        official_id = stable_id("official", key, position)
        batch.pending.add_official(
            [
                official_id,
                compact(official.name),
                key,
                official.honorific,
                official.position,
                position,
                official.organisation,
                official.is_public_official,
            ]
        )
        known.append((official_id, position, official.organisation, official.is_public_official))
        known.sort()
        return official_id
    official_id, known_position, known_organisation, known_public = known[chosen]
    learned = (
        official_id,
        known_position or position,
        known_organisation or official.organisation,
        known_public or official.is_public_official,
    )
    if learned != known[chosen]:
        _learn(con, batch, official, learned)
        known[chosen] = learned
    return official_id


def _learn(
    con: duckdb.DuckDBPyConnection,
    batch: _BatchState,
    official: Official,
    learned: tuple[str, str, str, bool],
) -> None:
    """Store what a later mention taught about an official (the UPDATE below, on a pending row
    if the official was created in this batch)."""
    official_id, position_key_learned, _, public = learned
    pending = batch.pending.officials.get(official_id)
    if pending is not None:
        # [official_id, name, name_key, honorific, position, position_key, organisation, public]
        if pending[5] == "":
            pending[4] = official.position
        if pending[6] == "":
            pending[6] = official.organisation
        pending[5], pending[7] = position_key_learned, public
        return
    con.execute(
        """
            UPDATE officials SET
                position = CASE WHEN position_key = '' THEN $position ELSE position END,
                organisation = CASE WHEN organisation = '' THEN $organisation ELSE organisation END,
                position_key = $position_key,
                is_public_official = $public
            WHERE official_id = $id
            """,
        {
            "position": official.position,
            "organisation": official.organisation,
            "position_key": position_key_learned,
            "public": public,
            "id": official_id,
        },
    )
