"""New rows of a load batch, held in memory and written with one statement per table.

Every DuckDB statement costs a millisecond or more whatever it does, and loading one page used to
take a dozen of them (article, event, mention, officials, venue, programme, seen-times): ~12 ms a
page, which made the single writer the bottleneck of a whole-corpus refresh. New rows are therefore
collected here and inserted per table at the end of the batch (`insert_rows`: one statement per
table). Rows still pending can be amended (an event's seen-times, an official learning its
position) without a statement.

Only INSERTs wait here. Whoever needs to read or update rows in the database first calls `flush`,
so the database always looks as if every row had been written at once.
"""

from __future__ import annotations

from typing import Any

import duckdb

from flows.search import SearchTerms, delete_search_entries, write_search_entries
from flows.store_bulk import insert_rows

ARTICLE_COLUMNS = (
    "canonical_url",
    "url",
    "source_id",
    "page_id",
    "fetched_at",
    "content_sha256",
    "text_sha256",
    "title",
    "published_date",
    "text",
    "shingle_count",
    "minhash",
    "is_event",
    "record",
    "error",
    "extractor_version",
    "extraction_run_id",
)
EVENT_COLUMNS = (
    "primary_article_id",
    "event_date",
    "event_start",
    "event_end",
    "event_time",
    "venue",
    "venue_core",
    "venue_id",
    "province",
    "province_code",
    "attendee_count",
    "attendee_qualifier",
    "programme_name",
    "programme_id",
    "organizer",
    "event_type",
    "published_date",
    "title",
    "fiscal_year",
    "evidence",
    "extractor_version",
    "extraction_run_id",
)
# Positions in a pending event row ([event_id, *EVENT_COLUMNS, first_seen, last_seen]).
FIRST_SEEN = len(EVENT_COLUMNS) + 1
LAST_SEEN = FIRST_SEEN + 1

# Insert order does not matter to DuckDB (no foreign keys); this one reads like the data model.
_INSERTS = {
    "venues": "INSERT INTO venues",
    "programmes": "INSERT INTO programmes",
    "officials": "INSERT INTO officials",
    "articles": f"INSERT INTO articles (article_id, {', '.join(ARTICLE_COLUMNS)})",
    "events": f"INSERT INTO events (event_id, {', '.join(EVENT_COLUMNS)}, first_seen, last_seen)",
    "event_mentions": "INSERT INTO event_mentions",
    "event_officials": "INSERT INTO event_officials",
}


class PendingRows:
    """Rows waiting for the end of the batch, per table; events and officials by id so that they can
    still change before they are written."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.rows: dict[str, list[list[Any]]] = {table: [] for table in _INSERTS}
        self.events: dict[str, list[Any]] = {}
        self.officials: dict[str, list[Any]] = {}
        self.search_entries: list[tuple[str, str, SearchTerms]] = []
        self.search_replaced: list[str] = []

    def add(self, table: str, row: list[Any]) -> None:
        self.rows[table].append(row)

    def add_event(self, row: list[Any]) -> None:
        self.events[row[0]] = row

    def add_official(self, row: list[Any]) -> None:
        self.officials[row[0]] = row

    def replace_search_entry(self, article_id: str) -> None:
        """Drop a stored article's search entry (before any new entry is written)."""
        self.search_replaced.append(article_id)

    def add_search_entry(self, article_id: str, digest: str, terms: SearchTerms) -> None:
        self.search_entries.append((article_id, digest, terms))

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        """Insert everything pending (one statement per table that has rows) and forget it."""
        self.rows["events"] = list(self.events.values())
        self.rows["officials"] = list(self.officials.values())
        for table, insert in _INSERTS.items():
            if self.rows[table]:
                insert_rows(con, insert, self.rows[table])
        delete_search_entries(con, self.search_replaced)
        write_search_entries(con, self.search_entries)
        self._clear()
