"""The DuckDB event database: the only API the flows and the CLI use (see STORE_CONTRACT.md).

DuckDB lets one process write a database file. The refresh flow is that writer; analysts read
`<stem>.snapshot.duckdb`, a consistent copy that `publish_snapshot` replaces atomically, so a
refresh never blocks or breaks a reader.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import shutil
import sys
from pathlib import Path

import duckdb

from flows.store_crawl import CrawlLoad, known_state, record_crawl, upsert_sources
from flows.store_extraction import (
    ExtractionInput,
    LoadOutcome,
    PageRef,
    finish_extraction_run,
    load_extraction,
    load_extractions,
    pages_to_extract,
    start_extraction_run,
)
from flows.store_migrations import LATEST_VERSION, apply_migrations, current_version

__all__ = [
    "CrawlLoad",
    "DatabaseLockedError",
    "ExtractionInput",
    "LoadOutcome",
    "PageRef",
    "db_stats",
    "finish_extraction_run",
    "known_state",
    "load_extraction",
    "load_extractions",
    "open_db",
    "pages_to_extract",
    "publish_snapshot",
    "record_crawl",
    "snapshot_path",
    "start_extraction_run",
    "upsert_sources",
]

_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")
_SNAPSHOT_ALIAS = "khaosan_snapshot"
COUNTED_TABLES = (
    "sources",
    "crawl_runs",
    "pages",
    "listing_state",
    "crawl_errors",
    "extraction_runs",
    "articles",
    "events",
    "event_mentions",
    "officials",
    "event_officials",
    "venues",
    "programmes",
    "search_docs",
)


class DatabaseLockedError(RuntimeError):
    """Another process holds DuckDB's write lock on the database file."""


def snapshot_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}.snapshot.duckdb")


def _locked_message(path: Path, exc: duckdb.Error) -> str:
    holder = _LOCK_HOLDER.search(str(exc))
    by = f"by {holder[1]} (PID {holder[2]})" if holder else "by another process"
    return (
        f"database {path} is locked {by}: DuckDB allows one writing process at a time. "
        f"Wait for the running refresh to finish, or open the read-only snapshot "
        f"{snapshot_path(path)} instead (DuckDB said: {exc})"
    )


def _record_missing_pandas() -> None:
    """Make DuckDB's per-parameter `import pandas` probe fail fast when pandas is not installed.

    DuckDB's Python client tries to import pandas for every bound parameter; without pandas each
    failed import rescans sys.path (about 0.5 ms), which made loads twenty times slower. A None
    entry in sys.modules is Python's own record of "not importable": the import still fails, at once.
    """
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


MEMORY_LIMIT = "300MB"
CHECKPOINT_THRESHOLD = "256MB"


def open_db(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the database; read-only connections are not migrated."""
    _record_missing_pandas()
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseLockedError(_locked_message(path, exc)) from exc
        raise
    # The buffer pool would otherwise grow to 80 % of RAM (4.6 GB seen on a 63k-release load).
    # Loading needs little of it: at 300 MB it costs a few % more CPU than at 400 MB and keeps the
    # writer ~100 MB smaller while an extraction worker runs beside it.
    con.execute("SET memory_limit = $limit", {"limit": MEMORY_LIMIT})
    if not read_only:
        # DuckDB checkpoints whenever the WAL passes 16 MB, i.e. every few load batches, and each
        # checkpoint costs more as the database grows (0.5 s at 30k articles, most of a batch's
        # time). At 256 MB a 63k-release load checkpoints a dozen times instead of hundreds.
        con.execute("SET checkpoint_threshold = $size", {"size": CHECKPOINT_THRESHOLD})
        apply_migrations(con)
    return con


def _sql_string(value: str) -> str:
    """A SQL string literal, for the statements DuckDB cannot parameterise (ATTACH)."""
    if any(ord(char) < 32 for char in value):
        raise ValueError(f"refusing a path with control characters: {value!r}")
    return "'" + value.replace("'", "''") + "'"


def _sql_identifier(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def publish_snapshot(db_path: Path) -> Path:
    """Copy the database to `<stem>.snapshot.duckdb` and swap it in atomically; returns its path.

    The copy is made through one read transaction (COPY FROM DATABASE), written to a temporary file
    beside the target and renamed over it: readers that already opened the old snapshot keep
    reading it (POSIX rename keeps their file alive), new readers get the new one.
    """
    db_path = Path(db_path)
    target = snapshot_path(db_path)
    temporary = db_path.with_name(f".{db_path.stem}.snapshot-{os.getpid()}.tmp.duckdb")
    con = open_db(db_path)
    # Holding the write lock, no other process can be publishing: every temporary copy left here
    # is from a publisher that was killed, and would otherwise pile up.
    for leftover in db_path.parent.glob(f".{glob.escape(db_path.stem)}.snapshot-*.tmp.duckdb*"):
        leftover.unlink(missing_ok=True)
    try:
        # Fold the WAL into the main file first. Then the file alone is the database, and while
        # this connection holds the write lock nobody changes it, so a plain file copy is a
        # consistent snapshot: ~3 s for a 2.7 GB database, where COPY FROM DATABASE took 29 s.
        # An open transaction on another connection of this process that updated rows or the
        # schema makes CHECKPOINT refuse; the copy then goes through one read transaction
        # (COPY FROM DATABASE), which reads through the WAL. Both ways are tested.
        try:
            con.execute("CHECKPOINT")
        except duckdb.TransactionException:
            _copy_database(con, temporary)
        else:
            shutil.copyfile(db_path, temporary)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    _swap_in(temporary, target)
    return target


def _swap_in(temporary: Path, target: Path) -> None:
    """Publish the finished copy: readers of the old snapshot keep their open file (POSIX rename).
    A publisher killed before this leaves its temporary copy, which the next publisher removes."""
    os.replace(temporary, target)


def _copy_database(con: duckdb.DuckDBPyConnection, temporary: Path) -> None:
    source = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH {_sql_string(str(temporary))} AS {_SNAPSHOT_ALIAS}")
    try:
        con.execute(f"COPY FROM DATABASE {_sql_identifier(source)} TO {_SNAPSHOT_ALIAS}")
    finally:
        con.execute(f"DETACH {_SNAPSHOT_ALIAS}")


def db_stats(con: duckdb.DuckDBPyConnection) -> dict:
    """Counts per table, events by year, last refresh and crawl, extractor versions in use."""
    counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}
    by_year = con.execute(
        """
        SELECT coalesce(CAST(year(coalesce(event_date, published_date)) AS VARCHAR), 'unknown'), count(*)
        FROM events GROUP BY 1 ORDER BY 1
        """
    ).fetchall()
    versions = con.execute("SELECT extractor_version, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
    last_refresh, last_crawl = con.execute(
        "SELECT (SELECT max(finished_at) FROM extraction_runs), (SELECT max(loaded_at) FROM crawl_runs)"
    ).fetchone()
    return {
        "schema_version": current_version(con),
        "latest_schema_version": LATEST_VERSION,
        "tables": counts,
        "events_by_year": dict(by_year),
        "extractor_versions": dict(versions),
        "last_refresh": last_refresh.isoformat() if last_refresh else None,
        "last_crawl_loaded": last_crawl.isoformat() if last_crawl else None,
    }
