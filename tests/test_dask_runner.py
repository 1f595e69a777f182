"""The extraction subflow on a Dask cluster, or on a local process pool whose writer extracts too,
gives the same database as on threads.

The bundled demo mirror is crawled once (real Scrapy child process over local HTTP); databases
record that same crawl, then `extract_and_load` runs on each: with the thread runner, with
`--task-runner dask` semantics (`task_runner_for("dask", address)`) on a `distributed.LocalCluster`
of two worker processes passed by address, and with `--task-runner process` semantics
(`run_extract_and_load`: a real process pool, the writer extracting whenever the oldest batch is
not back). Everything the extraction writes must be equal, except the ids of the extraction runs
themselves.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from crawlers.localsite import serve_sites
from crawlers.run import crawl_in_subprocess
from flows.paths import StatePaths
from flows.refresh import _batches, extract_and_load, run_extract_and_load, task_runner_for
from flows.store import open_db, record_crawl

DEMO = Path(__file__).parent.parent / "data" / "demo"
RUN_ID = "crawl-dask-test"

# Table -> columns compared. Left out: the extraction run ids (new per run by design) and the
# extractor version stamps, which hash the extract/ sources each process imported (a tree edited
# between the two runs would differ there, not in any extracted value).
COMPARED = {
    "articles": "article_id, canonical_url, page_id, content_sha256, text_sha256, title, published_date,"
    " text, shingle_count, minhash, is_event, json_merge_patch(record, '{\"extractor_version\": null}'),"
    " error",
    "events": "* EXCLUDE (extraction_run_id, extractor_version)",
    "event_mentions": "* EXCLUDE (extraction_run_id, extractor_version)",
    "event_officials": "* EXCLUDE (extractor_version)",
    "officials": "*",
    "venues": "*",
    "programmes": "*",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One crawl of the demo mirror: (run folder, WARC folder)."""
    work = tmp_path_factory.mktemp("dask-crawl")
    with serve_sites(DEMO / "sites") as urls:
        text = (DEMO / "sources.toml").read_text(encoding="utf-8")
        for name, url in urls.items():
            text = text.replace("{site:" + name + "}", url)
        sources = work / "sources.toml"
        sources.write_text(text, encoding="utf-8")
        result = crawl_in_subprocess(sources, work / "run", work / "warc", politeness=False)
    assert result.returncode == 0, result.stderr_tail
    assert result.stats["articles_fetched"] > 0
    return work / "run", work / "warc"


def _database_with_crawl(folder: Path, run_dir: Path, warc_dir: Path) -> Path:
    db = folder / "khaosan.duckdb"
    shutil.copytree(warc_dir, StatePaths.for_db(db).warc_dir)
    con = open_db(db)
    try:
        record_crawl(con, RUN_ID, run_dir)
    finally:
        con.close()
    return db


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
            for table, columns in COMPARED.items()
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def on_threads(
    prefect_harness: None, crawled: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict, dict[str, list[tuple]]]:
    """The reference: the crawl extracted on the thread runner (summary, compared rows)."""
    folder = tmp_path_factory.mktemp("thread")
    db = _database_with_crawl(folder, *crawled)
    summary = extract_and_load.with_options(task_runner=task_runner_for("thread"))(
        db, trigger="test", batch_size=5
    )
    rows = _rows(db)
    assert rows["events"], "the demo mirror yields events"
    return summary, rows


def _assert_same_extraction(summary: dict, db: Path, reference: tuple[dict, dict[str, list[tuple]]]) -> None:
    reference_summary, reference_rows = reference
    assert summary["pages"] == reference_summary["pages"] > 0
    assert summary["errors"] == reference_summary["errors"] == 0
    assert summary["events"] == reference_summary["events"] > 0
    rows = _rows(db)
    for table in COMPARED:
        assert rows[table] == reference_rows[table], table


def test_dask_cluster_extraction_equals_thread_extraction(
    on_threads: tuple[dict, dict[str, list[tuple]]],
    crawled: tuple[Path, Path],
    dask_address: str,
    tmp_path: Path,
) -> None:
    dask_db = _database_with_crawl(tmp_path, *crawled)
    # Small batches so the pages really spread over both Dask workers and come back out of order.
    on_dask = extract_and_load.with_options(task_runner=task_runner_for("dask", dask_address))(
        dask_db, trigger="test", batch_size=5
    )
    _assert_same_extraction(on_dask, dask_db, on_threads)


def test_process_pool_with_writer_extracting_equals_thread_extraction(
    on_threads: tuple[dict, dict[str, list[tuple]]], crawled: tuple[Path, Path], tmp_path: Path
) -> None:
    db = _database_with_crawl(tmp_path, *crawled)
    summary = run_extract_and_load(db, "test", "process", workers=1, batch_size=5)
    _assert_same_extraction(summary, db, on_threads)
    # The pool's worker needs seconds to start, so the writer extracts while the first batch is out.
    assert summary["batches"]["writer"] >= 1
    assert summary["batches"]["workers"] >= 1


@pytest.mark.parametrize(
    ("pages", "size", "sizes"),
    [
        (0, 500, []),
        (3, 500, [3]),
        (1000, 500, [125] * 8),
        (2750, 500, [500, 500, 500, 250] + [125] * 8),
        (10, 4, [2] + [1] * 8),
    ],
)
def test_batches_keep_page_order_and_end_in_quarter_batches(pages: int, size: int, sizes: list[int]) -> None:
    batches = _batches(list(range(pages)), size)
    assert [len(batch) for batch in batches] == sizes
    assert [page for batch in batches for page in batch] == list(range(pages))
