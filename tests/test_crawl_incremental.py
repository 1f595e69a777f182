"""Incremental crawling: a second crawl with the first crawl's KNOWN state fetches no known article and
uses conditional GET; a new article is found with the pagination stopping at the first all-known page;
--recheck detects changed articles by content hash, ignoring page chrome."""

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from crawl_support import CrawlRun, crawl, source_block

from crawlers.canonical import path_and_query
from crawlers.localsite import LocalSite
from crawlers.mirror import MirrorArticle, articles_for, build_site
from crawlers.mirror_content import RELEASES

OLD = articles_for(7, 300)
NEWEST = MirrorArticle(
    399,
    replace(
        RELEASES[3],
        title="พม.ขอนแก่น เปิดศูนย์ช่วยเหลือสังคมตำบลนำร่อง 5 แห่ง",
        published=datetime(2025, 2, 3, 9, 0),
    ),
)


def paths(run: CrawlRun) -> set[str]:
    return {path_and_query(p["canonical_url"]) for p in run.pages}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    workdir = tmp_path_factory.mktemp("incremental")
    root = workdir / "site"
    build_site("dep", root, OLD, per_page=3)
    with LocalSite(root) as site:
        sources = source_block("dep", "dep", site.base_url)
        first = crawl(workdir, sources, "first")
        before_second = len(site.requests)
        second = crawl(workdir, sources, "second", known_runs=[first])
        second_requests = site.requests[before_second:]

        build_site("dep", root, [NEWEST, *OLD], per_page=3)  # a new article appears on top
        before_third = len(site.requests)
        third = crawl(workdir, sources, "third", known_runs=[first, second])
        third_requests = site.requests[before_third:]

        edited = root / f"th/news/detail/{OLD[0].id}"  # the release text is corrected
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("ประธาน", "ประธานในพิธี", 1), encoding="utf-8"
        )
        chrome_only = root / f"th/news/detail/{OLD[1].id}"  # only the visitor counter moved
        chrome_only.write_text(
            re.sub(r"ผู้เข้าชม [\d,]+ ครั้ง", "ผู้เข้าชม 99,999 ครั้ง", chrome_only.read_text(encoding="utf-8")),
            encoding="utf-8",
        )
        recheck = crawl(workdir, sources, "recheck", known_runs=[first, second, third], recheck=True)
    return {
        "first": first,
        "second": second,
        "second_requests": second_requests,
        "third": third,
        "third_requests": third_requests,
        "recheck": recheck,
    }


def test_first_crawl_fetches_everything(runs: dict) -> None:
    assert paths(runs["first"]) == {f"/th/news/detail/{a.id}" for a in OLD}
    assert all(p["changed"] is False for p in runs["first"].pages)


def test_second_crawl_fetches_no_known_article_and_uses_conditional_get(runs: dict) -> None:
    second: CrawlRun = runs["second"]
    assert second.pages == []
    assert second.stats["articles_fetched"] == 0 and second.stats["listings_not_modified"] == 2
    assert {path_and_query(r["url"]) for r in second.listings} == {"/th/news?page=0", "/sitemap.xml"}
    assert all(r["not_modified"] and r["etag"] for r in second.listings)
    requests = {r.target: r for r in runs["second_requests"]}
    assert set(requests) == {"/robots.txt", "/th/news?page=0", "/sitemap.xml"}
    first_etags = {path_and_query(r["url"]): r["etag"] for r in runs["first"].listings}
    for target in ("/th/news?page=0", "/sitemap.xml"):
        assert requests[target].if_none_match == first_etags[target]
        assert requests[target].if_modified_since
        assert requests[target].status == 304


def test_new_article_is_fetched_and_pagination_stops_at_the_first_known_page(runs: dict) -> None:
    third: CrawlRun = runs["third"]
    assert paths(third) == {f"/th/news/detail/{NEWEST.id}"}
    assert third.pages[0]["title"] == NEWEST.release.title
    listings = {path_and_query(r["url"]): r for r in third.listings}
    assert listings["/th/news?page=0"]["new_links"] == 1
    assert listings["/th/news?page=1"]["new_links"] == 0  # only known articles: stop here
    requested = {r.target for r in runs["third_requests"]}
    assert "/th/news?page=2" not in requested
    assert not any(
        t.startswith("/th/news/detail/") and t != f"/th/news/detail/{NEWEST.id}" for t in requested
    )


def test_recheck_reports_changed_text_but_not_changed_chrome(runs: dict) -> None:
    recheck: CrawlRun = runs["recheck"]
    changed = {path_and_query(p["canonical_url"]) for p in recheck.pages if p["changed"]}
    assert changed == {f"/th/news/detail/{OLD[0].id}"}
    assert len(recheck.pages) == len(OLD) + 1
    assert recheck.stats["articles_changed"] == 1 and recheck.stats["articles_unchanged"] == len(OLD)


def test_max_pages_caps_articles_and_listing_pages(tmp_path: Path) -> None:
    root = tmp_path / "site"
    build_site("msociety", root, articles_for(12, 500), per_page=3)
    with LocalSite(root) as site:
        run = crawl(
            tmp_path,
            source_block("ms", "msociety", site.base_url),
            max_pages=2,
            politeness=True,  # polite mode with tiny delays: same code path as production
            settings={"DOWNLOAD_DELAY": 0.01, "AUTOTHROTTLE_START_DELAY": 0.01},
        )
    assert len(run.pages) == 2
    assert len(run.listings) <= 2
