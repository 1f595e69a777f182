"""End-to-end pipeline benchmark: the corpus served as a website, crawled, extracted and loaded by the
REAL refresh flow (``flows.refresh.refresh_flow``) into a fresh DuckDB database.

The mirror is generated at run time in a temporary (or given) work folder and never committed: every
release becomes an article page (``benchmarks.corpus.news_page``, known-CMS layout) of a site in the
EWT layout of the ``msociety`` family (numbered listing pages ``/ewt_news_list.php?cid=1&page=N`` with
``div.news-item`` links and an ``a.next`` pager, articles at ``/ewt_news.php?nid=ID``). Releases are
dealt round-robin over several sites so the flow's crawl children have several hosts to work on, as
they would on the real provincial offices. Each site listens on its own localhost port.

Figures: wall time, docs/s, peak RSS of the whole process tree (the flow process, the Scrapy children,
task-runner workers, Prefect's temporary API) sampled every 0.2 s, CPU seconds of that tree, and the
flow's own per-stage times. The CPU figures matter on a shared machine: a busy box inflates wall time
but not CPU time.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.corpus import Release, news_page

if TYPE_CHECKING:
    from crawlers.localsite import LocalSite

# Prefect reads these on import (the same defaults as the khaosan CLI): a cold Prefect database can
# take minutes to migrate on a loaded machine, and its INFO logs would drown the figures.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

MIRROR_FAMILY = "msociety"
DEFAULT_SITES = 8
DEFAULT_PER_PAGE = 20
# Consecutive ports from here keep the sites' URLs (and so the database's crawl state) stable when
# the incremental benchmark serves the same mirror again.
FIRST_PORT = 18801
STATE_FILE = "e2e-state.json"
SAMPLE_EVERY_S = 0.2


# --- The mirror ----------------------------------------------------------------------------------


def _listing_page(site_title: str, rows: list[tuple[int, str]], number: int, last: int) -> str:
    """A listing page in the EWT layout the msociety family's selectors expect."""
    from crawlers.mirror import msociety_page

    items = "".join(
        f'<div class="news-item"><a href="/ewt_news.php?nid={nid}">{html.escape(title)}</a></div>\n'
        for nid, title in rows
    )
    pager = (
        f'<a class="next" href="/ewt_news_list.php?cid=1&amp;page={number + 1}">หน้าถัดไป</a>'
        if number < last
        else ""
    )
    content = (
        f'<h2>{html.escape(site_title)}</h2>\n{items}<div class="pager">หน้า {number}/{last} {pager}</div>'
    )
    return msociety_page(site_title, content)


@dataclass(frozen=True)
class Mirror:
    root: Path
    sites: tuple[str, ...]
    articles: int
    listings: int
    bytes: int
    build_s: float


def build_corpus_mirror(
    releases: Iterable[Release], root: Path, *, sites: int = DEFAULT_SITES, per_page: int = DEFAULT_PER_PAGE
) -> Mirror:
    """Write every release as an article page of one of `sites` sites under `root` (streaming: only
    ids and titles stay in memory), then each site's listing pages, newest (highest id) first."""
    started = time.perf_counter()
    names = tuple(f"corpus-{i + 1}" for i in range(max(1, sites)))
    titles: dict[str, list[tuple[int, str]]] = {name: [] for name in names}
    written = 0
    for index, release in enumerate(releases):
        name = names[index % len(names)]
        nid = index + 1
        page = news_page(release, "cms").encode("utf-8")
        path = root / name / f"ewt_news.php?nid={nid}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)
        written += len(page)
        titles[name].append((nid, release.title or f"ข่าว {nid}"))
    listings = 0
    for name, rows in titles.items():
        rows.reverse()
        chunks = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
        for number, chunk in enumerate(chunks, 1):
            page = _listing_page(f"ข่าวประชาสัมพันธ์ {name}", chunk, number, len(chunks)).encode("utf-8")
            target = root / name / f"ewt_news_list.php?cid=1&page={number}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page)
            written += len(page)
            listings += 1
    articles = sum(len(rows) for rows in titles.values())
    return Mirror(root, names, articles, listings, written, time.perf_counter() - started)


