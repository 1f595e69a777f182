"""Run outputs: pages.jsonl, listings.jsonl, errors.jsonl (append-only, flushed per line so a killed
crawl keeps what it had), the WARC archive, and stats.json at the end. Field meanings: CRAWL_CONTRACT.md."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from crawlers.warc import WarcArchive, WarcLocation

COUNTERS = (
    "requests",
    "responses",
    "articles_fetched",
    "articles_new",
    "articles_changed",
    "articles_unchanged",
    "listings_fetched",
    "listings_not_modified",
    "errors",
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class JsonLines:
    def __init__(self, path: Path) -> None:
        self._handle: IO[str] = path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


class RunRecorder:
    def __init__(self, out_dir: Path, warc_dir: Path, run_id: str) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.pages = JsonLines(self.out_dir / "pages.jsonl")
        self.listings = JsonLines(self.out_dir / "listings.jsonl")
        self.errors = JsonLines(self.out_dir / "errors.jsonl")
        self.archive = WarcArchive(Path(warc_dir), run_id)
        self.by_source: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))

    def count(self, source_id: str, key: str, amount: int = 1) -> None:
        self.by_source[source_id][key] += amount

    def archive_response(
        self,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        request_headers: list[tuple[str, str]],
    ) -> WarcLocation:
        return self.archive.write(url, status, headers, body, request_headers=request_headers)

    def page(self, record: dict[str, Any], is_new: bool, changed: bool) -> None:
        source_id = record["source_id"]
        self.pages.write(record)
        self.count(source_id, "articles_fetched")
        self.count(
            source_id, "articles_new" if is_new else "articles_changed" if changed else "articles_unchanged"
        )

    def listing(self, record: dict[str, Any]) -> None:
        self.listings.write(record)
        self.count(
            record["source_id"], "listings_not_modified" if record["not_modified"] else "listings_fetched"
        )

    def error(self, source_id: str, url: str, stage: str, status: int | None, message: str) -> None:
        self.errors.write(
            {
                "source_id": source_id,
                "url": url,
                "stage": stage,
                "status": status,
                "message": message,
                "at": utc_now(),
            }
        )
        self.count(source_id, "errors")

    def close(self, elapsed_s: float, totals: dict[str, int]) -> dict[str, Any]:
        """Write stats.json; `totals` (requests/responses incl. robots.txt) override the summed counters."""
        for handle in (self.pages, self.listings, self.errors):
            handle.close()
        self.archive.close()
        stats: dict[str, Any] = {key: sum(s[key] for s in self.by_source.values()) for key in COUNTERS}
        stats.update(totals)
        stats["by_source"] = {k: dict(v) for k, v in sorted(self.by_source.items())}
        stats["elapsed_s"] = round(elapsed_s, 3)
        (self.out_dir / "stats.json").write_text(
            json.dumps(stats, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        return stats
