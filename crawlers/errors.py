"""Crawl failures as errors.jsonl stages with messages that say what failed, where, and what to do."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawlers.middlewares import OffsiteRequest

STAGE_BY_EXCEPTION: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((OffsiteRequest,), "offsite"),
    ((CannotResolveHostError, net_error.DNSLookupError), "dns"),
    ((DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError), "timeout"),
    (
        (
            DownloadConnectionRefusedError,
            DownloadFailedError,
            ResponseDataLossError,
            net_error.ConnectError,
            net_error.ConnectionLost,
            net_error.ConnectionDone,
            ResponseNeverReceived,
            ResponseFailed,
        ),
        "connect",
    ),
)

ADVICE = {
    "dns": "the host name does not resolve: check base_url in the sources file, or the site's DNS is down",
    "connect": "the server refused or dropped the connection (after retries): the site may be down; the next run retries",
    "timeout": "no complete response within DOWNLOAD_TIMEOUT (after retries): the site is slow or down; the next run retries",
    "robots": "robots.txt disallows this URL for our user agent: skipped by policy; nothing to do unless the site changes robots.txt",
    "offsite": "it leaves the source's origin, so it was dropped: if the site moved host, update base_url in the sources file",
    "size": "the response exceeds DOWNLOAD_MAXSIZE (on the wire or once decompressed): skipped; raise the limit only if such pages are legitimate",
    "redirect": "the page redirects in a loop or through more than REDIRECT_MAX_TIMES hops: skipped; open it in a browser, and if the site is broken tell its webmaster",
    "parse": "the page was fetched but could not be parsed: check the family's selectors in crawlers/sources/",
}
HTTP_ADVICE = {
    304: "not modified",
    403: "access refused: respect it; check the site's terms and robots.txt, do not work around it",
    404: "the page is gone or the link is wrong: if a listing/feed/sitemap 404s, the family's paths changed",
    410: "the page was removed on purpose: drop it",
    429: "rate limited even after honouring Retry-After: crawl this source less often or slow it down",
}


def classify_failure(exception: BaseException) -> tuple[str, int | None, str]:
    """(stage, HTTP status or None, short detail) for an errback failure."""
    if isinstance(exception, HttpError):
        return "http", exception.response.status, f"HTTP {exception.response.status}"
    for types, stage in STAGE_BY_EXCEPTION:
        if isinstance(exception, types):
            return stage, None, f"{type(exception).__name__}: {exception}".rstrip(": ")
    text = str(exception)
    if isinstance(exception, DownloadCancelledError):
        # Scrapy cancels with a message when Content-Length announces too much, and without one
        # when a body without Content-Length passes the limit while streaming.
        return "size", None, text or "body passed DOWNLOAD_MAXSIZE while streaming; download aborted"
    if isinstance(exception, IgnoreRequest):
        if "during decompression" in text:  # a gzip/deflate/brotli bomb stopped by the size limit
            return "size", None, text
        if "max redirections" in text:
            return "http", None, "too many redirects"
        if "robots" in text.lower():
            return "robots", None, "forbidden by robots.txt"
    return "connect", None, f"{type(exception).__name__}: {exception}"


def http_advice(status: int | None) -> str:
    if status in HTTP_ADVICE:
        return HTTP_ADVICE[status]
    if status is not None and status >= 500:
        return "server error (after retries): the site is failing; the next run retries"
    return "unexpected HTTP status: look at the page in a browser"


def describe(
    stage: str,
    status: int | None,
    kind: str,
    url: str,
    source_id: str,
    detail: str,
    source_origin: str | None = None,
) -> str:
    where = f"{kind} {url} (source {source_id or '?'}{', origin ' + source_origin if source_origin else ''})"
    if stage == "http" and status is None:  # no final response: the redirect limit stopped it
        advice = ADVICE["redirect"]
    else:
        advice = http_advice(status) if stage == "http" else ADVICE.get(stage, "see the crawl log")
    return f"{detail} for {where}: {advice}"
