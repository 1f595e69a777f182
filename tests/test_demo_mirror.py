"""Structural integrity of the bundled demo mirror (data/demo/), checked without any network.

The mirror is what the demo command serves and the end-to-end test crawls, so a broken link, a
pagination loop or a mis-encoded page would surface there as a confusing crawl or extraction failure.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
SITES_DIR = DEMO_DIR / "sites"
NOT_SERVED = {"routes.json", "_site.json"}
ROLES = {"chair", "speaker", "quoted", "participant", "other"}
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_mirror", DEMO_DIR / "build_mirror.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


builder = load_builder()


@dataclass(frozen=True)
class FamilyLayout:
    """Where a family's listings start and how items, the next page, headline and body are found."""

    first_listing: str
    item_links: str
    next_page: str
    headline: str
    body_paragraphs: str
    article_route: re.Pattern[str]


LAYOUTS = {
    "dep": FamilyLayout(
        first_listing="/th/news?page=0",
        item_links="//div[@class='view-content']/div[@class='views-row']/h3[@class='news-title']/a/@href",
        next_page="//ul[@class='pager']/li[@class='pager-next']/a/@href",
        headline="//h1[@class='page-title']",
        body_paragraphs="//div[@class='field-body']/p",
        article_route=re.compile(r"^/th/news/detail/\d+$"),
    ),
    "sdo": FamilyLayout(
        first_listing="/category/news/",
        item_links="//article[contains(@class,'post')]//h2[@class='entry-title']/a/@href",
        next_page="//a[contains(@class,'next') and contains(@class,'page-numbers')]/@href",
        headline="//h1[@class='entry-title']",
        body_paragraphs="//div[@class='entry-content']/p",
        article_route=re.compile(r"^/archives/\d+$"),
    ),
    "prd": FamilyLayout(
        first_listing="/ewt_news_list.php?page=1",
        item_links="//table[@class='newslist']//a[starts-with(@href,'/ewt_news.php?nid=')]/@href",
        next_page="//a[contains(., 'หน้าถัดไป')]/@href",
        headline="//td[@class='newsheadline']",
        body_paragraphs="//td[@class='newsdetail']/p",
        article_route=re.compile(r"^/ewt_news\.php\?nid=\d+&filename=index$"),
    ),
}


@dataclass(frozen=True)
class MirrorSite:
    directory: str
    family: str
    charset: str
    routes: dict[str, str | dict]

    @property
    def root(self) -> Path:
        return SITES_DIR / self.directory

    @property
    def layout(self) -> FamilyLayout:
        return LAYOUTS[self.family]

    def file_of(self, route: str) -> Path:
        target = self.routes[route]
        return self.root / (target if isinstance(target, str) else target["file"])

    def headers_of(self, route: str) -> dict[str, str]:
        target = self.routes[route]
        return {} if isinstance(target, str) else target.get("headers", {})

    def html(self, route: str) -> lxml.html.HtmlElement:
        return lxml.html.fromstring(self.file_of(route).read_bytes().decode(self.codec))

    @property
    def codec(self) -> str:
        return "cp874" if self.charset == "windows-874" else "utf-8"

    @property
    def article_routes(self) -> list[str]:
        return [route for route in self.routes if self.layout.article_route.match(route)]


def mirror_sites() -> list[MirrorSite]:
    sites = []
    for site in builder.SITES:
        routes = json.loads((SITES_DIR / site.directory / "routes.json").read_text(encoding="utf-8"))
        sites.append(MirrorSite(site.directory, site.family, site.charset, routes))
    return sites


