"""Crawl entry point. Scrapy's reactor cannot restart inside one process, so the flow runs every crawl
in a child process, either via the CLI or `crawl_in_subprocess`:

    uv run python -m crawlers.run --sources SOURCES.toml --out RUN_DIR --warc-dir WARC_DIR \\
        [--known KNOWN.json] [--only SOURCE_ID ...] [--no-politeness] [--max-pages N] \\
        [--recheck] [--set SCRAPY_SETTING=VALUE ...]

Exit codes: 0 crawl finished (per-URL failures are in errors.jsonl), 2 unusable input (sources file,
KNOWN.json, --only) before any request, 1 the crawl itself failed (stats.json missing).
`--max-pages N` caps, per source, both the article pages fetched and the listing pages followed.
`--recheck` is a full re-crawl (no conditional GET, no early stop, known articles refetched) that
reports changed articles by their content hash.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawlers import settings as default_settings
from crawlers.bytecode_cache import bytecode_cache_environment
from crawlers.known import KnownStateError, load_known
from crawlers.sources import FAMILIES, SourceConfig, SourcesFileError, load_sources
from crawlers.spiders.press import PressReleaseSpider

USAGE_ERROR = 2
CRAWL_FAILED = 1
STDERR_TAIL_CHARS = 4000
TERMINATE_GRACE_S = 15
TIMED_OUT = 124  # like coreutils `timeout`: the child was stopped because timeout_s passed
LOW_DISK_BYTES = 1 << 20  # below this, a failed crawl is blamed on the disk (its log may be empty)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m crawlers.run", description="Crawl press-release sources."
    )
    parser.add_argument("--sources", required=True, type=Path)
    parser.add_argument(
        "--out", required=True, type=Path, help="run directory for the JSONL outputs and stats.json"
    )
    parser.add_argument("--warc-dir", required=True, type=Path)
    parser.add_argument("--known", type=Path, default=None)
    parser.add_argument("--only", nargs="+", default=None, metavar="SOURCE_ID")
    parser.add_argument(
        "--no-politeness", action="store_true", help="no throttling/delays (local mirrors only)"
    )
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--recheck", action="store_true", help="full re-crawl reporting changed articles")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="override a Scrapy setting"
    )
    return parser.parse_args(argv)


def select_sources(sources: list[SourceConfig], only: list[str] | None) -> list[SourceConfig]:
    """Enabled sources, narrowed by --only; raises SourcesFileError for unknown or disabled ids."""
    if only is None:
        return [s for s in sources if s.enabled]
    by_id = {s.id: s for s in sources}
    problems = [f"--only {i!r}: no such source in the sources file" for i in only if i not in by_id]
    problems += [
        f"--only {i!r}: source is disabled ({by_id[i].disabled_reason})"
        for i in only
        if i in by_id and not by_id[i].enabled
    ]
    if problems:
        raise SourcesFileError("\n".join(problems))
    return [by_id[i] for i in dict.fromkeys(only)]


def setting_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def crawl_settings(no_politeness: bool, overrides: list[str]) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    if no_politeness:
        settings.update(default_settings.NO_POLITENESS, priority="cmdline")
    for item in overrides:
        name, _, value = item.partition("=")
        settings.set(name.strip(), setting_value(value), priority="cmdline")
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        sources = select_sources(load_sources(args.sources), args.only)
        known = load_known(args.known)
    except (SourcesFileError, KnownStateError) as exc:
        print(f"crawl not started:\n{exc}", file=sys.stderr)
        return USAGE_ERROR
    if args.max_pages is not None and args.max_pages < 1:
        print("crawl not started: --max-pages must be at least 1", file=sys.stderr)
        return USAGE_ERROR
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.getpid()}"
    (args.out / "stats.json").unlink(missing_ok=True)
    process = CrawlerProcess(crawl_settings(args.no_politeness, args.set))
    process.crawl(
        PressReleaseSpider,
        plans=[FAMILIES[s.family].plan(s) for s in sources],
        known=known,
        out_dir=args.out,
        warc_dir=args.warc_dir,
        run_id=run_id,
        max_pages=args.max_pages,
        recheck=args.recheck,
    )
    process.start()
    return 0 if (args.out / "stats.json").exists() else CRAWL_FAILED


@dataclass(frozen=True)
class CrawlResult:
    stats: dict[str, Any]  # stats.json, or {} when the crawl did not get that far
    returncode: int  # 0 ok, 2 unusable input, 1 crawl failed, 124 stopped at timeout_s, <0 killed by signal
    stderr_tail: str  # last lines of the child's stderr (the full log is RUN_DIR/crawl.log)


def child_environment() -> dict[str, str]:
    """The parent's environment, but with bytecode cached outside the source tree: with
    PYTHONDONTWRITEBYTECODE every crawl child recompiles Scrapy and Twisted (about a second of CPU)."""
    return bytecode_cache_environment(os.environ)


def crawl_in_subprocess(
    sources_path: str | Path,
    out_dir: str | Path,
    warc_dir: str | Path,
    known_path: str | Path | None = None,
    only: Sequence[str] | None = None,
    politeness: bool = True,
    timeout_s: float | None = None,
    max_pages: int | None = None,
    settings: dict[str, Any] | None = None,
    recheck: bool = False,
) -> CrawlResult:
    """Run `python -m crawlers.run` in a child process and wait for it.

    On timeout the child gets SIGTERM (Scrapy then closes cleanly and still writes stats.json), and
    SIGKILL if it has not exited after a grace period. Never raises for crawl problems.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "crawlers.run", "--sources", str(sources_path), "--out", str(out_dir)]
    command += ["--warc-dir", str(warc_dir)]
    if known_path is not None:
        command += ["--known", str(known_path)]
    if only:
        command += ["--only", *only]
    if not politeness:
        command.append("--no-politeness")
    if max_pages is not None:
        command += ["--max-pages", str(max_pages)]
    if recheck:
        command.append("--recheck")
    for name, value in (settings or {}).items():
        command += ["--set", f"{name}={json.dumps(value)}"]
    log_path = out_dir / "crawl.log"
    with log_path.open("wb") as log:
        child = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=child_environment()
        )
        try:
            returncode = child.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=TERMINATE_GRACE_S)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            returncode = TIMED_OUT
    stats_path = out_dir / "stats.json"
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    tail = log_path.read_bytes()[-STDERR_TAIL_CHARS:].decode("utf-8", "replace")
    if returncode not in (0, USAGE_ERROR):
        tail += "".join(f"\n{note}" for note in low_disk_notes(out_dir, Path(warc_dir)))
    return CrawlResult(stats=stats, returncode=returncode, stderr_tail=tail)


def low_disk_notes(*directories: Path) -> list[str]:
    """Say so when a failed crawl's output disk is (nearly) full: the child could not even log it."""
    notes = []
    for directory in directories:
        existing = next((p for p in (directory, *directory.parents) if p.exists()), None)
        if existing is None:
            continue
        free = shutil.disk_usage(existing).free
        if free < LOW_DISK_BYTES:
            notes.append(
                f"crawl failed: the disk holding {directory} has only {free} bytes free, so the crawl "
                "could not write its archive and JSONL files; free space there or choose another "
                "--out / --warc-dir, then run again"
            )
    return list(dict.fromkeys(notes))


if __name__ == "__main__":
    sys.exit(main())