def sources_file(urls: dict[str, str], path: Path) -> Path:
    """A sources TOML with one msociety-family source per served site."""
    blocks = [
        f'[[source]]\nid = "{name}"\nfamily = "{MIRROR_FAMILY}"\nbase_url = "{url}"\nenabled = true\ncid = "1"\n'
        for name, url in urls.items()
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


# --- Process-tree sampling -----------------------------------------------------------------------


@dataclass
class TreeSample:
    peak_rss_mib: float = 0.0
    peak_breakdown: dict[str, float] = field(default_factory=dict)  # kind -> MiB at the peak
    cpu_s: float = 0.0
    cpu_by_kind: dict[str, float] = field(default_factory=dict)
    samples: int = 0


def _process_kind(cmdline: list[str]) -> str:
    """A short name for a process of the tree, for the memory breakdown at the peak."""
    text = " ".join(cmdline)
    if "crawlers.run" in text:
        return "crawl children"
    if "multiprocessing" in text or "spawn_main" in text:
        return "task-runner workers"
    if "distributed" in text or "dask" in text:
        return "dask workers"
    if "prefect" in text and ("server" in text or "uvicorn" in text):
        return "prefect api"
    return "other"


class ProcessTreeMonitor:
    """Samples RSS and CPU time of this process and all its descendants in a background thread.

    CPU time is summed over every process ever seen (its last sample), so children that ended between
    samples lose at most one interval of CPU.
    """

    def __init__(self, every_s: float = SAMPLE_EVERY_S) -> None:
        import psutil

        self._psutil = psutil
        self._root = psutil.Process(os.getpid())
        self._every_s = every_s
        self._cpu: dict[tuple[int, float], float] = {}
        self._kinds: dict[tuple[int, float], str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="process-tree-monitor", daemon=True)
        self.result = TreeSample()

    def _sample(self) -> None:
        psutil = self._psutil
        total = 0.0
        breakdown: dict[str, float] = {}
        for proc in [self._root, *self._root.children(recursive=True)]:
            try:
                with proc.oneshot():
                    key = (proc.pid, proc.create_time())
                    rss = proc.memory_info().rss / 1024**2
                    times = proc.cpu_times()
                    if key not in self._kinds:
                        self._kinds[key] = (
                            "flow process" if proc.pid == self._root.pid else _process_kind(proc.cmdline())
                        )
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            self._cpu[key] = times.user + times.system
            total += rss
            kind = self._kinds[key]
            breakdown[kind] = breakdown.get(kind, 0.0) + rss
        self.result.samples += 1
        if total > self.result.peak_rss_mib:
            self.result.peak_rss_mib = total
            self.result.peak_breakdown = {k: round(v, 1) for k, v in sorted(breakdown.items())}
        self.result.cpu_s = sum(self._cpu.values())
        by_kind: dict[str, float] = {}
        for key, seconds in self._cpu.items():
            by_kind[self._kinds[key]] = by_kind.get(self._kinds[key], 0.0) + seconds
        self.result.cpu_by_kind = by_kind

    def _run(self) -> None:
        while not self._stop.wait(self._every_s):
            self._sample()

    def __enter__(self) -> ProcessTreeMonitor:
        self._sample()
        # CPU spent before the measured run does not count.
        self._cpu_base = dict(self.result.cpu_by_kind)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.result.cpu_by_kind = {
            kind: round(seconds - self._cpu_base.get(kind, 0.0), 1)
            for kind, seconds in sorted(self.result.cpu_by_kind.items())
        }
        self.result.cpu_s = round(sum(self.result.cpu_by_kind.values()), 1)


# --- Serving and running the flow ----------------------------------------------------------------


@contextmanager
def serve_mirror(root: Path, ports: dict[str, int] | None = None) -> Iterator[dict[str, LocalSite]]:
    """Serve every site under `root` on consecutive localhost ports from FIRST_PORT (or the ports a
    previous run used), in threads of this process: {site name: LocalSite} (each logs its requests)."""
    from crawlers.localsite import LocalSite, site_directories

    directories = site_directories(root)
    sites = {
        path.name: LocalSite(path).start((ports or {}).get(path.name, FIRST_PORT + i))
        for i, path in enumerate(directories)
    }
    try:
        yield sites
    finally:
        for site in sites.values():
            site.stop()


def site_urls(sites: dict[str, LocalSite]) -> dict[str, str]:
    return {name: site.base_url for name, site in sites.items()}


def site_ports(sites: dict[str, LocalSite]) -> dict[str, int]:
    return {name: int(site.base_url.rsplit(":", 1)[1]) for name, site in sites.items()}


@dataclass
class FlowRun:
    """One timed refresh: the flow's summary plus what the process-tree monitor saw."""

    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    peak_breakdown: dict[str, float]
    cpu_by_kind: dict[str, float]
    summary: dict[str, Any]

    def docs_per_s(self, docs: int) -> float:
        return docs / self.wall_s if self.wall_s else 0.0


def run_refresh(
    sources: Path, db: Path, *, task_runner: str, workers: int | None, crawl_workers: int | None
) -> FlowRun:
    """The real refresh flow on the mirror, politeness off, under the process-tree monitor."""
    from flows.refresh import refresh_flow

    with ProcessTreeMonitor() as monitor:
        started = time.perf_counter()
        summary = refresh_flow(
            sources_path=sources,
            db_path=db,
            politeness=False,
            crawl_workers=crawl_workers,
            task_runner=task_runner,
            extract_workers=workers,
        )
        wall = time.perf_counter() - started
    result = monitor.result
    return FlowRun(
        wall, result.cpu_s, result.peak_rss_mib, result.peak_breakdown, result.cpu_by_kind, summary
    )


@dataclass
class E2EReport:
    releases: int
    mirror: dict[str, Any]
    task_runner: str
    workers: int | None
    crawl_workers: int
    run: FlowRun
    database_mib: float
    warc_mib: float
    table_counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _table_counts(db: Path) -> dict[str, int]:
    from flows.store import db_stats, open_db

    con = open_db(db, read_only=True)
    try:
        tables = db_stats(con)["tables"]
    finally:
        con.close()
    return {name: int(tables[name]) for name in ("pages", "articles", "events", "officials", "venues")}


def _folder_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024**2 if path.exists() else 0.0


@dataclass(frozen=True)
class WorkState:
    """What a later benchmark (incremental, queries) needs from an e2e run in a kept work folder."""

    db: Path
    sites_root: Path
    ports: dict[str, int]
    releases: int

    def save(self, workdir: Path) -> None:
        data = {"db": str(self.db), "sites_root": str(self.sites_root), "ports": self.ports}
        (workdir / STATE_FILE).write_text(json.dumps({**data, "releases": self.releases}), encoding="utf-8")

    @classmethod
    def load(cls, workdir: Path) -> WorkState | None:
        path = workdir / STATE_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(Path(data["db"]), Path(data["sites_root"]), dict(data["ports"]), int(data["releases"]))


@contextmanager
def work_folder(workdir: Path | None) -> Iterator[Path]:
    """The given folder (kept), or a temporary one removed afterwards."""
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir
        return
    with tempfile.TemporaryDirectory(prefix="khaosan-e2e-") as tmp:
        yield Path(tmp)


def run_e2e(
    releases: Iterable[Release],
    workdir: Path,
    *,
    sites: int = DEFAULT_SITES,
    per_page: int = DEFAULT_PER_PAGE,
    task_runner: str = "process",
    workers: int | None = None,
    crawl_workers: int | None = None,
) -> tuple[E2EReport, WorkState]:
    """Build the mirror in `workdir`, serve it, run the refresh flow into a fresh database there."""
    from flows.refresh import default_crawl_workers

    crawl_workers = crawl_workers or default_crawl_workers()  # resolved here so the report names it
    mirror = build_corpus_mirror(releases, workdir / "sites", sites=sites, per_page=per_page)
    print(
        f"mirror:   {mirror.articles} articles + {mirror.listings} listing pages on {len(mirror.sites)} "
        f"sites, {mirror.bytes / 1024**2:.0f} MiB, built in {mirror.build_s:.1f} s",
        flush=True,
    )
    db = workdir / "khaosan.duckdb"
    for stale in workdir.glob("khaosan*"):  # a fresh database every run
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    with serve_mirror(mirror.root) as sites:
        sources = sources_file(site_urls(sites), workdir / "sources.toml")
        run = run_refresh(sources, db, task_runner=task_runner, workers=workers, crawl_workers=crawl_workers)
        ports = site_ports(sites)
    state = WorkState(db, mirror.root, ports, mirror.articles)
    state.save(workdir)
    report = E2EReport(
        releases=mirror.articles,
        mirror={k: v for k, v in asdict(mirror).items() if k != "root"},
        task_runner=task_runner,
        workers=workers,
        crawl_workers=crawl_workers,
        run=run,
        database_mib=round(db.stat().st_size / 1024**2, 1),
        warc_mib=round(_folder_mib(workdir / "khaosan-warc"), 1),
        table_counts=_table_counts(db),
    )
    return report, state


def format_stages(summary: dict[str, Any]) -> list[str]:
    stages = summary.get("stage_s") or {}
    cpu = summary.get("stage_cpu_s") or {}
    lines = [
        f"  {name:<22} {seconds:8.1f} s" + (f"   flow process CPU {cpu[name]:7.1f} s" if name in cpu else "")
        for name, seconds in stages.items()
    ]
    extract = summary.get("extract_timings") or {}
    lines += [f"    extract/load: {name:<17} {seconds:8.1f} s" for name, seconds in extract.items()]
    batches = summary.get("extract_batches") or {}
    if batches:
        lines.append("  extraction batches by " + ", ".join(f"{who} {n}" for who, n in batches.items()))
    return lines


def format_run(label: str, run: FlowRun, docs: int) -> list[str]:
    s = run.summary
    return [
        f"{label}: {run.wall_s:.1f} s wall, {run.docs_per_s(docs):.1f} docs/s, {run.cpu_s:.0f} CPU-s "
        f"(process tree), peak RSS {run.peak_rss_mib:.0f} MiB",
        "  peak RSS by process kind: "
        + ", ".join(f"{kind} {mib:.0f} MiB" for kind, mib in run.peak_breakdown.items()),
        "  CPU by process kind: " + ", ".join(f"{kind} {cpu:.0f} s" for kind, cpu in run.cpu_by_kind.items()),
        f"  flow summary: pages_fetched {s.get('pages_fetched')}, articles_fetched {s.get('articles_fetched')}, "
        f"articles_new {s.get('articles_new')}, events_loaded {s.get('events_loaded')}, "
        f"events_total {s.get('events_total')}, errors {s.get('errors')}",
        "  stages (flow's own clock; CPU of the flow process, which in this benchmark also serves the mirror):",
        *format_stages(s),
    ]


def format_report(report: E2EReport) -> str:
    run = report.run
    lines = [
        f"task runner: {report.task_runner} (workers {report.workers or 'default'}), "
        f"crawl children {report.crawl_workers}",
        *format_run("e2e refresh", run, report.releases),
        f"database {report.database_mib:.0f} MiB, WARC {report.warc_mib:.0f} MiB, rows: "
        + ", ".join(f"{k} {v}" for k, v in report.table_counts.items()),
    ]
    samples = run.summary.get("error_samples") or []
    lines += [f"  error sample: {message}" for message in samples[:5]]
    return "\n".join(lines)


# --- Command line (registered by benchmarks.cli) ------------------------------------------------

PIPELINE_COMMANDS = ("e2e", "incremental", "queries")


def add_pipeline_commands(commands: argparse._SubParsersAction, default_corpus: Path) -> None:
    """The e2e, incremental and queries subcommands of `python -m benchmarks`."""

    def runner_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--corpus", type=Path, default=default_corpus, help="thaigov.jsonl(.gz)")
        sub.add_argument("--limit", type=int, help="first N releases only (default: all)")
        sub.add_argument(
            "--workdir", type=Path, help="keep mirror, database and WARC here (default: a temporary folder)"
        )
        sub.add_argument("--sites", type=int, default=DEFAULT_SITES, help="sites the releases are dealt over")
        sub.add_argument("--per-page", type=int, default=DEFAULT_PER_PAGE, help="articles per listing page")
        sub.add_argument("--task-runner", choices=("thread", "process", "dask"), default="process")
        sub.add_argument("--workers", type=int, help="extraction workers (default: the runner's default)")
        sub.add_argument(
            "--crawl-workers",
            type=int,
            help="crawl child processes (default: the refresh flow's, two per core)",
        )
        sub.add_argument("--report", type=Path, help="also write the figures as JSON to this file")

    runner_options(commands.add_parser("e2e", help="corpus as a local site -> real refresh flow -> DuckDB"))
    runner_options(
        commands.add_parser(
            "incremental",
            help="the e2e mirror refreshed again with nothing new (reuses --workdir of an e2e run if given)",
        )
    )
    queries = commands.add_parser("queries", help="analyst queries on a full database, median ms")
    queries.add_argument("--db", type=Path, help="database (default: the one in --workdir)")
    queries.add_argument("--workdir", type=Path, help="work folder of an e2e run")
    queries.add_argument("--repeats", type=int, default=7)
    queries.add_argument("--report", type=Path, help="also write the figures as JSON to this file")


def _write_json(path: Path | None, name: str, figures: dict[str, Any]) -> None:
    if path is None:
        return
    from benchmarks.machine import machine_info

    path.parent.mkdir(parents=True, exist_ok=True)
    report = {"benchmark": name, "machine": asdict(machine_info()), **figures}
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"report written to {path}")