SITES = mirror_sites()
SITE_BY_DIR = {site.directory: site for site in SITES}
EXPECTED = json.loads((DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
ARTICLES = [(site, route) for site in SITES for route in site.article_routes]


def site_id(site: MirrorSite) -> str:
    return site.directory


def body_text(site: MirrorSite, route: str) -> str:
    return "\n".join(p.text_content().strip() for p in site.html(route).xpath(site.layout.body_paragraphs))


def test_committed_mirror_is_a_fresh_build() -> None:
    assert builder.differences(builder.build_mirror()) == [], "run: uv run python data/demo/build_mirror.py"


@pytest.mark.parametrize("site", SITES, ids=site_id)
def test_every_route_is_a_file_and_every_file_is_routed(site: MirrorSite) -> None:
    routed = set()
    for route in site.routes:
        assert route.startswith("/"), route
        path = site.file_of(route)
        assert path.is_file(), f"{route} -> missing {path}"
        assert path.resolve().is_relative_to(site.root.resolve())
        routed.add(path.relative_to(site.root).as_posix())
    on_disk = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()}
    assert on_disk - NOT_SERVED == routed
    assert "/robots.txt" in site.routes


@pytest.mark.parametrize("site", SITES, ids=site_id)
def test_pagination_chain_ends_and_reaches_every_article(site: MirrorSite) -> None:
    visited: list[str] = []
    linked: set[str] = set()
    listing: str | None = site.layout.first_listing
    while listing is not None:
        assert listing not in visited, f"pagination loops back to {listing}"
        assert listing in site.routes, f"pager link {listing} is not served"
        visited.append(listing)
        tree = site.html(listing)
        items = tree.xpath(site.layout.item_links)
        assert 0 < len(items) <= builder.PER_PAGE
        for href in items:
            assert href in site.routes, f"{listing} links to unserved {href}"
            linked.add(href)
        next_links = tree.xpath(site.layout.next_page)
        assert len(next_links) <= 1
        listing = next_links[0] if next_links else None
    assert len(visited) >= 2, "the demo must exercise pagination"
    assert linked == set(site.article_routes)


@pytest.mark.parametrize("site", SITES, ids=site_id)
def test_pages_declare_and_use_their_charset(site: MirrorSite) -> None:
    settings = json.loads((site.root / "_site.json").read_text(encoding="utf-8"))
    assert settings["charset"] == site.charset
    assert settings["source"]["family"] == site.family
    for route in site.routes:
        if site.file_of(route).suffix != ".html":
            continue
        raw = site.file_of(route).read_bytes()
        decoded = raw.decode(site.codec)  # strict: raises on a byte outside the code page
        if site.charset == "windows-874":
            assert re.search(
                r'<meta http-equiv="Content-Type" content="text/html; charset=tis-620">', decoded
            )
            assert site.headers_of(route)["Content-Type"] == "text/html; charset=windows-874"
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")  # really legacy bytes, not UTF-8 with a wrong label
        else:
            assert re.search(r'<meta charset="utf-?8">', decoded, re.IGNORECASE)


@pytest.mark.parametrize(("site", "route"), ARTICLES, ids=[f"{s.directory}{r}" for s, r in ARTICLES])
def test_every_article_has_a_headline_and_a_body(site: MirrorSite, route: str) -> None:
    tree = site.html(route)
    headlines = [h.text_content().strip() for h in tree.xpath(site.layout.headline)]
    assert len(headlines) == 1 and headlines[0]
    assert body_text(site, route)


def test_sitemap_lists_every_dep_article() -> None:
    site = SITE_BY_DIR["dep"]
    tree = lxml.etree.fromstring(site.file_of("/sitemap.xml").read_bytes())
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=namespace)
    assert sorted(locs) == sorted(site.article_routes)
    for lastmod in tree.xpath("//s:url/s:lastmod/text()", namespaces=namespace):
        date.fromisoformat(lastmod)
    assert site.headers_of("/sitemap.xml")["Content-Type"].startswith("application/xml")


@pytest.mark.parametrize("site", [s for s in SITES if s.family == "sdo"], ids=site_id)
def test_feed_links_newest_articles(site: MirrorSite) -> None:
    channel = lxml.etree.fromstring(site.file_of("/feed/").read_bytes()).find("channel")
    items = channel.findall("item")
    assert 0 < len(items) <= builder.FEED_ITEMS
    published = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert published == sorted(published, reverse=True)
    for item in items:
        assert item.findtext("link") in site.routes
    assert site.headers_of("/feed/")["Content-Type"].startswith("application/rss+xml")


