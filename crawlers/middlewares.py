"""Downloader middlewares: origin guard, polite retry with backoff, per-source traffic counts."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.response import response_status_message

from crawlers.canonical import origin


class OffsiteRequest(IgnoreRequest):
    """A request (usually a redirect) leaving its source's origin; dropped and recorded."""


class OriginGuardMiddleware:
    """Only the source's own scheme+host+port may be fetched: Scrapy's offsite filter ignores ports,
    which matters for local mirrors and for sites that redirect to a different host."""

    def process_request(self, request: Request) -> None:
        allowed = request.meta.get("source_origin")
        if allowed and origin(request.url) != allowed:
            first = (request.meta.get("redirect_urls") or [request.url])[0]
            via = f" (redirected from {first})" if first != request.url else ""
            raise OffsiteRequest(f"{request.url}{via} is outside the source origin {allowed}")


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry plus a wait before each retry: Retry-After when the server sends one (capped by
    KHAOSAN_RETRY_AFTER_MAX_S), else KHAOSAN_RETRY_BACKOFF_BASE_S * 2**attempt (capped)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        settings = crawler.settings
        middleware.backoff_base_s = settings.getfloat("KHAOSAN_RETRY_BACKOFF_BASE_S", 2.0)
        middleware.backoff_max_s = settings.getfloat("KHAOSAN_RETRY_BACKOFF_MAX_S", 60.0)
        middleware.retry_after_max_s = settings.getfloat("KHAOSAN_RETRY_AFTER_MAX_S", 120.0)
        return middleware

    def backoff_s(self, request: Request) -> float:
        return min(self.backoff_base_s * 2 ** request.meta.get("retry_times", 0), self.backoff_max_s)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        retry_after = retry_after_seconds(response.headers.get("Retry-After", b"").decode("latin-1"))
        delay = (
            min(retry_after, self.retry_after_max_s) if retry_after is not None else self.backoff_s(request)
        )
        self.crawler.stats.inc_value("khaosan/retry_wait_s", delay)
        await asyncio.sleep(delay)
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self.backoff_s(request))
        return retry


class SourceTrafficMiddleware:
    """Counts download attempts and responses per source (sits next to the downloader)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _count(self, request: Request, key: str) -> None:
        source_id = request.meta.get("source_id")
        recorder = getattr(self.crawler.spider, "recorder", None)
        if source_id and recorder is not None:
            recorder.count(source_id, key)

    def process_request(self, request: Request) -> None:
        self._count(request, "requests")

    def process_response(self, request: Request, response: Response) -> Response:
        self._count(request, "responses")
        return response