def _e2e(args: argparse.Namespace, workdir: Path) -> tuple[E2EReport, WorkState] | None:
    from benchmarks.corpus import read_releases

    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (pass --corpus PATH to thaigov.jsonl.gz)", file=sys.stderr)
        return None
    print(f"corpus:   {args.corpus} (limit {args.limit or 'none'})", flush=True)
    report, state = run_e2e(
        read_releases(args.corpus, args.limit),
        workdir,
        sites=args.sites,
        per_page=args.per_page,
        task_runner=args.task_runner,
        workers=args.workers,
        crawl_workers=args.crawl_workers,
    )
    print(format_report(report), flush=True)
    return report, state


def run_pipeline_command(args: argparse.Namespace) -> int:
    """Run e2e, incremental or queries; 0 on success, 2 when an input is missing."""
    if args.name == "queries":
        from benchmarks.queries import format_report as format_queries
        from benchmarks.queries import run_queries

        db = args.db or (args.workdir / "khaosan.duckdb" if args.workdir else None)
        if db is None or not db.is_file():
            print(
                f"database not found: {db}; run `python -m benchmarks e2e --workdir DIR` first and pass "
                "--workdir DIR (or --db PATH)",
                file=sys.stderr,
            )
            return 2
        queries_report = run_queries(db, repeats=args.repeats)
        print(format_queries(queries_report))
        _write_json(args.report, "queries", queries_report.as_dict())
        return 0
    with work_folder(args.workdir) as workdir:
        state = WorkState.load(workdir) if args.name == "incremental" else None
        if state is None or not state.db.is_file():
            done = _e2e(args, workdir)
            if done is None:
                return 2
            e2e_report, state = done
            if args.name == "e2e":
                _write_json(args.report, "e2e", e2e_report.as_dict())
                return 0
        else:
            print(f"reusing the e2e run in {workdir} ({state.releases} articles)", flush=True)
        from benchmarks.incremental import format_report as format_incremental
        from benchmarks.incremental import run_incremental

        incremental = run_incremental(
            state, task_runner=args.task_runner, workers=args.workers, crawl_workers=args.crawl_workers
        )
        print(format_incremental(incremental))
        _write_json(args.report, "incremental", incremental.as_dict())
    return 0
