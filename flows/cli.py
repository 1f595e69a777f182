"""The `khaosan` command line: every subcommand wires I/O around pure extract/ and crawlers/ code.

Heavy imports (Prefect, Scrapy, spaCy) happen inside the commands so `khaosan --help` is instant.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from crawlers.bytecode_cache import cache_bytecode_outside_tree
from flows.paths import DEFAULT_DB, DEMO_DB

if TYPE_CHECKING:
    import duckdb

# Prefect reads these when it is first imported, so they are set before any command imports it.
# A cold machine migrates Prefect's SQLite database before the temporary API answers (minutes on a
# loaded 2-core box); progress is reported by our own console lines, Prefect's INFO logs are noise.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# No telemetry: nothing leaves the machine (and offline it only logs failures).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Under PYTHONDONTWRITEBYTECODE every process of a run (this one, crawl children, extraction workers,
# Prefect's API) compiled all it imports from source, seconds of CPU each: cache it outside the tree.
cache_bytecode_outside_tree()

app = typer.Typer(
    name="khaosan",
    help="Thai government press releases -> an analyst-ready event database.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)
DEFAULT_SOURCES = Path(__file__).resolve().parent.parent / "crawlers" / "default_sources.toml"
DEMO_SITES = Path(__file__).resolve().parent.parent / "data" / "demo" / "sites"
DEMO_SOURCES = Path(__file__).resolve().parent.parent / "data" / "demo" / "sources.toml"

DEMO_FIRST_PORT = 18701
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file")]
JsonOption = Annotated[bool, typer.Option("--json", help="End with one JSON object on stdout")]
RunnerOption = Annotated[
    str,
    typer.Option(
        "--task-runner", help="Extraction runs on: thread (one core), process (all cores), dask (a cluster)"
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask-address", help="Scheduler address (tcp://host:8786) for --task-runner dask"),
]


@app.callback()
def _root() -> None:
    """Thai government press releases -> an analyst-ready event database."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[red]error:[/] {message}", soft_wrap=True)  # one line per message: greppable
    return typer.Exit(code)


_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _is_disk_full(exc: BaseException) -> bool:
    """ENOSPC/EDQUOT/EFBIG from Python, or DuckDB's wording of them (it raises its own exceptions)."""
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
        return True
    text = str(exc).lower()
    return "no space left" in text or "disk quota" in text or "file too large" in text


def _disk_full_message(where: Path, exc: BaseException) -> str:
    return (
        f"the disk holding {where} is full ({exc}); free space there (old run folders under "
        "*-runs/ can go) or point the output at a bigger disk, then run the command again: "
        "what was committed before the failure is kept"
    )


