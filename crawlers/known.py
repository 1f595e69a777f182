"""KNOWN.json: what the store already has (written by the flow; may be absent).

    {"articles": {"<canonical_url>": "<content_sha256>", …},
     "listings": {"<url>": {"etag": "…", "last_modified": "…"}, …}}

Keys are re-canonicalised on load so a flow that stored a slightly different spelling still matches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from crawlers.canonical import canonical_url


class KnownStateError(ValueError):
    """KNOWN.json exists but cannot be used."""


@dataclass(frozen=True)
class KnownState:
    articles: dict[str, str] = field(default_factory=dict)
    listings: dict[str, dict[str, str]] = field(default_factory=dict)


def load_known(path: str | Path | None) -> KnownState:
    if path is None or not Path(path).exists():
        return KnownState()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnownStateError(f"{path}: cannot read KNOWN state: {exc}") from exc
    if not isinstance(data, dict):
        raise KnownStateError(f"{path}: KNOWN state must be a JSON object with 'articles' and 'listings'")
    articles = data.get("articles") or {}
    listings = data.get("listings") or {}
    if not isinstance(articles, dict) or not isinstance(listings, dict):
        raise KnownStateError(f"{path}: 'articles' and 'listings' must be JSON objects")
    return KnownState(
        articles={canonical_url(url): str(sha or "") for url, sha in articles.items()},
        listings={
            canonical_url(url): {
                k: str(v) for k, v in (state or {}).items() if k in ("etag", "last_modified") and v
            }
            for url, state in listings.items()
            if isinstance(state, dict) or state is None
        },
    )


def known_from_runs(run_dirs: list[Path], previous: KnownState | None = None) -> dict[str, dict]:
    """KNOWN.json content after the given runs (oldest first): what the flow would write from its store.
    Used by tests and the benchmark; the flow builds the same structure from DuckDB."""
    articles = dict(previous.articles) if previous else {}
    listings = {url: dict(state) for url, state in previous.listings.items()} if previous else {}
    for run_dir in run_dirs:
        for record in _read_jsonl(Path(run_dir) / "pages.jsonl"):
            articles[record["canonical_url"]] = record["content_sha256"]
        for record in _read_jsonl(Path(run_dir) / "listings.jsonl"):
            state = {k: record[k] for k in ("etag", "last_modified") if record.get(k)}
            if state:
                listings[record["url"]] = state
    return {"articles": articles, "listings": listings}


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
