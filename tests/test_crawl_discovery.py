"""Discovery parsing and the local site server, without a crawl."""

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from parsel import Selector

from crawlers.discovery import article_fingerprint, listing_links, xml_links
from crawlers.localsite import LocalSite, _ServerLoop, resolve_file
from crawlers.sources import FAMILIES, SourceConfig

BASE = "http://127.0.0.1:8100"


def plan(family: str, **params: str):
    return FAMILIES[family].plan(
        SourceConfig(id=family, family=family, base_url=BASE, enabled=True, params=params)
    )


def test_listing_uses_the_family_selector_and_pager() -> None:
    html = """<div class="view-content"><div class="views-row"><h3 class="news-title"><a href="/th/news/detail/12">ก</a></h3></div>
    <div class="views-row"><h3 class="news-title"><a href="https://www.dep.go.th/th/news/detail/9">ข</a></h3></div></div>
    <div id="sidebar"><a href="/th/news/detail/99">ข่าวล่าสุด</a></div>
    <ul class="pager"><li class="pager-next"><a href="/th/news?page=1">ถัดไป ›</a></li></ul>"""
    links = listing_links(Selector(text=html), f"{BASE}/th/news?page=0", plan("dep"))
    assert links.articles == [f"{BASE}/th/news/detail/12"]  # the sidebar is not the listing
    assert links.offsite_articles == ["https://www.dep.go.th/th/news/detail/9"]
    assert links.next_page == f"{BASE}/th/news?page=1"


def test_listing_falls_back_to_pattern_and_next_text_when_the_chrome_changed() -> None:
    html = """<table><tr><td><a href="/ewt_news.php?nid=7&amp;filename=index">ข่าว</a></td></tr>
    <tr><td><a href="/main.php?filename=radio">วิทยุ</a> <a href="/ewt_news_list.php?page=2">หน้าถัดไป »</a></td></tr></table>"""
    links = listing_links(Selector(text=html), f"{BASE}/ewt_news_list.php?page=1", plan("msociety"))
    assert links.articles == [f"{BASE}/ewt_news.php?nid=7&filename=index"]
    assert links.next_page == f"{BASE}/ewt_news_list.php?page=2"


@pytest.mark.parametrize(
    ("xml", "links", "children"),
    [
        (
            '<rss version="2.0"><channel><item><link>/archives/5</link></item></channel></rss>',
            ["/archives/5"],
            [],
        ),
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="replies" href="/a.html#c"/>'
            '<link rel="alternate" href="/2021/03/a.html"/></entry></feed>',
            ["/2021/03/a.html"],
            [],
        ),
        (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://x.test/th/news/detail/1 </loc></url></urlset>',
            ["https://x.test/th/news/detail/1"],
            [],
        ),
        (
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap.xml?page=1</loc></sitemap></sitemapindex>',
            [],
            ["/sitemap.xml?page=1"],
        ),
        ("not xml at all", [], []),
    ],
)
def test_xml_links(xml: str, links: list[str], children: list[str]) -> None:
    found = xml_links(xml)
    assert found.links == links and found.child_sitemaps == children


def test_fingerprint_ignores_chrome_and_whitespace() -> None:
    def page(counter: str, body: str) -> Selector:
        return Selector(
            text=f'<h1 class="page-title">พก. มอบรถเข็น</h1><div class="field-body">{body}</div>'
            f'<div class="counter">ผู้เข้าชม {counter} ครั้ง</div><script>var t = {counter};</script>'
        )

    base, title = article_fingerprint(page("1,234", "<p>มอบรถเข็น 50 คัน</p>"), plan("dep"))
    assert title == "พก. มอบรถเข็น"
    assert article_fingerprint(page("9,999", "<p>มอบรถเข็น   50\n คัน</p>"), plan("dep"))[0] == base
    assert article_fingerprint(page("1,234", "<p>มอบรถเข็น 60 คัน</p>"), plan("dep"))[0] != base


def test_fingerprint_falls_back_to_body_and_title_tag() -> None:
    selector = Selector(text="<title>ข่าวเก่า</title><body><p>เนื้อหา</p></body>")
    sha, title = article_fingerprint(selector, plan("dep"))
    assert title == "ข่าวเก่า" and len(sha) == 64


# Pages with every whitespace and markup case the visible-text rule meets, and the content hashes the
# crawler has always given them: the store compares content_sha256 across crawls, so a faster
# implementation must keep these exact values.
PINNED_PAGES = [
    (
        "<html><head><style>h1 {color: red}</style></head><body>"
        '<h1 class="page-title">\u00a0พก.\tมอบ<b>รถเข็น</b>\u3000 </h1>'
        '<div class="news-date"> </div><div class="news-date">12\u2028มี.ค. <!-- แก้ไข --> 2567</div>'
        '<div class="field-body"><p>มอบรถเข็น\r\n 50 คัน<script>var a = "<p>x</p>";</script>ท้าย</p>'
        "<style>p{}</style><noscript><p>เปิดจาวาสคริปต์</p></noscript>หาง\x0b\x1c<br>ข้อความ</div>"
        '<div class="field-body"></div><div class="field-body">สอง\u200b ย่อหน้า</div></body></html>',
        "2e37ec6150582601369a5f8a45539f2c542b6048b0f7684dd5d0bda98751ecfd",
        "พก. มอบ รถเข็น",
    ),
    (
        "<html><head><title> ข่าว\nเก่า </title></head><body><div>  เนื้อหา  <span>ต่อ</span>ท้าย</div>"
        "<script>track()</script><noscript>ไม่มี</noscript>\n\n<p>\u00a0</p><p>จบ</p></body></html>",
        "05cdb20cd7b6eb073ba9ddda4a4faf8dc54b1cb2b86f522f51490015a2e81f27",
        "ข่าว เก่า",
    ),
]