@contextmanager
def _database(db: Path, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection, or a clear error and exit code (3: locked, 2: unusable file)."""
    import duckdb

    from flows.store import DatabaseLockedError, open_db

    try:
        con = open_db(db, read_only=read_only)
    except DatabaseLockedError as exc:
        raise _fail(str(exc), code=3) from exc
    except duckdb.Error as exc:
        raise _fail(
            f"cannot open database {db}: {exc}; check that the path is a Khaosan DuckDB file "
            "(or restore it from the snapshot next to it)"
        ) from exc
    try:
        yield con
    finally:
        con.close()


def _print_summary(summary: dict[str, Any], db: Path, as_json: bool) -> None:
    table = Table(title="Khaosan refresh", show_header=True)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key in (
        "pages_fetched",
        "articles_fetched",
        "articles_new",
        "articles_changed",
        "articles_unchanged",
        "events_loaded",
        "events_total",
        "errors",
    ):
        table.add_row(key, str(summary.get(key, 0)))
    table.add_row("elapsed_s", str(summary.get("elapsed_s", "")))
    console.print(table)
    for message in summary.get("error_samples", [])[:10]:
        console.print(f"[yellow]error:[/] {message}")
    _print_examples(db)
    console.print(f"database: {db}   analysts' read-only snapshot: {summary.get('snapshot')}")
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, default=str))


def _print_examples(db: Path, limit: int = 5) -> None:
    with _database(db) as con:
        rows = con.execute(
            "SELECT event_date, province, attendee_count, programme_name, venue "
            "FROM v_events ORDER BY event_date DESC NULLS LAST, event_id LIMIT ?",
            [limit],
        ).fetchall()
    table = Table(title="Example events", show_header=True, show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("province", no_wrap=True)
    table.add_column("people", justify="right")
    table.add_column("programme / venue", overflow="fold", ratio=1)
    for event_date, province, people, programme, venue in rows:
        table.add_row(
            str(event_date or ""), province or "", str(people or ""), f"{programme or '-'}\n@ {venue or '-'}"
        )
    console.print(table)


def _run_refresh(
    sources: Path,
    db: Path,
    politeness: bool,
    only: list[str] | None,
    task_runner: str = "thread",
    dask_address: str | None = None,
) -> dict[str, Any]:
    from flows.refresh import refresh_flow
    from flows.store import DatabaseLockedError

    try:
        return refresh_flow(
            sources_path=sources,
            db_path=db,
            politeness=politeness,
            only=only,
            task_runner=task_runner,
            dask_address=dask_address,
        )
    except DatabaseLockedError as exc:
        raise _fail(str(exc), code=3) from exc
    except Exception as exc:
        if _is_disk_full(exc):
            raise _fail(_disk_full_message(db.parent, exc), code=4) from exc
        raise


@app.command()
def demo(
    db: DbOption = DEMO_DB,
    task_runner: RunnerOption = "thread",
    as_json: JsonOption = False,
) -> None:
    """Serve the bundled demo mirror on localhost and run the refresh flow against it."""
    from crawlers.localsite import serve_sites

    db.parent.mkdir(parents=True, exist_ok=True)
    # Fixed ports keep the demo sites' URLs stable, so a second demo run is incremental.
    with serve_sites(DEMO_SITES, first_port=DEMO_FIRST_PORT) as urls:
        console.print(f"demo mirror: {len(urls)} sites on localhost: " + ", ".join(urls.values()))
        sources_path = _demo_sources(urls, db)
        summary = _run_refresh(sources_path, db, politeness=False, only=None, task_runner=task_runner)
    _print_summary(summary, db, as_json)


def _demo_sources(urls: dict[str, str], db: Path) -> Path:
    """The demo sources file with each `{site:NAME}` placeholder replaced by its local URL."""
    text = DEMO_SOURCES.read_text(encoding="utf-8")
    for name, url in urls.items():
        text = text.replace("{site:" + name + "}", url)
    from flows.paths import StatePaths

    # Kept with the run folders (untracked state), so a demo run leaves the work tree clean.
    path = StatePaths.for_db(db).runs_dir / "demo-sources.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@app.command()
def refresh(
    sources: Annotated[Path, typer.Option("--sources", help="Sources TOML file")] = DEFAULT_SOURCES,
    db: DbOption = DEFAULT_DB,
    only: Annotated[list[str] | None, typer.Option("--only", help="Only these source ids")] = None,
    no_politeness: Annotated[
        bool, typer.Option("--no-politeness", help="No throttling (local mirrors only)")
    ] = False,
    task_runner: RunnerOption = "thread",
    dask_address: DaskOption = None,
    as_json: JsonOption = False,
) -> None:
    """Crawl the sources, extract new or changed releases, load them and publish a snapshot."""
    _validate_sources(sources)
    db.parent.mkdir(parents=True, exist_ok=True)
    summary = _run_refresh(sources, db, not no_politeness, only, task_runner, dask_address)
    _print_summary(summary, db, as_json)


def _validate_sources(sources: Path) -> None:
    from crawlers.sources import SourcesFileError, load_sources

    try:
        load_sources(sources)
    except SourcesFileError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def crawl(
    sources: Annotated[Path, typer.Option("--sources", help="Sources TOML file")] = DEFAULT_SOURCES,
    out: Annotated[Path, typer.Option("--out", help="Folder for JSONL outputs and the WARC archive")] = Path(
        "data/crawl"
    ),
    only: Annotated[list[str] | None, typer.Option("--only", help="Only these source ids")] = None,
    no_politeness: Annotated[bool, typer.Option("--no-politeness")] = False,
    as_json: JsonOption = False,
) -> None:
    """Crawl only: write pages/listings/errors JSONL and WARC files, no database."""
    from crawlers.run import crawl_in_subprocess

    _validate_sources(sources)
    result = crawl_in_subprocess(sources, out, out / "warc", only=only or None, politeness=not no_politeness)
    console.print(f"crawl finished with code {result.returncode}: {json.dumps(result.stats)}")
    if result.returncode:
        console.print(result.stderr_tail)
    if as_json:
        print(json.dumps(result.stats, ensure_ascii=False))
    if result.returncode:
        raise typer.Exit(result.returncode)


@app.command()
def extract(
    input: Annotated[Path, typer.Option("--input", "-i", help="JSONL: doc_id + text or html per line")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL: one event record per line")],
) -> None:
    """Extract one event record per input line (offline; no database)."""
    from flows.extract_file import extract_jsonl

    if not input.is_file():
        raise _fail(f"input file {input} does not exist; pass an existing JSONL file")
    try:
        stats = extract_jsonl(input, output)
    except OSError as exc:
        raise _fail(
            f"cannot write {output} (or read {input}): {exc.strerror or exc}; "
            "choose a writable output path with free space"
        ) from exc
    console.print(
        f"extracted {stats.extracted} of {stats.lines} lines, {stats.events} events, "
        f"{len(stats.errors)} errors -> {output}"
    )
    _print_warnings(stats.errors)


def _print_warnings(messages: list[str], limit: int = 20) -> None:
    for message in messages[:limit]:
        console.print(f"[yellow]warning:[/] {message}", soft_wrap=True)
    if len(messages) > limit:
        console.print(f"[yellow]warning:[/] … and {len(messages) - limit} more like these")


@app.command()
def reextract(
    db: DbOption = DEFAULT_DB,
    all_pages: Annotated[bool, typer.Option("--all", help="Re-extract every archived page")] = False,
    task_runner: RunnerOption = "thread",
    dask_address: DaskOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-extract archived pages made by an older extractor version (no crawling)."""
    from flows.refresh import reextract_flow
    from flows.store import DatabaseLockedError

    _require_db(db)
    try:
        result = reextract_flow(
            db_path=db, all_pages=all_pages, task_runner=task_runner, dask_address=dask_address
        )
    except DatabaseLockedError as exc:
        raise _fail(str(exc), code=3) from exc
    except Exception as exc:
        if _is_disk_full(exc):
            raise _fail(_disk_full_message(db.parent, exc), code=4) from exc
        raise
    console.print(f"re-extracted {result['pages']} pages, {result['errors']} errors")
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))


