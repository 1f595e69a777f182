"""Pure parsing helpers for discovery (listings, sitemaps, feeds) and article fingerprints."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector, SelectorList
from w3lib.url import safe_url_string

from crawlers.canonical import origin, path_and_query
from crawlers.sources import CrawlPlan

# Compiled once and evaluated on the lxml nodes directly: through parsel every text node of an article
# became a Selector object, which cost more than the XPath itself.
_VISIBLE_TEXT = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]", smart_strings=False
)
NEXT_PAGE_FALLBACK = (
    "//link[@rel='next']/@href | //a[@rel='next']/@href"
    " | //a[contains(normalize-space(.), 'ถัดไป') or normalize-space(.)='›' or normalize-space(.)='»']/@href"
)


def select(selector: Selector, query: str) -> SelectorList:
    """CSS, or XPath when the query starts with "xpath:" (family definitions use both)."""
    return selector.xpath(query.removeprefix("xpath:")) if query.startswith("xpath:") else selector.css(query)


def visible_text(nodes: SelectorList) -> str:
    """Text outside script/style/noscript, whitespace runs squashed to one space, one line per node.

    Squashing with str.split() gives exactly what the regex `\\s+` -> " " plus strip() gave (both use
    str.isspace()), so content hashes are unchanged, at a fraction of the cost.
    """
    # A node that is not an element (an attribute or text selected by XPath) has no text nodes.
    parts = (" ".join(_VISIBLE_TEXT(node.root)) if hasattr(node.root, "xpath") else "" for node in nodes)
    return "\n".join(" ".join(part.split()) for part in parts).strip()


@dataclass(frozen=True)
class PageLinks:
    articles: list[str]  # absolute on-origin URLs matching the article pattern, page order, unique
    offsite_articles: list[str]  # article-looking links to another origin (dropped, recorded)
    next_page: str | None


def absolute(base_url: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    url = safe_url_string(urljoin(base_url, href))
    return url if url.startswith(("http://", "https://")) else None


def classify_links(hrefs: list[str], page_url: str, plan: CrawlPlan) -> tuple[list[str], list[str]]:
    on_site: dict[str, None] = {}
    off_site: dict[str, None] = {}
    for href in hrefs:
        url = absolute(page_url, href)
        if url is None or not plan.article_pattern.search(path_and_query(url)):
            continue
        (on_site if origin(url) == plan.origin else off_site)[url] = None
    return list(on_site), list(off_site)


def listing_links(selector: Selector, page_url: str, plan: CrawlPlan) -> PageLinks:
    hrefs: list[str] = []
    if plan.listing_link_selector:
        hrefs = select(selector, plan.listing_link_selector).xpath("@href").getall()
    articles, offsite = classify_links(hrefs, page_url, plan)
    if not articles:  # the chrome changed or the family has no selector: every matching link counts
        articles, offsite = classify_links(selector.xpath("//a/@href").getall(), page_url, plan)
    next_hrefs = (
        select(selector, plan.next_page_selector).xpath("@href").getall() if plan.next_page_selector else []
    )
    next_hrefs = next_hrefs or selector.xpath(NEXT_PAGE_FALLBACK).getall()
    next_page = next(
        (url for href in next_hrefs if (url := absolute(page_url, href)) and origin(url) == plan.origin), None
    )
    return PageLinks(articles, offsite, next_page)


@dataclass(frozen=True)
class XmlLinks:
    links: list[str]  # article candidates (sitemap <loc>, RSS <link>, Atom alternate links)
    child_sitemaps: list[str]
    declares_entities: bool = False  # a DTD declares entities: never legitimate in feeds/sitemaps


_ENTITY_DECLARATION = re.compile(r"<!ENTITY\b")


def xml_links(xml_text: str) -> XmlLinks:
    """Links from a sitemap, sitemap index, RSS 2.0 or Atom document (namespaces ignored).

    Entities are never expanded (parsel's XML parser has resolve_entities=False), so a billion-laughs
    document costs no more than its own size; `declares_entities` lets the caller record it.
    """
    selector = Selector(text=xml_text, type="xml")
    selector.remove_namespaces()
    children = selector.xpath("/sitemapindex/sitemap/loc/text()").getall()
    links = selector.xpath("/urlset/url/loc/text()").getall()
    links += selector.xpath("//item/link/text()").getall()
    links += selector.xpath("//entry/link[@rel='alternate' or not(@rel)]/@href").getall()
    return XmlLinks(
        [link.strip() for link in links],
        [child.strip() for child in children],
        declares_entities=bool(_ENTITY_DECLARATION.search(xml_text)),
    )


def article_fingerprint(selector: Selector, plan: CrawlPlan) -> tuple[str, str | None]:
    """(content_sha256, title). The hash covers the whitespace-normalised visible text of the family's
    content selectors (title, date, body) — not the raw bytes, which change with visitor counters,
    sidebars and comment counts — falling back to the whole <body> when the selectors match nothing."""
    parts = [visible_text(select(selector, query)) for query in plan.content_selectors]
    content = "\n".join(part for part in parts if part) or visible_text(selector.xpath("//body"))
    title = visible_text(select(selector, plan.title_selector)[:1]) or visible_text(selector.xpath("//h1[1]"))
    title = title or visible_text(selector.xpath("//title"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest(), title or None