@pytest.mark.parametrize(("html", "sha", "title"), PINNED_PAGES)
def test_fingerprint_values_are_stable(html: str, sha: str, title: str) -> None:
    assert article_fingerprint(Selector(text=html), plan("dep")) == (sha, title)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_localsite_mirror_layout_conditional_get_and_rules(tmp_path: Path) -> None:
    (tmp_path / "th/news").mkdir(parents=True)
    (tmp_path / "th/news?page=0").write_text("<html>รายการ</html>", encoding="utf-8")
    (tmp_path / "category/news").mkdir(parents=True)
    (tmp_path / "category/news/index.html").write_text("<html>หมวด</html>", encoding="utf-8")
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed/index.html").write_text(
        '<?xml version="1.0"?><rss version="2.0"></rss>', encoding="utf-8"
    )
    (tmp_path / "_site.json").write_text(json.dumps({"charset": "windows-874"}), encoding="utf-8")
    assert resolve_file(tmp_path, "/../../etc/passwd") is None
    with LocalSite(tmp_path) as site:
        status, headers, _ = fetch(site.url("/th/news?page=0"))
        assert status == 200 and headers["Content-Type"] == "text/html; charset=windows-874"
        assert fetch(site.url("/th/news?page=0"), {"If-None-Match": headers["ETag"]})[0] == 304
        assert fetch(site.url("/th/news?page=0"), {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        assert fetch(site.url("/category/news/"))[0] == 200
        assert fetch(site.url("/feed/"))[1]["Content-Type"].startswith("application/rss+xml")
        assert fetch(site.url("/_site.json"))[0] == 404
        site.add_rule("/th/news?page=0", status=503, headers={"Retry-After": "7"}, times=1)
        assert fetch(site.url("/th/news?page=0"))[0] == 503
        assert fetch(site.url("/th/news?page=0"))[0] == 200  # the rule was used up
        assert [r.status for r in site.requested("/th/news?page=0")] == [200, 304, 304, 503, 200]


def test_localsite_serves_nothing_outside_its_root(tmp_path: Path) -> None:
    root, outside = tmp_path / "site", tmp_path / "outside"
    (root / "th").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_text("<html>ลับ</html>", encoding="utf-8")
    (root / "th/page.html").write_text("<html>ข่าว</html>", encoding="utf-8")
    (root / "th/alias.html").symlink_to(root / "th/page.html")  # a link inside the root is fine
    (root / "th/leak.html").symlink_to(outside / "secret.html")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    assert resolve_file(root, "/th/alias") == (root / "th/page.html").resolve()
    for target in ("/th/leak", "/linked/secret", "/../outside/secret", "/th/%2E%2E/%2E%2E/outside/secret"):
        assert resolve_file(root, target) is None, target
    with LocalSite(root) as site:
        assert fetch(site.url("/th/alias"))[0] == 200
        assert fetch(site.url("/th/leak"))[0] == 404
        assert fetch(site.url("/linked/secret"))[0] == 404


def test_localsite_routes_table(tmp_path: Path) -> None:
    (tmp_path / "ewt_news").mkdir()
    (tmp_path / "ewt_news/7.html").write_bytes("<html>ข่าว</html>".encode("cp874"))
    routes = {
        "/ewt_news.php?nid=7&filename=index": {
            "file": "ewt_news/7.html",
            "headers": {"Content-Type": "text/html; charset=windows-874"},
        }
    }
    (tmp_path / "routes.json").write_text(json.dumps(routes), encoding="utf-8")
    with LocalSite(tmp_path) as site:
        status, headers, body = fetch(site.url("/ewt_news.php?nid=7&filename=index"))
        assert status == 200 and headers["Content-Type"] == "text/html; charset=windows-874"
        assert body.decode("cp874") == "<html>ข่าว</html>"
        assert fetch(site.url("/ewt_news/7.html"))[0] == 404  # only routed URLs exist


def test_localsite_queues_a_burst_of_connections_while_it_is_busy() -> None:
    """A crawl opens 16-32 connections at once. With socketserver's backlog of 5 the kernel dropped
    the rest while the server was slow to accept, and the client resent them only after 1 s: an
    extra retry, and a flaky test, under the tests' 1 s DOWNLOAD_TIMEOUT."""

    async def busy() -> None:
        time.sleep(1.5)  # blocks the server's event loop: nothing is accepted meanwhile

    with LocalSite() as site:
        port = int(site.base_url.rsplit(":", 1)[1])
        blocker = threading.Thread(target=_ServerLoop.run, args=(busy(),))
        blocker.start()
        clients = [socket.socket() for _ in range(30)]
        try:
            for client in clients:
                client.settimeout(0.5)
                client.connect(("127.0.0.1", port))  # returns once the kernel has queued it
        finally:
            for client in clients:
                client.close()
            blocker.join()
