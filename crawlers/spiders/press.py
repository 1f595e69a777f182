"""The one spider: crawls every planned source through its listings, sitemaps and feeds.

Incremental: article URLs whose canonical form is in KNOWN are not fetched (unless `recheck`);
listing pagination stops at the first page without unknown articles; listings, sitemaps and feeds are
fetched with If-None-Match / If-Modified-Since from KNOWN's listing state and a 304 stops there.
Every callback is guarded: a page that cannot be parsed is recorded in errors.jsonl and the crawl goes on.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parsel import Selector
from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.canonical import canonical_url, origin, without_tracking
from crawlers.discovery import absolute, article_fingerprint, classify_links, listing_links, xml_links
from crawlers.encoding import decode_html
from crawlers.errors import classify_failure, describe
from crawlers.known import KnownState
from crawlers.recorder import RunRecorder, utc_now
from crawlers.sources import CrawlPlan
from crawlers.warc import WarcLocation

MAX_LISTING_PAGES = 1000  # safety net against pagers that loop forever
DISCOVERY_PRIORITY = 10  # listings before articles, so the incremental stop is decided early


@dataclass
class SourceProgress:
    plan: CrawlPlan
    articles_scheduled: int = 0
    discovery_seen: set[str] = field(default_factory=set)
    offsite_seen: set[str] = field(default_factory=set)


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def header_pairs(headers: Any) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


class PressReleaseSpider(Spider):
    name = "press"

    def __init__(
        self,
        plans: list[CrawlPlan],
        known: KnownState,
        out_dir: Path,
        warc_dir: Path,
        run_id: str,
        max_pages: int | None = None,
        recheck: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.progress = {plan.source_id: SourceProgress(plan) for plan in plans}
        self.known = known
        self.recorder = RunRecorder(out_dir, warc_dir, run_id)
        self.max_pages = max_pages
        self.recheck = recheck
        self.scheduled_articles: set[str] = set()
        self.started = time.monotonic()

    async def start(self) -> AsyncIterator[Request]:
        for progress in self.progress.values():
            plan = progress.plan
            kinds = (("listing", plan.listing_urls), ("sitemap", plan.sitemap_urls), ("feed", plan.feed_urls))
            for kind, urls in kinds:
                for url in urls:
                    request = self.discovery_request(progress, url, kind, page=1)
                    if request is not None:
                        yield request

    def base_meta(self, plan: CrawlPlan, kind: str, canonical: str) -> dict[str, Any]:
        return {
            "source_id": plan.source_id,
            "source_origin": plan.origin,
            "download_slot": plan.origin.split("://", 1)[1],  # politeness per host:port
            "kind": kind,
            "canonical": canonical,
        }

    def discovery_request(self, progress: SourceProgress, url: str, kind: str, page: int) -> Request | None:
        canonical = canonical_url(url)
        listing_cap = min(self.max_pages or MAX_LISTING_PAGES, MAX_LISTING_PAGES)
        if canonical in progress.discovery_seen or (kind == "listing" and page > listing_cap):
            return None
        progress.discovery_seen.add(canonical)
        headers = {}
        state = {} if self.recheck else self.known.listings.get(canonical, {})
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        meta = self.base_meta(progress.plan, kind, canonical) | {
            "page": page,
            "handle_httpstatus_list": [304],
        }
        return Request(
            url,
            headers=headers,
            meta=meta,
            callback=self.parse_discovery,
            errback=self.on_error,
            priority=DISCOVERY_PRIORITY,
            dont_filter=True,
        )

    def article_requests(self, progress: SourceProgress, urls: list[str]) -> Iterator[Request]:
        for url in urls:
            canonical = canonical_url(url)
            if canonical in self.scheduled_articles:
                continue
            if canonical in self.known.articles and not self.recheck:
                continue
            if self.max_pages is not None and progress.articles_scheduled >= self.max_pages:
                return
            self.scheduled_articles.add(canonical)
            progress.articles_scheduled += 1
            meta = self.base_meta(progress.plan, "article", canonical)
            yield Request(
                without_tracking(url),
                meta=meta,
                callback=self.parse_article,
                errback=self.on_error,
                dont_filter=True,
            )

    def parse_discovery(self, response: Response) -> Iterator[Request]:
        meta = response.meta
        progress = self.progress[meta["source_id"]]
        try:
            yield from self.discover(progress, response)
        except Exception as exc:  # one bad page never stops a crawl
            self.record_error(meta, response.url, "parse", response.status, f"{type(exc).__name__}: {exc}")

    def discover(self, progress: SourceProgress, response: Response) -> Iterator[Request]:
        meta = response.meta
        record = {
            "source_id": progress.plan.source_id,
            "url": meta["canonical"],
            "status": response.status,
            "etag": header(response, "ETag"),
            "last_modified": header(response, "Last-Modified"),
            "not_modified": response.status == 304,
            "article_links": 0,
            "new_links": 0,
        }
        if response.status == 304:
            state = self.known.listings.get(meta["canonical"], {})
            record["etag"] = record["etag"] or state.get("etag")
            record["last_modified"] = record["last_modified"] or state.get("last_modified")
            self.recorder.listing(record)
            return
        self.archive(response)
        text, _ = decode_html(response.body, header(response, "Content-Type"))
        next_page = None
        if meta["kind"] == "listing":
            links = listing_links(Selector(text=text), response.url, progress.plan)
            articles, offsite, next_page = links.articles, links.offsite_articles, links.next_page
        else:
            found = xml_links(text)
            if found.declares_entities:
                self.record_error(
                    meta,
                    response.url,
                    "parse",
                    response.status,
                    "the XML declares entities (a DTD internal subset, as in entity-expansion bombs); "
                    "they were not expanded and its plain links were still read",
                )
            articles, offsite = classify_links(found.links, response.url, progress.plan)
            for child in filter(None, (absolute(response.url, href) for href in found.child_sitemaps)):
                if origin(child) == progress.plan.origin and (
                    request := self.discovery_request(progress, child, "sitemap", 1)
                ):
                    yield request
        for url in offsite:
            if url not in progress.offsite_seen:
                progress.offsite_seen.add(url)
                self.record_error(meta, url, "offsite", None, f"article link on {response.url}")
        new = [url for url in articles if canonical_url(url) not in self.known.articles]
        record["article_links"], record["new_links"] = len(articles), len(new)
        self.recorder.listing(record)
        yield from self.article_requests(progress, articles)
        if (
            next_page
            and (new or self.recheck)
            and (request := self.discovery_request(progress, next_page, "listing", meta["page"] + 1))
        ):
            yield request

    def parse_article(self, response: Response) -> None:
        meta = response.meta
        content_type = header(response, "Content-Type")
        try:
            text, encoding = decode_html(response.body, content_type)
            content_sha256, title = article_fingerprint(
                Selector(text=text), self.progress[meta["source_id"]].plan
            )
        except Exception as exc:  # archive and record it anyway: extraction may still cope
            self.record_error(meta, response.url, "parse", response.status, f"{type(exc).__name__}: {exc}")
            encoding, title = None, None
            content_sha256 = hashlib.sha256(response.body).hexdigest()
        location = self.archive(response)
        known_hash = self.known.articles.get(meta["canonical"])
        record = {
            "source_id": meta["source_id"],
            "url": response.url,
            "canonical_url": meta["canonical"],
            "fetched_at": utc_now(),
            "status": response.status,
            "content_sha256": content_sha256,
            "warc_file": location.warc_file,
            "warc_offset": location.offset,
            "warc_length": location.length,
            "encoding": encoding,
            "content_type": content_type,
            "changed": known_hash is not None and known_hash != content_sha256,
            "http_etag": header(response, "ETag"),
            "http_last_modified": header(response, "Last-Modified"),
            "title": title,
        }
        self.recorder.page(record, is_new=known_hash is None, changed=record["changed"])

    def archive(self, response: Response) -> WarcLocation:
        return self.recorder.archive_response(
            response.url,
            response.status,
            header_pairs(response.headers),
            response.body,
            header_pairs(response.request.headers) if response.request else [],
        )

    def on_error(self, failure: Failure) -> None:
        request: Request = failure.request  # type: ignore[attr-defined]
        stage, status, detail = classify_failure(failure.value)
        url = request.url
        redirects = request.meta.get("redirect_urls") or []
        if stage == "http" and status is None and redirects:  # a redirect loop: name where it began
            detail = f"{detail}: {' -> '.join([*redirects, request.url])}"
            url = redirects[0]
        self.record_error(request.meta, url, stage, status, detail)

    def record_error(
        self, meta: dict[str, Any], url: str, stage: str, status: int | None, detail: str
    ) -> None:
        source_id = meta.get("source_id", "")
        message = describe(
            stage, status, meta.get("kind", "page"), url, source_id, detail, meta.get("source_origin")
        )
        self.recorder.error(source_id, url, stage, status, message)

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        totals = {
            "requests": stats.get_value("downloader/request_count", 0),
            "responses": stats.get_value("downloader/response_count", 0),
        }
        self.recorder.close(time.monotonic() - self.started, totals)
