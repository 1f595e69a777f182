"""`khaosan refresh` killed with SIGKILL at the worst moments, then re-run, ends with exactly the
database of one clean run: same articles, events, mentions and officials, nothing lost, nothing twice.

The refresh runs as a real CLI subprocess (its own process group, so the crawl child dies with it)
against the dep fixture site, on the session's temporary Prefect API. Kill points, one run each, all
on the same database: mid-crawl (pages arriving), inside record_crawl's transaction, inside one
article's load transaction, and with the snapshot copied but not yet published; then a normal run. Injected kills patch
a store function in the child before the CLI starts (see KILLER)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from crawl_support import FIXTURE_SITES, source_block
from typer.testing import CliRunner

from crawlers.localsite import LocalSite
from crawlers.warc import read_html
from flows.cli import app
from tests.store_factories import write_lock_held_elsewhere

KILLER = """
import importlib, os, signal, sys
target = os.environ.get("KHAOSAN_TEST_KILL_AT")  # module:function:nth call
if target:
    module_name, function_name, nth = target.split(":")
    module = importlib.import_module(module_name)
    original = getattr(module, function_name)
    calls = [0]
    def killed_on_nth_call(*args, **kwargs):
        calls[0] += 1
        if calls[0] >= int(nth):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    setattr(module, function_name, killed_on_nth_call)