def test_mirror_has_the_promised_amount_of_content() -> None:
    counts = {site.directory: len(site.article_routes) for site in SITES}
    assert counts["dep"] >= 12 and counts["prd"] >= 10
    assert counts["sdo-lampang"] >= 6 and counts["sdo-chiangmai"] >= 6
    bodies = {body_text(site, route) for site, route in ARTICLES}
    assert len(bodies) >= 36


def expected_pages() -> list[dict]:
    return EXPECTED["pages"]


@pytest.mark.parametrize("page", expected_pages(), ids=lambda p: f"{p['site']}{p['url']}")
def test_expected_page_is_served_and_well_formed(page: dict) -> None:
    site = SITE_BY_DIR[page["site"]]
    assert page["url"] in site.article_routes
    assert (DEMO_DIR / page["file"]) == site.file_of(page["url"])
    assert isinstance(page["is_event"], bool)
    for key in ("event_date", "event_start", "event_end"):
        if page.get(key) is not None:
            date.fromisoformat(page[key])
    if page.get("event_time") is not None:
        assert re.fullmatch(r"\d{2}:\d{2}", page["event_time"])
    if not page["is_event"]:
        assert all(
            page.get(key) is None for key in ("event_date", "venue", "attendee_count", "programme_name")
        )
    official = page.get("official")
    if official is not None:
        assert set(official) == {"name", "honorific", "position", "role"} and official["role"] in ROLES


@pytest.mark.parametrize("page", expected_pages(), ids=lambda p: f"{p['site']}{p['url']}")
def test_expected_strings_are_copied_from_the_page(page: dict) -> None:
    text = body_text(SITE_BY_DIR[page["site"]], page["url"])
    for key in ("venue", "venue_core", "programme_name"):
        if page.get(key):
            assert page[key] in text, key
    if page.get("attendee_count"):
        count = f"{page['attendee_count']:,}"
        assert count in text or count.translate(THAI_DIGITS) in text
    official = page.get("official")
    if official:
        assert f"{official['honorific']}{official['name']}" in text or official["name"] in text
        assert official["position"] in text


def test_expected_values_cover_every_site_and_enough_pages() -> None:
    pages = expected_pages()
    assert len(pages) >= 10
    assert {page["site"] for page in pages} == set(SITE_BY_DIR)
    assert any(not page["is_event"] for page in pages)
    core = [page for page in pages if page["core"]]
    assert len(core) >= 10 and all("official" in page for page in core)
    assert {page["site"] for page in core} == set(SITE_BY_DIR)


@pytest.mark.parametrize("duplicate", EXPECTED["duplicates"], ids=lambda d: d["pages"][1]["url"])
def test_republished_release_has_same_body_under_another_headline(duplicate: dict) -> None:
    (first, second) = [(SITE_BY_DIR[p["site"]], p["url"]) for p in duplicate["pages"]]
    assert first[0].directory != second[0].directory
    assert body_text(*first) == body_text(*second)
    headline_of = [
        site.html(route).xpath(site.layout.headline)[0].text_content().strip()
        for site, route in (first, second)
    ]
    assert headline_of[0] != headline_of[1]
    assert urlsplit(first[1]).path != urlsplit(second[1]).path


def test_demo_sources_validate_and_name_every_site(tmp_path: Path) -> None:
    from crawlers.sources import load_sources

    text = (DEMO_DIR / "sources.toml").read_text(encoding="utf-8")
    for port, site in enumerate(SITES, start=8701):
        assert "{site:" + site.directory + "}" in text
        text = text.replace("{site:" + site.directory + "}", f"http://127.0.0.1:{port}")
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(text, encoding="utf-8")
    sources = {source.id: source for source in load_sources(sources_file)}
    assert set(sources) == set(SITE_BY_DIR)
    for source in sources.values():
        site = SITE_BY_DIR[source.id]
        assert source.family == site.family and source.enabled
        assert source.params == EXPECTED["sites"][site.directory]["params"]
