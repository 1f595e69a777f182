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
            canonical_url(url): {k: str(v) for k, v in (state or {}).items() if k in ("etag", "last_modified") and v}
            for url, state in listings.items()
            if isinstance(state, dict) or state is None
        },
    )