def _require_db(db: Path) -> None:
    if not db.is_file():
        raise _fail(f"database {db} does not exist; run `khaosan refresh` or `khaosan demo` first")


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="parquet | csv | jsonl")] = "parquet",
    out: Annotated[Path, typer.Option("--out", help="Output folder")] = Path("data/exports"),
    include_private_names: Annotated[
        bool, typer.Option("--include-private-names", help="Keep names of people without a position")
    ] = False,
) -> None:
    """Export the event dataset with its JSON Schema, data dictionary and manifest."""
    import duckdb

    from flows.export import ExportPathError, export_dataset

    if format not in ("parquet", "csv", "jsonl"):
        raise _fail(f"--format {format!r} is not one of parquet, csv, jsonl")
    _require_db(db)
    with _database(db) as con:
        try:
            manifest = export_dataset(con, format, out, include_private_names=include_private_names)  # type: ignore[arg-type]
        except ExportPathError as exc:
            raise _fail(f"export to {out} refused: {exc}; remove that entry or choose another --out") from exc
        except (OSError, duckdb.Error) as exc:
            if _is_disk_full(exc):
                raise _fail(_disk_full_message(out, exc), code=4) from exc
            raise _fail(f"export to {out} failed: {exc}; check that the folder is writable") from exc
    console.print(f"exported to {out}: {json.dumps(manifest.get('counts', {}), ensure_ascii=False)}")


@app.command()
def stats(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Counts per table, events per year, extractor versions and the last refresh."""
    from flows.store import db_stats

    _require_db(db)
    with _database(db) as con:
        figures = db_stats(con)
    table = Table(title=f"Khaosan database {db}")
    table.add_column("figure")
    table.add_column("value", overflow="fold")
    for key, value in figures.items():
        table.add_row(
            key, json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
        )
    console.print(table)
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, default=str))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Thai or English words")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over article text (Thai word-segmented BM25)."""
    from flows.search import SearchIndexMissingError, search_articles

    _require_db(db)
    with _database(db) as con:
        try:
            rows = search_articles(con, query, limit=limit)
        except SearchIndexMissingError as exc:
            raise _fail(f"{db}: {exc}") from exc
    table = Table(title=f"search: {query}")
    for column in ("score", "published", "title", "url"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            f"{row.get('score', 0):.2f}",
            str(row.get("published")),
            str(row.get("title")),
            str(row.get("url")),
        )
    console.print(table)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, default=str))


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
def bench(ctx: typer.Context) -> None:
    """Benchmarks: extraction, coverage, profile, e2e, incremental, queries, machine (`bench --help`)."""
    from benchmarks.cli import main as bench_main

    raise typer.Exit(bench_main(list(ctx.args)))


@app.command()
def serve(
    sources: Annotated[Path, typer.Option("--sources")] = DEFAULT_SOURCES,
    db: DbOption = DEFAULT_DB,
    cron: Annotated[str, typer.Option("--cron", help="Cron schedule for refresh")] = "0 6 * * *",
    reextract_cron: Annotated[str, typer.Option("--reextract-cron")] = "30 5 * * 0",
) -> None:
    """Serve the refresh and reextract flows on cron schedules (see the runs in the Prefect UI)."""
    from prefect import serve as prefect_serve

    from flows.refresh import reextract_flow, refresh_flow

    _validate_sources(sources)
    refresh_deployment = refresh_flow.to_deployment(
        name="khaosan-refresh-scheduled",
        cron=cron,
        parameters={"sources_path": str(sources.resolve()), "db_path": str(db.resolve())},
    )
    reextract_deployment = reextract_flow.to_deployment(
        name="khaosan-reextract-scheduled", cron=reextract_cron, parameters={"db_path": str(db.resolve())}
    )
    console.print(f"serving refresh ({cron}) and reextract ({reextract_cron}); Ctrl-C to stop")
    prefect_serve(refresh_deployment, reextract_deployment)
