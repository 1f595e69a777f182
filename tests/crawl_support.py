"""Helpers for the crawl tests: real crawls in a child process against crawlers.localsite servers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawlers.known import known_from_runs
from crawlers.run import CrawlResult, crawl_in_subprocess

FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"
FAMILIES = ("dep", "msociety", "sdo", "prd", "thaigov", "feed")

# Small timeouts and waits so failure paths finish quickly; the retry logic itself is unchanged.
FAST_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 1,
    "KHAOSAN_RETRY_BACKOFF_BASE_S": 0.05,
    "KHAOSAN_RETRY_AFTER_MAX_S": 0.5,
    "LOG_LEVEL": "WARNING",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class CrawlRun:
    out: Path
    warc_dir: Path
    result: CrawlResult

    @property
    def pages(self) -> list[dict[str, Any]]:
        return read_jsonl(self.out / "pages.jsonl")

    @property
    def listings(self) -> list[dict[str, Any]]:
        return read_jsonl(self.out / "listings.jsonl")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return read_jsonl(self.out / "errors.jsonl")

    @property
    def stats(self) -> dict[str, Any]:
        return self.result.stats


def crawl(
    workdir: Path,
    sources_text: str,
    name: str = "run",
    known_runs: list[CrawlRun] | None = None,
    settings: dict[str, Any] | None = None,
    **options: Any,
) -> CrawlRun:
    workdir.mkdir(parents=True, exist_ok=True)
    sources = workdir / f"{name}.toml"
    sources.write_text(sources_text, encoding="utf-8")
    known_path = None
    if known_runs:
        known_path = workdir / f"{name}-KNOWN.json"
        known_path.write_text(json.dumps(known_from_runs([r.out for r in known_runs])), encoding="utf-8")
    out, warc_dir = workdir / name, workdir / "warc"
    options.setdefault("politeness", False)
    result = crawl_in_subprocess(
        sources,
        out,
        warc_dir,
        known_path=known_path,
        settings={**FAST_SETTINGS, **(settings or {})},
        timeout_s=120,
        **options,
    )
    assert result.returncode == 0, result.stderr_tail
    return CrawlRun(out, warc_dir, result)


def source_block(source_id: str, family: str, base_url: str, **params: Any) -> str:
    lines = ["[[source]]", f'id = "{source_id}"', f'family = "{family}"', f'base_url = "{base_url}"']
    for key, value in params.items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n\n"
