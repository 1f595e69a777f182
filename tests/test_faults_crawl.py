"""Hostile and broken responses: one real crawl (child process, HTTP to crawlers.localsite) of a dep
site whose listing links to pages that loop, redirect to other localhost origins, stream 50 MB, are
gzip bombs, are binary or PDF served as text/html, empty, article-less, broken or mis-declared, or
fail in a burst of 500s; the sitemap is an XML entity bomb. Nothing crashes, every refusal is recorded
with stage and advice, memory stays small, and every archived page extracts without raising.

Sizes are scaled down where the behaviour is the same: DOWNLOAD_MAXSIZE is 4 MB here (10 MB in
production), the streamed page is 50 MB and the gzip bomb expands to 2 GiB."""

from __future__ import annotations

import gzip
import os
import resource
from collections.abc import Iterator
from typing import Any

import pytest
from crawl_support import CrawlRun, crawl, source_block

from crawlers.canonical import path_and_query
from crawlers.encoding import decode_html
from crawlers.localsite import LocalSite
from crawlers.warc import read_html
from extract.pipeline import extract_record

MAX_SIZE = 4 * 1024 * 1024
ARTICLE = "/th/news/detail/{}".format
REDIRECT_LOOP = ARTICLE(2001)
REDIRECT_OTHER_PORT = ARTICLE(2002)
REDIRECT_LOCALHOST_ALIAS = ARTICLE(2003)
REDIRECT_CLOSED_PORT = ARTICLE(2004)
STREAMED_50_MB = ARTICLE(2005)
GZIP_BOMB = ARTICLE(2006)
BINARY = ARTICLE(2007)
PDF = ARTICLE(2008)
EMPTY = ARTICLE(2009)
NO_ARTICLE = ARTICLE(2011)
BROKEN_HTML = ARTICLE(2012)
UTF8_DECLARED_TIS620 = ARTICLE(2013)
TIS620_UNDECLARED = ARTICLE(2014)
BURST_500 = [ARTICLE(n) for n in range(2015, 2020)]
SITEMAP_ONLY = ARTICLE(2010)  # listed only in the entity-bomb sitemap
LISTED = [
    REDIRECT_LOOP,
    REDIRECT_OTHER_PORT,
    REDIRECT_LOCALHOST_ALIAS,
    REDIRECT_CLOSED_PORT,
    STREAMED_50_MB,
    GZIP_BOMB,
    BINARY,
    PDF,
    EMPTY,
    NO_ARTICLE,
    BROKEN_HTML,
    UTF8_DECLARED_TIS620,
    TIS620_UNDECLARED,
    *BURST_500,
]

TITLE = "สำนักงานพัฒนาสังคมฯ ลำพูน มอบเครื่องช่วยความพิการ {}".format


def article_html(title: str, charset_meta: str = "") -> str:
    return (
        f"<html><head>{charset_meta}<title>{title}</title></head><body>"
        f"<h1 class='page-title'>{title}</h1><div class='news-date'>วันที่ 9 มกราคม 2568</div>"
        "<div class='field-body'><p>วันที่ 9 มกราคม 2568 เวลา 09.30 น. นายสมปอง ใจกล้า "
        "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำพูน เป็นประธานมอบรถเข็นคนพิการ จำนวน 20 คัน "
        "ณ หอประชุมอำเภอป่าซาง จังหวัดลำพูน</p></div></body></html>"
    )


def listing_html(paths: list[str]) -> bytes:
    rows = "".join(
        f"<div class='views-row'><h3 class='news-title'><a href='{p}'>ข่าว</a></h3></div>" for p in paths
    )
    return f"<html><body><div class='view-content'>{rows}</div></body></html>".encode()


