"""End to end: the bundled demo mirror served on localhost, the real refresh flow (Scrapy child
processes, extraction, DuckDB load) run through the CLI under a temporary Prefect API, and specific
extracted values checked in the resulting database file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app

EXPECTED = json.loads((Path(__file__).parent.parent / "data" / "demo" / "expected.json").read_text("utf-8"))
CORE_PAGES = [page for page in EXPECTED["pages"] if page.get("core")]
EVENT_FIELDS = (
    "event_date",
    "event_start",
    "event_end",
    "event_time",
    "venue",
    "province",
    "attendee_count",
    "attendee_qualifier",
    "programme_name",
)


def _last_json_line(output: str) -> dict[str, Any]:
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def demo_runs(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    db = tmp_path_factory.mktemp("demo") / "khaosan-demo.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--db", str(db), "--json"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["demo", "--db", str(db), "--json"], catch_exceptions=False)
    assert second.exit_code == 0, second.output
    return db, _last_json_line(first.stdout), _last_json_line(second.stdout)


def _event_for(con: duckdb.DuckDBPyConnection, site: str, path: str) -> dict[str, Any] | None:
    row = con.execute(
        """
        SELECT e.* FROM articles a
        JOIN event_mentions m USING (article_id)
        JOIN v_events e ON e.event_id = m.event_id
        WHERE a.source_id = ? AND a.url LIKE '%' || ?
        """,
        [site, path],
    ).fetchone()
    if row is None:
        return None
    columns = [d[0] for d in con.description]
    return dict(zip(columns, row, strict=True))


def test_first_run_summary_counts_the_whole_mirror(demo_runs: tuple[Path, dict, dict]) -> None:
    _, first, _ = demo_runs
    for key in ("pages_fetched", "articles_fetched", "articles_new", "articles_unchanged", "events_loaded"):
        assert key in first
    total_articles = sum(site["articles"] for site in EXPECTED["sites"].values())
    assert first["articles_fetched"] == total_articles
    assert first["articles_new"] == total_articles
    assert first["errors"] == 0
    assert first["events_total"] >= len([p for p in CORE_PAGES if p["is_event"]])


def test_second_run_fetches_no_known_article(demo_runs: tuple[Path, dict, dict]) -> None:
    _, first, second = demo_runs
    assert second["articles_fetched"] == 0
    assert second["pages_fetched"] < first["pages_fetched"]
    assert second["events_total"] == first["events_total"]


@pytest.mark.parametrize("page", CORE_PAGES, ids=[f"{p['site']}{p['url']}" for p in CORE_PAGES])
def test_core_page_values_are_in_the_database(demo_runs: tuple[Path, dict, dict], page: dict) -> None:
    db, _, _ = demo_runs
    con = duckdb.connect(str(db), read_only=True)
    try:
        event = _event_for(con, page["site"], page["url"])
        if not page["is_event"]:
            assert event is None
            return
        assert event is not None, f"no event for {page['site']}{page['url']}"
        for field in EVENT_FIELDS:
            if field in page:
                value = event[field]
                if isinstance(value, date):
                    value = value.isoformat()
                assert value == page[field], field
        official = page.get("official")
        if official:
            row = con.execute(
                "SELECT honorific, position, role FROM event_officials WHERE event_id = ? AND name = ?",
                [event["event_id"], official["name"]],
            ).fetchone()
            assert row == (official["honorific"], official["position"], official["role"])
    finally:
        con.close()


def test_republished_release_is_one_event_with_two_mentions(demo_runs: tuple[Path, dict, dict]) -> None:
    db, _, _ = demo_runs
    con = duckdb.connect(str(db), read_only=True)
    try:
        for duplicate in EXPECTED["duplicates"]:
            events = {_event_for(con, p["site"], p["url"])["event_id"] for p in duplicate["pages"]}
            assert len(events) == 1, duplicate
    finally:
        con.close()


def test_snapshot_is_published_for_analysts(demo_runs: tuple[Path, dict, dict]) -> None:
    _, first, _ = demo_runs
    snapshot = Path(first["snapshot"])
    assert snapshot.is_file()
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM v_events").fetchone()[0] == first["events_total"]
    finally:
        con.close()


def _readme_sql() -> list[str]:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    block = readme.split("### Example SQL for analysts", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    return [s.strip() for s in block.split(";") if s.strip()]


@pytest.mark.parametrize("sql", _readme_sql())
def test_readme_analyst_sql_runs_on_the_demo_database(demo_runs: tuple[Path, dict, dict], sql: str) -> None:
    db, _, _ = demo_runs
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(sql).fetchall()
    finally:
        con.close()


def test_search_finds_a_demo_release_after_refresh(demo_runs: tuple[Path, dict, dict]) -> None:
    db, _, _ = demo_runs
    result = CliRunner().invoke(app, ["search", "ล่ามภาษามือ", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout.strip().splitlines()[-1])
    assert any("ล่ามภาษามือ" in (row.get("title") or "") for row in rows)
