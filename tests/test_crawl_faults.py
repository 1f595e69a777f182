"""Failures are handled per URL and recorded in errors.jsonl; none of them stops the crawl.

One crawl of the dep fixture with injected faults: 404, persistent 500, timeout, 429 with Retry-After
(once, then fine), 429 forever, an off-site redirect, a dropped connection, a robots.txt disallow, an
oversized page and a TIS-620 page that claims to be UTF-8."""

import json
from typing import Any

import pytest
from crawl_support import FIXTURE_SITES, CrawlRun, crawl, source_block

from crawlers.canonical import path_and_query
from crawlers.localsite import LocalSite

DEP_ARTICLES = [
    a["path"]
    for a in json.loads((FIXTURE_SITES / "dep" / "expected.json").read_text(encoding="utf-8"))["articles"]
]
NOT_FOUND, SERVER_ERROR, SLOW, RATE_LIMITED_ONCE, RATE_LIMITED, REDIRECTED_AWAY, DROPPED = DEP_ARTICLES
OVERSIZED = "/th/news/detail/1190"
MISLABELLED_TIS620 = "/th/news/detail/1191"
TIS620_PAGE = (
    "<html><head><title>ข่าวจังหวัด</title></head><body><h1 class='page-title'>อำเภอแม่ทะจัดอบรมอาสาสมัครดูแลผู้สูงอายุ</h1>"
    "<div class='field-body'><p>นางสาวจันทร์เพ็ญ ดวงดี นายอำเภอแม่ทะ เป็นประธานเปิดการอบรม</p></div></body></html>"
).encode("cp874")


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlRun, LocalSite, LocalSite]:
    sitemap = "".join(
        f"<url><loc>{path}</loc></url>" for path in [*DEP_ARTICLES, OVERSIZED, MISLABELLED_TIS620]
    )
    with LocalSite(FIXTURE_SITES / "dep") as site, LocalSite() as elsewhere:
        site.add_rule(
            "/robots.txt",
            body=b"User-agent: *\nDisallow: /th/news?page=2\n",
            headers={"Content-Type": "text/plain"},
        )
        site.add_rule(
            "/sitemap.xml",
            body=f"<urlset>{sitemap}</urlset>".encode(),
            headers={"Content-Type": "application/xml"},
        )
        site.add_rule(NOT_FOUND, status=404)
        site.add_rule(SERVER_ERROR, status=500)
        site.add_rule(SLOW, delay_s=3)  # DOWNLOAD_TIMEOUT is 1 s in the tests
        site.add_rule(RATE_LIMITED_ONCE, status=429, headers={"Retry-After": "1"}, times=1)
        site.add_rule(RATE_LIMITED, status=429, headers={"Retry-After": "3600"})  # capped, then given up
        site.add_rule(REDIRECTED_AWAY, status=301, redirect_to=elsewhere.url("/th/news/detail/1"))
        site.add_rule(DROPPED, drop_connection=True)
        site.add_rule(OVERSIZED, body=b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        site.add_rule(
            MISLABELLED_TIS620, body=TIS620_PAGE, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with LocalSite() as gone:  # a port nobody listens on once this block ends
            closed_port_url = gone.base_url
        run = crawl(
            tmp_path_factory.mktemp("faults"),
            source_block("dep", "dep", site.base_url) + source_block("gone", "msociety", closed_port_url),
            settings={"DOWNLOAD_MAXSIZE": 100_000, "DOWNLOAD_WARNSIZE": 50_000},
        )
    return run, site, elsewhere


def errors_by_path(run: CrawlRun) -> dict[str, dict[str, Any]]:
    return {path_and_query(e["url"]): e for e in run.errors}


@pytest.mark.parametrize(
    ("path", "stage", "status"),
    [
        (NOT_FOUND, "http", 404),
        (SERVER_ERROR, "http", 500),
        (SLOW, "timeout", None),
        (RATE_LIMITED, "http", 429),
        (DROPPED, "connect", None),
        ("/th/news?page=2", "robots", None),
        (OVERSIZED, "size", None),
    ],
)
def test_failure_is_recorded_with_stage_status_and_advice(
    faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite], path: str, stage: str, status: int | None
) -> None:
    run, _, _ = faulty_crawl
    error = errors_by_path(run)[path]
    assert (error["stage"], error["status"], error["source_id"]) == (stage, status, "dep")
    message = error["message"]
    assert error["url"] in message and "source dep" in message  # where
    assert ": " in message.split(" for ", 1)[1]  # what to do follows the location
    assert error["at"].endswith("Z")


def test_unreachable_source_is_recorded_and_the_others_go_on(
    faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, _, _ = faulty_crawl
    (error,) = [e for e in run.errors if e["source_id"] == "gone"]
    assert error["stage"] == "connect" and error["url"].endswith("/ewt_news_list.php?cid=1&page=1")
    assert "refused" in error["message"].lower() and "source gone" in error["message"]
    assert run.stats["by_source"]["gone"]["errors"] == 1


def test_offsite_redirect_is_dropped_and_recorded(
    faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, _, elsewhere = faulty_crawl
    assert elsewhere.requests == []
    (error,) = [e for e in run.errors if e["url"].startswith(elsewhere.base_url)]
    assert error["stage"] == "offsite" and REDIRECTED_AWAY in error["message"]


def test_server_errors_and_rate_limits_are_retried_before_giving_up(
    faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    _, site, _ = faulty_crawl
    assert len(site.requested(SERVER_ERROR)) == 2  # RETRY_TIMES = 1 in the tests
    assert len(site.requested(RATE_LIMITED)) == 2
    assert len(site.requested(NOT_FOUND)) == 1  # a 404 is not retried
    assert site.requested("/th/news?page=2") == []  # robots.txt obeyed: never requested


def test_retry_after_then_success_yields_the_article(
    faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, site, _ = faulty_crawl
    assert [r.status for r in site.requested(RATE_LIMITED_ONCE)] == [429, 200]
    assert RATE_LIMITED_ONCE in {path_and_query(p["canonical_url"]) for p in run.pages}
    assert RATE_LIMITED_ONCE not in errors_by_path(run)


def test_mislabelled_tis620_page_is_decoded(faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite]) -> None:
    run, _, _ = faulty_crawl
    (page,) = [p for p in run.pages if p["canonical_url"].endswith(MISLABELLED_TIS620)]
    assert page["encoding"] == "cp874" and page["title"] == "อำเภอแม่ทะจัดอบรมอาสาสมัครดูแลผู้สูงอายุ"


def test_one_bad_page_never_stops_the_crawl(faulty_crawl: tuple[CrawlRun, LocalSite, LocalSite]) -> None:
    run, site, _ = faulty_crawl
    assert {path_and_query(p["canonical_url"]) for p in run.pages if p["source_id"] == "dep"} == {
        RATE_LIMITED_ONCE,
        MISLABELLED_TIS620,
    }
    assert (
        run.stats["errors"] == len(run.errors) == 10
    )  # 8 injected, the fixture's off-site link, the closed port
    assert run.result.returncode == 0
    assert all(r.user_agent and r.user_agent.startswith("Khaosan/0.1 (+https://") for r in site.requests)