def entity_bomb_sitemap() -> bytes:
    """Billion laughs: &lol9; would expand to 10**9 copies of "lol" (3 GB) if entities were resolved."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE urlset [\n' + "\n".join(entities) + "\n]>\n"
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITEMAP_ONLY}</loc></url><url><loc>&lol9;</loc></url></urlset>"
    ).encode()


def gzip_bomb() -> bytes:
    """128 gzip members of 16 MiB of zeros each: about 2 MB on the wire, 2 GiB once decompressed."""
    member = gzip.compress(b"\0" * (16 << 20), compresslevel=9)
    return member * 128


def fifty_megabytes() -> Iterator[bytes]:
    chunk = b"<p>" + "ข่าว".encode() * 21_000 + b"</p>\n"
    for _ in range((50 << 20) // len(chunk) + 1):
        yield chunk


BINARY_BODY = bytes(range(256)) * 64 + b"\0\0\xff\xfe" * 512
PDF_BODY = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"
    + os.urandom(8192)
    + b"\nendstream"
)
BROKEN_BODY = (
    f"<html><head><title>{TITLE('ข่าวหน้าเสีย')}</title><body><table><tr><td><h1 class='page-title'>"
    f"{TITLE('ข่าวหน้าเสีย')}</td></div></span><div class='field-body'><p>วันที่ 9 มกราคม 2568 "
    "<b><i>นายสมปอง ใจกล้า เป็นประธาน</p></table><!-- unterminated comment <script>var x = '<div>"
).encode()


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlRun, LocalSite, LocalSite]:
    workdir = tmp_path_factory.mktemp("hostile")
    root = workdir / "site"
    (root / "th/news/detail").mkdir(parents=True)
    for number, path in enumerate(BURST_500):  # served as files once the injected 500 is used up
        (root / path.lstrip("/")).write_text(article_html(TITLE(f"ชุดที่ {number}")), encoding="utf-8")
    with LocalSite(root) as site, LocalSite() as elsewhere:
        html = {"Content-Type": "text/html; charset=utf-8"}
        site.add_rule(
            "/robots.txt", body=b"User-agent: *\nDisallow: /admin/\n", headers={"Content-Type": "text/plain"}
        )
        site.add_rule("/th/news?page=0", body=listing_html(LISTED), headers=html)
        site.add_rule("/sitemap.xml", body=entity_bomb_sitemap(), headers={"Content-Type": "application/xml"})
        site.add_rule(REDIRECT_LOOP, status=302, redirect_to="/loop/b")
        site.add_rule("/loop/b", status=302, redirect_to=REDIRECT_LOOP)
        site.add_rule(REDIRECT_OTHER_PORT, status=301, redirect_to=elsewhere.url(REDIRECT_OTHER_PORT))
        alias = site.base_url.replace("127.0.0.1", "localhost") + REDIRECT_LOCALHOST_ALIAS
        site.add_rule(REDIRECT_LOCALHOST_ALIAS, status=302, redirect_to=alias)
        site.add_rule(REDIRECT_CLOSED_PORT, status=307, redirect_to="http://127.0.0.1:1/admin")
        site.add_rule(STREAMED_50_MB, stream=fifty_megabytes)
        site.add_rule(GZIP_BOMB, body=gzip_bomb(), headers={**html, "Content-Encoding": "gzip"})
        site.add_rule(BINARY, body=BINARY_BODY, headers=html)
        site.add_rule(PDF, body=PDF_BODY, headers=html)
        site.add_rule(EMPTY, body=b"", headers=html)
        site.add_rule(
            NO_ARTICLE,
            body="<html><body><ul class='menu'><li><a href='/'>หน้าแรก</a></li></ul></body></html>".encode(),
            headers=html,
        )
        site.add_rule(BROKEN_HTML, body=BROKEN_BODY, headers=html)
        site.add_rule(
            UTF8_DECLARED_TIS620,
            body=article_html(TITLE("ประกาศผิด")).encode("utf-8"),
            headers={"Content-Type": "text/html; charset=windows-874"},
        )
        site.add_rule(
            TIS620_UNDECLARED,
            body=article_html(TITLE("ไม่ประกาศ")).encode("cp874"),
            headers={"Content-Type": "text/html"},
        )
        for path in BURST_500:
            site.add_rule(path, status=500, times=1)  # the whole burst fails once, then recovers
        site.add_rule(SITEMAP_ONLY, body=article_html(TITLE("จากแผนผังเว็บ")).encode(), headers=html)
        run = crawl(
            workdir,
            source_block("dep", "dep", site.base_url),
            # The bombs and the 50 MB stream keep both cores busy: a 1 s timeout with one retry
            # (the fast-test default) could lose a burst page to a slow answer, not to the fault.
            settings={
                "DOWNLOAD_MAXSIZE": MAX_SIZE,
                "DOWNLOAD_WARNSIZE": MAX_SIZE // 2,
                "DOWNLOAD_TIMEOUT": 15,
                "RETRY_TIMES": 3,
            },
        )
    return run, site, elsewhere


def errors_by_path(run: CrawlRun) -> dict[str, dict[str, Any]]:
    return {path_and_query(e["url"]): e for e in run.errors}


def pages_by_path(run: CrawlRun) -> dict[str, dict[str, Any]]:
    return {path_and_query(p["canonical_url"]): p for p in run.pages}


def advice_follows_location(message: str, url: str) -> bool:
    """What failed, where (the URL and source) and, after the location, what to do."""
    return url in message and "source dep" in message and len(message.split(": ")[-1]) > 20


@pytest.mark.parametrize(
    ("path", "stage", "words"),
    [
        (REDIRECT_LOOP, "http", "too many redirects"),
        (STREAMED_50_MB, "size", "DOWNLOAD_MAXSIZE"),
        (GZIP_BOMB, "size", "during decompression"),
    ],
)
def test_refusal_is_recorded_with_stage_and_advice(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite], path: str, stage: str, words: str
) -> None:
    run, _, _ = hostile_crawl
    error = errors_by_path(run)[path]
    assert error["stage"] == stage and words in error["message"]
    assert advice_follows_location(error["message"], error["url"])
    assert path not in pages_by_path(run)


def test_redirect_loop_names_the_chain_and_stops(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, site, _ = hostile_crawl
    message = errors_by_path(run)[REDIRECT_LOOP]["message"]
    assert f"{site.url(REDIRECT_LOOP)} -> {site.url('/loop/b')}" in message
    assert "REDIRECT_MAX_TIMES" in message
    assert len(site.requested(REDIRECT_LOOP)) + len(site.requested("/loop/b")) <= 6


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (REDIRECT_OTHER_PORT, "{elsewhere}" + REDIRECT_OTHER_PORT),
        (REDIRECT_LOCALHOST_ALIAS, "http://localhost:{port}" + REDIRECT_LOCALHOST_ALIAS),
        (REDIRECT_CLOSED_PORT, "http://127.0.0.1:1/admin"),
    ],
)
def test_redirect_to_another_local_origin_is_never_followed(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite], path: str, target: str
) -> None:
    run, site, elsewhere = hostile_crawl
    target = target.format(elsewhere=elsewhere.base_url, port=site.base_url.rsplit(":", 1)[1])
    (error,) = [e for e in run.errors if e["url"] == target]
    assert error["stage"] == "offsite" and f"redirected from {site.url(path)}" in error["message"]
    assert "update base_url" in error["message"]
    assert elsewhere.requests == []
    assert path not in pages_by_path(run)


def test_entity_bomb_sitemap_is_not_expanded_and_is_recorded(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, _, _ = hostile_crawl
    (sitemap,) = [r for r in run.listings if r["url"].endswith("/sitemap.xml")]
    assert sitemap["article_links"] == 1  # its one plain <loc>; "&lol9;" stays an unexpanded reference
    assert SITEMAP_ONLY in pages_by_path(run)
    error = errors_by_path(run)["/sitemap.xml"]
    assert error["stage"] == "parse" and "not expanded" in error["message"]


def test_memory_stays_small(hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite]) -> None:
    """Peak RSS of every child this test process has waited for, the crawl included: far below the
    50 MB page plus the 2 GiB the bomb would decompress to."""
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 700 * 1024  # KiB on Linux


@pytest.mark.parametrize(
    ("path", "encoding", "title"),
    [
        (UTF8_DECLARED_TIS620, "utf-8", TITLE("ประกาศผิด")),
        (TIS620_UNDECLARED, "cp874", TITLE("ไม่ประกาศ")),
        (BROKEN_HTML, "utf-8", TITLE("ข่าวหน้าเสีย")),
        *[(path, "utf-8", TITLE(f"ชุดที่ {n}")) for n, path in enumerate(BURST_500)],
    ],
)
def test_awkward_but_real_pages_are_fetched_and_decoded(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite], path: str, encoding: str, title: str
) -> None:
    run, _, _ = hostile_crawl
    page = pages_by_path(run)[path]
    assert (page["status"], page["encoding"], page["title"]) == (200, encoding, title)


def test_a_burst_of_500s_is_retried_and_recovers(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, site, _ = hostile_crawl
    for path in BURST_500:
        statuses = [r.status for r in site.requested(path)]
        assert statuses[0] == 500 and statuses[-1] == 200, statuses
        assert path not in errors_by_path(run)


@pytest.mark.parametrize("path", [BINARY, PDF, EMPTY, NO_ARTICLE])
def test_junk_bodies_are_archived_and_extract_to_no_event(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite], path: str
) -> None:
    run, _, _ = hostile_crawl
    page = pages_by_path(run)[path]
    url, headers, body = read_html(run.warc_dir, page["warc_file"], page["warc_offset"])
    assert url == page["url"]
    html, _ = decode_html(body, headers.get("Content-Type"))
    record = extract_record({"doc_id": path, "html": html, "url": url})
    assert record.is_event is False and record.event_date is None and record.officials == []


def test_every_archived_page_extracts_without_raising(
    hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite],
) -> None:
    run, _, _ = hostile_crawl
    for page in run.pages:
        _, headers, body = read_html(run.warc_dir, page["warc_file"], page["warc_offset"])
        html, _ = decode_html(body, headers.get("Content-Type"))
        record = extract_record({"doc_id": page["canonical_url"], "html": html})
        assert record.error is None, record.error


def test_crawl_finishes_and_counts_add_up(hostile_crawl: tuple[CrawlRun, LocalSite, LocalSite]) -> None:
    run, _, _ = hostile_crawl
    assert run.result.returncode == 0
    assert run.stats["errors"] == len(run.errors) == 7  # loop, 3 off-origin, 2 size, the entity sitemap
    assert run.stats["articles_fetched"] == len(run.pages) == 13