from flows.cli import app
sys.argv = ["khaosan", *sys.argv[1:]]
app()
"""
ARTICLES = [
    a["path"] for a in json.loads((FIXTURE_SITES / "dep" / "expected.json").read_text("utf-8"))["articles"]
]
COMPARED = {
    "articles": "SELECT canonical_url, content_sha256, text_sha256, title, published_date, is_event, "
    "record::VARCHAR FROM articles",
    "events": "SELECT event_id, primary_article_id, event_date, event_time, venue, province_code, "
    "attendee_count, programme_name, organizer, event_type, evidence::VARCHAR FROM events",
    "mentions": "SELECT article_id, event_id, is_primary FROM event_mentions",
    "event_officials": "SELECT event_id, article_id, seq, official_id, name, position, role, "
    "is_public_official FROM event_officials",
    "officials": "SELECT official_id, name, position, is_public_official FROM officials",
}


def database_content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        content = {name: con.execute(query).fetchall() for name, query in COMPARED.items()}
    finally:
        con.close()
    # The version hashes the extractor sources, which other work may edit between two runs.
    content["articles"] = [(*row[:-1], without_version(row[-1])) for row in content["articles"]]
    return {name: sorted(rows, key=repr) for name, rows in content.items()}


def without_version(record_json: str) -> str:
    record = json.loads(record_json)
    record.pop("extractor_version", None)
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def prefect_env(prefect_harness: None) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}


def refresh(env: dict[str, str], sources: Path, db: Path, kill_at: str | None = None) -> subprocess.Popen:
    child_env = {**env, "KHAOSAN_TEST_KILL_AT": kill_at or ""}
    command = [sys.executable, "-c", KILLER, "refresh", "--sources", str(sources), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--no-politeness", "--json"],
        env=child_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the crawl child can be killed with it
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    output, _ = process.communicate(timeout=300)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # a crawl child orphaned by an injected kill
    return process.returncode, output.decode("utf-8", "replace")


def kill_when_pages_arrive(process: subprocess.Popen, db: Path, pages: int) -> None:
    runs = db.parent / f"{db.stem}-runs"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        written = sum(len(p.read_bytes().splitlines()) for p in runs.glob("*/crawl-*/pages.jsonl"))
        if written >= pages:
            os.killpg(process.pid, signal.SIGKILL)
            return
        time.sleep(0.05)
    raise AssertionError("the crawl never got far enough to be killed mid-way")


@pytest.fixture(scope="module")
def crash_runs(prefect_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workdir = tmp_path_factory.mktemp("crash")
    with LocalSite(FIXTURE_SITES / "dep") as site:
        sources = workdir / "sources.toml"
        sources.write_text(source_block("dep", "dep", site.base_url), encoding="utf-8")
        clean_db = workdir / "clean" / "khaosan.duckdb"
        code, output = finish(refresh(prefect_env, sources, clean_db))
        assert code == 0, output

        db = workdir / "crashed" / "khaosan.duckdb"
        results: dict[str, Any] = {"clean": clean_db, "db": db, "kills": {}}
        for number, path in enumerate(ARTICLES):  # pages trickle in, so the kill lands mid-crawl
            site.add_rule(path, delay_s=0.4 * number, headers={"X-Slow": "1"}, times=1)
        process = refresh(prefect_env, sources, db)
        kill_when_pages_arrive(process, db, pages=2)
        results["kills"]["crawl"] = finish(process)
        for point, kill_at in (
            ("record_crawl", "flows.store_crawl:_load_errors:1"),
            ("load", "flows.store_extraction:_replace_officials:3"),
            ("snapshot", "flows.store:_swap_in:1"),  # the temporary copy is written, not yet published
        ):
            results["kills"][point] = finish(refresh(prefect_env, sources, db, kill_at))
            results[f"after_{point}"] = database_content(db)  # the killed database still opens
        code, output = finish(refresh(prefect_env, sources, db))
        assert code == 0, output
        results["final_summary"] = json.loads(output.strip().splitlines()[-1])
    return results


def test_every_injected_kill_happened(crash_runs: dict[str, Any]) -> None:
    for point, (code, output) in crash_runs["kills"].items():
        assert code == -signal.SIGKILL, (point, output[-2000:])


def test_rerun_after_kills_equals_one_clean_run(crash_runs: dict[str, Any]) -> None:
    clean, crashed = database_content(crash_runs["clean"]), database_content(crash_runs["db"])
    assert len(clean["articles"]) == len(ARTICLES) and clean["events"]
    for table in COMPARED:
        assert crashed[table] == clean[table], table


def test_nothing_is_stored_twice(crash_runs: dict[str, Any]) -> None:
    con = duckdb.connect(str(crash_runs["db"]), read_only=True)
    try:
        for query in (
            "SELECT canonical_url FROM articles GROUP BY 1 HAVING count(*) > 1",
            "SELECT article_id FROM event_mentions GROUP BY 1 HAVING count(*) > 1",
            "SELECT event_id, article_id, seq FROM event_officials GROUP BY ALL HAVING count(*) > 1",
            "SELECT event_id FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions)",
        ):
            assert con.execute(query).fetchall() == [], query
    finally:
        con.close()


def test_a_kill_inside_a_load_transaction_leaves_no_half_article(crash_runs: dict[str, Any]) -> None:
    after = crash_runs["after_load"]
    stored = {row[0] for row in after["articles"]}
    mentioned = {row[0] for row in after["mentions"]}
    assert len(stored) < len(ARTICLES)  # the kill came before the end of the load
    assert {row[1] for row in after["event_officials"]} <= mentioned


def test_archive_of_every_run_reads_back(crash_runs: dict[str, Any]) -> None:
    """Each pages.jsonl line, from killed crawls too, points at a complete WARC record."""
    db: Path = crash_runs["db"]
    warc_dir = db.parent / f"{db.stem}-warc"
    lines = [
        json.loads(line)
        for pages in (db.parent / f"{db.stem}-runs").glob("*/crawl-*/pages.jsonl")
        for line in pages.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) >= 2 * len(ARTICLES)
    for page in lines:
        assert read_html(warc_dir, page["warc_file"], page["warc_offset"])[0] == page["url"]


def test_final_run_reports_the_whole_database(crash_runs: dict[str, Any]) -> None:
    summary = crash_runs["final_summary"]
    assert summary["events_total"] == len(database_content(crash_runs["clean"])["events"])
    assert Path(summary["snapshot"]).is_file()
    leftovers = list(crash_runs["db"].parent.glob(".*snapshot*.tmp.duckdb*"))
    assert leftovers == []


@pytest.mark.parametrize("command", ["refresh", "reextract"])
def test_refresh_and_reextract_on_a_locked_database_are_clear_refusals(
    prefect_env: dict[str, str], crash_runs: dict[str, Any], tmp_path: Path, command: str
) -> None:
    db: Path = crash_runs["clean"]
    sources = tmp_path / "sources.toml"
    sources.write_text(source_block("dep", "dep", "http://127.0.0.1:9"), encoding="utf-8")
    args = [command, "--db", str(db)] + (
        ["--sources", str(sources), "--no-politeness"] if command == "refresh" else []
    )
    with write_lock_held_elsewhere(db):
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 3, result.output
    assert f"database {db} is locked" in result.stderr and "Wait for the running refresh" in result.stderr
