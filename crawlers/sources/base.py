"""Types shared by the family modules and the sources-file loader."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

from crawlers.canonical import origin


class SourcesFileError(ValueError):
    """A sources file that cannot be used; the message names the file and line of every problem."""


@dataclass(frozen=True)
class SourceConfig:
    """One crawlable instance of a family, as read from a sources file (line = its [[source]] line)."""

    id: str
    family: str
    base_url: str
    enabled: bool
    params: Mapping[str, str] = field(default_factory=dict)
    disabled_reason: str | None = None
    override_reason: str | None = None
    file: str = ""
    line: int = 0

    @property
    def origin(self) -> str:
        return origin(self.base_url)


@dataclass(frozen=True)
class CrawlPlan:
    """Everything the spider needs to crawl one source: absolute start URLs and the family's rules."""

    source_id: str
    origin: str
    listing_urls: tuple[str, ...]
    sitemap_urls: tuple[str, ...]
    feed_urls: tuple[str, ...]
    article_pattern: re.Pattern[str]
    listing_link_selector: str | None
    next_page_selector: str | None
    title_selector: str
    content_selectors: tuple[str, ...]


@dataclass(frozen=True)
class FamilyDefinition:
    """How a family of sites is crawled.

    Paths are root-relative templates formatted with the instance parameters (a template naming a
    parameter the instance leaves unset is skipped). `article_pattern` is matched against "/path?query"
    of absolute on-site URLs. Selectors are CSS, or XPath when prefixed with "xpath:"; when a selector
    matches nothing the spider falls back to generic rules (all on-site links matching the article
    pattern, a rel=next / "ถัดไป" link, <h1>/<title>, the whole <body>), so chrome changes degrade
    gracefully instead of silently stopping discovery.
    """

    name: str
    article_pattern: str
    title_selector: str
    content_selectors: tuple[str, ...]
    listing_paths: tuple[str, ...] = ()
    sitemap_paths: tuple[str, ...] = ()
    feed_paths: tuple[str, ...] = ()
    listing_link_selector: str | None = None
    next_page_selector: str | None = None
    required_params: tuple[str, ...] = ()
    optional_params: Mapping[str, str | None] = field(default_factory=dict)  # name -> default
    enabled_by_default: bool = True
    disabled_reason: str | None = None
    default_base_url: str | None = None
    # Family-specific checks and defaults: (params, base_url or None) -> (problems, base_url or None);
    # each problem is (offending key or None, message). It may normalise params in place.
    check_params: (
        Callable[[dict[str, str], str | None], tuple[list[tuple[str | None, str]], str | None]] | None
    ) = None

    @property
    def known_params(self) -> frozenset[str]:
        return frozenset(self.required_params) | frozenset(self.optional_params)

    def plan(self, source: SourceConfig) -> CrawlPlan:
        values = {**{k: v for k, v in self.optional_params.items() if v is not None}, **source.params}

        def urls(templates: tuple[str, ...]) -> tuple[str, ...]:
            resolved = []
            for template in templates:
                try:
                    resolved.append(urljoin(source.base_url, template.format(**values)))
                except KeyError:
                    continue
            return tuple(resolved)

        return CrawlPlan(
            source_id=source.id,
            origin=source.origin,
            listing_urls=urls(self.listing_paths),
            sitemap_urls=urls(self.sitemap_paths),
            feed_urls=urls(self.feed_paths),
            article_pattern=re.compile(values.get("article_pattern") or self.article_pattern),
            listing_link_selector=self.listing_link_selector,
            next_page_selector=self.next_page_selector,
            title_selector=self.title_selector,
            content_selectors=self.content_selectors,
        )
