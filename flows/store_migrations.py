"""Versioned schema migrations: `schemas/sql/NNN_name.sql`, applied in order, one transaction each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.store_clock import utc_now

SQL_DIR = Path(__file__).resolve().parent.parent / "schemas" / "sql"
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

# Created outside the numbered files so that the runner can read it before applying anything.
_SCHEMA_VERSION_DDL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path


def available_migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    """All migration files, ordered by version; a gap or a duplicate version is a packaging bug."""
    migrations = []
    for path in sorted(sql_dir.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise ValueError(f"{path}: migration files must be named NNN_snake_case.sql")
        migrations.append(Migration(int(match[1]), match[2], path))
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"{sql_dir}: migration versions must be 1..N without gaps, found {versions}")
    return migrations


LATEST_VERSION = len(available_migrations())


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration; 0 for a new file. Works on read-only connections too."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'schema_version'"
        " AND database_name = current_database()"
    ).fetchone()[0]
    if not exists:
        return 0
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def apply_migrations(
    con: duckdb.DuckDBPyConnection, *, up_to: int | None = None, sql_dir: Path = SQL_DIR
) -> list[int]:
    """Bring the database to `up_to` (default: latest); returns the versions applied now.

    Each file runs in its own transaction together with its schema_version row, so a failing
    migration leaves the database at the previous version rather than half-upgraded.
    """
    migrations = available_migrations(sql_dir)
    target = len(migrations) if up_to is None else up_to
    applied = []
    con.execute(_SCHEMA_VERSION_DDL)
    start = current_version(con)
    for migration in migrations:
        if migration.version <= start or migration.version > target:
            continue
        con.begin()
        try:
            con.execute(migration.path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.name, utc_now()],
            )
            con.commit()
        except duckdb.Error:
            con.rollback()
            raise
        applied.append(migration.version)
    return applied
