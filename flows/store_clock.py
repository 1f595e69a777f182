"""Wall-clock time for bookkeeping columns (run start/finish, load time), never for event data."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """Naive UTC: DuckDB TIMESTAMP columns hold UTC by convention throughout the schema."""
    return datetime.now(UTC).replace(tzinfo=None)


def parse_utc(value: str | None) -> datetime | None:
    """ISO-8601 from the crawl files (`…Z` or with offset) as naive UTC; None if absent or invalid."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
