"""Versioned migrations: ordered, transactional, and upgrades keep every row."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.search import search_articles
from flows.store import open_db
from flows.store_migrations import (
    LATEST_VERSION,
    SQL_DIR,
    apply_migrations,
    available_migrations,
    current_version,
)


def test_migration_files_are_numbered_without_gaps() -> None:
    migrations = available_migrations()
    assert [m.version for m in migrations] == list(range(1, LATEST_VERSION + 1))
    assert LATEST_VERSION >= 2
    assert migrations[0].path == SQL_DIR / "001_initial.sql"


def _fill_version_1(con: duckdb.DuckDBPyConnection) -> None:
    """Rows as a version-1 database holds them (written with v1's columns)."""
    con.execute(
        "INSERT INTO sources VALUES ('sdo_lampang', 'sdo', 'https://lampang.example', true, ?)",
        [json.dumps({"province": "ลำปาง"}, ensure_ascii=False)],
    )
    con.execute(
        "INSERT INTO pages VALUES ('p1', 'r1', 'sdo_lampang', 'https://lampang.example/archives/1',"
        " 'https://lampang.example/archives/1', TIMESTAMP '2024-03-05 08:00:00', 200, 'aa', 'w.warc.gz', 0, 10,"
        " 'utf-8', 'text/html', true, NULL, NULL)"
    )
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'https://lampang.example/archives/1', 'https://lampang.example/archives/1',"
        " 'sdo_lampang', 'p1', TIMESTAMP '2024-03-05 08:00:00', 'aa', 'tt', 'ผู้ว่าฯ เปิดงาน', DATE '2024-03-05',"
        " 'ผู้ว่าราชการจังหวัดลำปางเป็นประธานเปิดงาน', 30, from_hex('01020304'), true, '{}', NULL, 'v1', 'x1')"
    )
    con.execute(
        "INSERT INTO events (event_id, primary_article_id, event_date, province, province_code, evidence,"
        " extractor_version) VALUES ('e1', 'a1', DATE '2024-03-05', 'ลำปาง', 'TH-52', '{}', 'v1')"
    )
    con.execute("INSERT INTO event_mentions VALUES ('a1', 'e1', true, NULL, 'v1', 'x1')")
    con.execute(
        "INSERT INTO officials VALUES ('o1', 'วีระพงษ์ ศรีสุขสันต์', 'วีระพงษ์ศรีสุขสันต์', 'นาย',"
        " 'ผู้ว่าราชการจังหวัดลำปาง', 'ผู้ว่าราชการจังหวัดลำปาง', '', true)"
    )
    con.execute(
        "INSERT INTO event_officials VALUES ('e1', 'a1', 0, 'o1', 'วีระพงษ์ ศรีสุขสันต์', 'นาย',"
        " 'ผู้ว่าราชการจังหวัดลำปาง', '', 'chair', true, 0, 20, 'v1')"
    )


def _row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        " AND table_name <> 'schema_version' ORDER BY 1"
    ).fetchall()
    return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for (name,) in tables}


def test_database_made_at_version_1_upgrades_without_losing_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    assert apply_migrations(con, up_to=1) == [1]
    _fill_version_1(con)
    before = _row_counts(con)
    con.close()

    upgraded = open_db(db)
    assert current_version(upgraded) == LATEST_VERSION
    after = _row_counts(upgraded)
    assert {table: after[table] for table in before} == before
    assert upgraded.execute("SELECT event_id, mention_count, official_names FROM v_events").fetchall() == [
        ("e1", 1, "วีระพงษ์ ศรีสุขสันต์")
    ]
    assert upgraded.execute("SELECT name, event_count FROM v_official_activity").fetchall() == [
        ("วีระพงษ์ ศรีสุขสันต์", 1)
    ]
    upgraded.close()


def test_reopening_applies_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    open_db(db).close()
    con = duckdb.connect(str(db))
    assert apply_migrations(con) == []
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST_VERSION
    con.close()


def test_failing_migration_rolls_back_to_the_previous_version(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    (sql_dir / "001_initial.sql").write_text("CREATE TABLE kept (id INTEGER);", "utf-8")
    (sql_dir / "002_broken.sql").write_text("CREATE TABLE half (id INTEGER); SELEC oops;", "utf-8")
    con = duckdb.connect(str(tmp_path / "k.duckdb"))
    with pytest.raises(duckdb.Error):
        apply_migrations(con, sql_dir=sql_dir)
    assert current_version(con) == 1
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "kept" in tables and "half" not in tables


@pytest.mark.parametrize("name", ["1_initial.sql", "003_gap.sql", "002-bad-name.sql"])
def test_misnamed_or_gapped_migrations_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "001_initial.sql").write_text("SELECT 1;", "utf-8")
    (tmp_path / name).write_text("SELECT 1;", "utf-8")
    with pytest.raises(ValueError):
        available_migrations(tmp_path)


def test_the_fts_index_of_version_4_gives_way_to_the_search_tables(tmp_path: Path) -> None:
    """005 drops fts's schema and the old token table; articles are re-indexed on first search."""
    db = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(db))
    apply_migrations(con, up_to=4)
    _fill_version_1(con)
    con.execute("INSERT INTO article_search VALUES ('a1', 'tt', 'ผู้ว่าราชการจังหวัด ลำปาง')")
    con.execute("INSERT INTO search_index_state VALUES ('built')")
    # What PRAGMA create_fts_index left behind (the fts extension itself is no longer installed).
    con.execute("CREATE SCHEMA fts_main_article_search")
    con.execute("CREATE TABLE fts_main_article_search.dict (termid BIGINT, term VARCHAR, df BIGINT)")
    con.execute("CREATE MACRO fts_main_article_search.tokenize(s) AS string_split(s, ' ')")
    con.close()

    upgraded = open_db(db)
    assert upgraded.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_article_search'"
    ).fetchone() == (0,)
    tables = {name for (name,) in upgraded.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"search_docs", "search_terms"} <= tables
    assert not {"article_search", "search_index_state"} & tables
    [hit] = search_articles(upgraded, "ลำปาง")
    assert hit["article_id"] == "a1"
    upgraded.close()
