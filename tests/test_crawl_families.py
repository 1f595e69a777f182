"""Each family's fixture site, crawled for real (child process, HTTP to crawlers.localsite), yields the
records in its expected.json; the archive holds every article; thaigov stays off unless overridden."""

import json
from pathlib import Path
from typing import Any

import pytest
from crawl_support import FAMILIES, FIXTURE_SITES, CrawlRun, crawl, source_block

from crawlers.canonical import path_and_query
from crawlers.encoding import decode_html
from crawlers.localsite import LocalSite, serve_sites, sources_toml
from crawlers.warc import read_html

CRAWLED_FAMILIES = [f for f in FAMILIES if f != "thaigov"]


def expected(family: str) -> dict[str, Any]:
    return json.loads((FIXTURE_SITES / family / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlRun, dict[str, str]]:
    with serve_sites(FIXTURE_SITES) as urls:
        run = crawl(tmp_path_factory.mktemp("families"), sources_toml(FIXTURE_SITES, urls))
    return run, urls


def test_every_fixture_site_is_served_and_planned(fixture_crawl: tuple[CrawlRun, dict[str, str]]) -> None:
    _, urls = fixture_crawl
    assert set(urls) == set(FAMILIES)


@pytest.mark.parametrize("family", CRAWLED_FAMILIES)
def test_family_crawl_finds_exactly_the_expected_articles(
    fixture_crawl: tuple[CrawlRun, dict[str, str]], family: str
) -> None:
    run, urls = fixture_crawl
    want = expected(family)
    pages = [p for p in run.pages if p["source_id"] == family]
    by_path = {path_and_query(p["canonical_url"]): p for p in pages}
    assert sorted(by_path) == sorted(a["path"] for a in want["articles"])
    assert len(pages) == len(by_path), "an article was fetched twice"
    for article in want["articles"]:
        page = by_path[article["path"]]
        assert page["title"] == article["title"]
        assert page["encoding"] == article["encoding"]
        assert page["status"] == 200 and page["changed"] is False
        assert page["canonical_url"].startswith(urls[family])
        assert len(page["content_sha256"]) == 64
    errors = [{"stage": e["stage"], "url": e["url"]} for e in run.errors if e["source_id"] == family]
    assert errors == want["errors"]
    by_source = run.stats["by_source"][family]
    assert by_source["articles_new"] == len(want["articles"]) and by_source["errors"] == len(want["errors"])


def test_archive_holds_every_article_and_decodes(fixture_crawl: tuple[CrawlRun, dict[str, str]]) -> None:
    run, _ = fixture_crawl
    for page in run.pages:
        url, headers, body = read_html(run.warc_dir, page["warc_file"], page["warc_offset"])
        assert url == page["url"]
        text, encoding = decode_html(body, headers.get("content-type"))
        assert encoding == page["encoding"]
        assert page["title"] in text.replace("&#8211;", "–")


def test_tis620_pages_decode_with_header_meta_or_no_declaration(
    fixture_crawl: tuple[CrawlRun, dict[str, str]],
) -> None:
    run, _ = fixture_crawl
    prd = [p for p in run.pages if p["source_id"] == "prd"]
    assert {p["content_type"] for p in prd} == {"text/html; charset=windows-874", "text/html"}
    assert all(p["encoding"] == "cp874" and "\ufffd" not in p["title"] for p in prd)


def test_stats_add_up(fixture_crawl: tuple[CrawlRun, dict[str, str]]) -> None:
    run, _ = fixture_crawl
    stats = run.stats
    assert (
        stats["articles_fetched"]
        == len(run.pages)
        == sum(len(expected(f)["articles"]) for f in CRAWLED_FAMILIES)
    )
    assert stats["listings_fetched"] == len(run.listings)
    assert stats["errors"] == len(run.errors)
    assert "thaigov" not in stats["by_source"]  # disabled in the fixture's sources entry
    assert stats["requests"] >= stats["articles_fetched"] + stats["listings_fetched"]
    assert stats["elapsed_s"] > 0


def test_thaigov_fixture_crawls_only_with_an_explicit_override(tmp_path: Path) -> None:
    with LocalSite(FIXTURE_SITES / "thaigov") as site:
        text = source_block(
            "thaigov",
            "thaigov",
            site.base_url,
            enabled=True,
            override_disabled=True,
            override_reason="test fixture: proves the family definition still matches the layout",
        )
        run = crawl(tmp_path, text)
    assert sorted(path_and_query(p["canonical_url"]) for p in run.pages) == sorted(
        a["path"] for a in expected("thaigov")["articles"]
    )


def test_feed_family_follows_the_sitemap_index(fixture_crawl: tuple[CrawlRun, dict[str, str]]) -> None:
    run, _ = fixture_crawl
    feed_listings = {path_and_query(r["url"]): r for r in run.listings if r["source_id"] == "feed"}
    assert set(feed_listings) == {"/feeds/posts/default", "/sitemap.xml", "/sitemap.xml?page=1"}
    assert feed_listings["/feeds/posts/default"]["article_links"] == 5  # newest posts only
    assert feed_listings["/sitemap.xml?page=1"]["article_links"] == 7
