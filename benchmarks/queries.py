"""Analyst query benchmark on a full database: milliseconds per query, median of repeats.

The queries are the ones the README promises analysts: events by province and month, one official's
activity (the official who appears in most events, chosen untimed), and Thai full-text search through
``flows.search.search_articles``. Bringing the search index up to date (after a refresh there is
nothing to do; a database from before migration 005 has every article tokenised) is timed once on
its own, since a refresh pays it and a query does not.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SEARCH_QUERIES = ("ผู้ว่าราชการจังหวัด ประชุม", "มอบถุงยังชีพ ผู้ประสบอุทกภัย", "ผู้สูงอายุ")

EVENTS_BY_PROVINCE_MONTH = """
    SELECT province, month, count(*) AS events, sum(attendee_count) AS attendees
    FROM v_events
    WHERE event_date IS NOT NULL
    GROUP BY ALL
    ORDER BY province, month
"""
PROVINCE_MONTH_VIEW = "SELECT * FROM v_events_by_province_month ORDER BY province_code, month"
OFFICIAL_EVENTS = """
    SELECT e.event_date, e.event_type, eo.role, e.title, e.venue, e.province
    FROM event_officials AS eo JOIN events AS e USING (event_id)
    WHERE eo.official_id = $official
    ORDER BY e.event_date DESC NULLS LAST, e.event_id
"""
OFFICIAL_SUMMARY = "SELECT * FROM v_official_activity WHERE official_id = $official"
BUSIEST_OFFICIAL = """
    SELECT official_id, any_value(name), count(DISTINCT event_id) AS events
    FROM event_officials WHERE is_public_official
    GROUP BY official_id ORDER BY events DESC, official_id LIMIT 1
"""


@dataclass
class QueryTiming:
    name: str
    rows: int
    median_ms: float
    min_ms: float
    repeats: int


@dataclass
class QueriesReport:
    database: str
    events: int
    articles: int
    official: str | None
    official_events: int
    search_index_s: float
    search_index_tokenised: int
    timings: list[QueryTiming] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def time_query(name: str, run: Callable[[], list], repeats: int) -> QueryTiming:
    """Median wall ms of `repeats` runs after one untimed warm-up (which fills DuckDB's caches)."""
    rows = len(run())
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return QueryTiming(
        name, rows, round(statistics.median(seconds) * 1000, 2), round(min(seconds) * 1000, 2), repeats
    )


def run_queries(db: Path, *, repeats: int = 7) -> QueriesReport:
    """Time the analyst queries on `db` (opened read-write, to bring the search index up to date)."""
    from flows.search import search_articles, update_search_index
    from flows.store import open_db

    con = open_db(db)
    try:
        started = time.perf_counter()
        tokenised = update_search_index(con)
        index_s = round(time.perf_counter() - started, 1)
        events, articles = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)"
        ).fetchone()
        busiest = con.execute(BUSIEST_OFFICIAL).fetchone()
        official_id, official_name, official_events = busiest if busiest else (None, None, 0)
        params = {"official": official_id}
        timings = [
            time_query(
                "events by province and month (v_events)",
                lambda: con.execute(EVENTS_BY_PROVINCE_MONTH).fetchall(),
                repeats,
            ),
            time_query(
                "events by province and month (summary view)",
                lambda: con.execute(PROVINCE_MONTH_VIEW).fetchall(),
                repeats,
            ),
            time_query(
                "one official's events", lambda: con.execute(OFFICIAL_EVENTS, params).fetchall(), repeats
            ),
            time_query(
                "one official's activity summary",
                lambda: con.execute(OFFICIAL_SUMMARY, params).fetchall(),
                repeats,
            ),
        ]
        timings += [
            time_query(f"full-text search {query!r}", lambda q=query: search_articles(con, q), repeats)
            for query in SEARCH_QUERIES
        ]
    finally:
        con.close()
    return QueriesReport(
        database=str(db),
        events=int(events),
        articles=int(articles),
        official=official_name,
        official_events=int(official_events),
        search_index_s=index_s,
        search_index_tokenised=tokenised,
        timings=timings,
    )


def format_report(report: QueriesReport) -> str:
    index = (
        f"search index brought up to date in {report.search_index_s:.1f} s "
        f"({report.search_index_tokenised} articles tokenised)"
    )
    lines = [
        f"database {report.database}: {report.events} events, {report.articles} articles; {index}",
        f"official: {report.official} ({report.official_events} events)",
        f"{'query':<58} {'rows':>6} {'median ms':>10} {'min ms':>8}",
    ]
    lines += [f"{t.name:<58} {t.rows:>6} {t.median_ms:>10.1f} {t.min_ms:>8.1f}" for t in report.timings]
    return "\n".join(lines)
