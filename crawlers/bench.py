"""Crawl benchmark: `uv run python -m crawlers.bench [--pages N]`.

Builds a local mirror of N articles spread over six sites (dep, msociety, prd, feed and two sdo
provinces) in a temporary directory, serves it with crawlers.localsite, crawls it with politeness off,
then crawls it again with the first run's KNOWN state (nothing changed) and prints both runs' figures.
Local traffic only; the numbers measure the crawler (parsing, hashing, WARC writing), not a network.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from crawlers.known import known_from_runs
from crawlers.localsite import serve_sites, sources_toml
from crawlers.mirror import articles_for, build_site
from crawlers.run import CrawlResult, crawl_in_subprocess

BENCH_SITES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("dep", "dep", {}),
    ("msociety", "msociety", {}),
    ("prd", "prd", {}),
    ("feed", "feed", {}),
    ("sdo-lampang", "sdo", {"province": "ลำปาง"}),
    ("sdo-chiangmai", "sdo", {"province": "เชียงใหม่"}),
)
PER_PAGE = 10


def build_mirror(root: Path, total_articles: int) -> None:
    share, extra = divmod(total_articles, len(BENCH_SITES))
    for index, (name, family, params) in enumerate(BENCH_SITES):
        count = share + (1 if index < extra else 0)
        build_site(
            family, root / name, articles_for(count, 100_000 * (index + 1)), per_page=PER_PAGE, params=params
        )


def timed_crawl(
    sources: Path, out: Path, warc_dir: Path, known: Path | None = None
) -> tuple[CrawlResult, float]:
    started = time.perf_counter()
    result = crawl_in_subprocess(
        sources, out, warc_dir, known_path=known, politeness=False, settings={"LOG_LEVEL": "WARNING"}
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stderr_tail}")
    return result, wall


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m crawlers.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="articles in the generated mirror")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khaosan-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        build_mirror(work / "sites", args.pages)
        print(
            f"mirror: {args.pages} articles on {len(BENCH_SITES)} sites built in {time.perf_counter() - started:.1f} s"
        )
        with serve_sites(work / "sites") as urls:
            sources = work / "sources.toml"
            sources.write_text(sources_toml(work / "sites", urls), encoding="utf-8")
            first, first_wall = timed_crawl(sources, work / "run1", work / "warc")
            known = work / "KNOWN.json"
            known.write_text(json.dumps(known_from_runs([work / "run1"])), encoding="utf-8")
            second, second_wall = timed_crawl(sources, work / "run2", work / "warc", known)
        warc_bytes = sum(f.stat().st_size for f in (work / "warc").glob("*.warc.gz"))
    s1, s2 = first.stats, second.stats
    print(
        f"first crawl : {s1['articles_fetched']} articles, {s1['listings_fetched']} listings, "
        f"{s1['requests']} requests, {s1['errors']} errors in {s1['elapsed_s']:.1f} s crawl time "
        f"({first_wall:.1f} s wall incl. process start) -> {s1['articles_fetched'] / s1['elapsed_s']:.0f} articles/s, "
        f"{s1['responses'] / s1['elapsed_s']:.0f} responses/s; WARC {warc_bytes / 1e6:.1f} MB"
    )
    print(
        f"second crawl (unchanged, with KNOWN): {s2['requests']} requests "
        f"({s2['listings_not_modified']} answered 304), {s2['articles_fetched']} articles fetched, "
        f"{s2['elapsed_s']:.2f} s crawl time ({second_wall:.1f} s wall)"
    )


if __name__ == "__main__":
    main()
