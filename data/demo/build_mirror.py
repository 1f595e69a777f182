"""Build the demo mirror (static sites + routes + expected values) from the release texts.

The texts live in `data/demo/releases/<site>.toml`; this script renders each site directory under
`data/demo/sites/` in the page structure of its family (see the structure contract in
`data/demo/README.md`), writes `routes.json` (every served URL -> file) and `_site.json` (site-level
settings for `crawlers/localsite.py`) per site, and `data/demo/expected.json` (what a correct
extraction gives for selected pages). The output is deterministic, so the committed files can be
checked against a fresh build:

    uv run python data/demo/build_mirror.py          # (re)write the files
    uv run python data/demo/build_mirror.py --check  # exit 1 if the committed files differ
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
RELEASES_DIR = DEMO_DIR / "releases"
SITES_DIR = DEMO_DIR / "sites"

PER_PAGE = 5
FEED_ITEMS = 10
THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
HTML_UTF8 = "text/html; charset=utf-8"
# The expected-value keys a release may state, in output order.
EXPECTED_KEYS = (
    "is_event", "event_date", "event_start", "event_end", "event_time", "venue", "venue_core",
    "province", "attendee_count", "attendee_qualifier", "programme_name", "event_type", "official",
)  # fmt: skip


@dataclass(frozen=True)
class Comment:
    author: str
    date: str
    text: str


@dataclass(frozen=True)
class Release:
    site: str
    id: str
    published: datetime
    title: str
    paragraphs: tuple[str, ...]
    photos: tuple[str, ...]
    meta_published: bool
    comments: tuple[Comment, ...]
    republish_of: str | None
    expected: dict[str, object] | None

    @property
    def key(self) -> str:
        return f"{self.site}/{self.id}"

    @property
    def views(self) -> int:
        """A fixed visitor count, varied per page (the mirror must build byte-identically)."""
        return int(self.id) * 7919 % 4000 + 150


@dataclass(frozen=True)
class Site:
    directory: str
    family: str
    name: str
    name_en: str
    address: str
    province: str | None = None
    charset: str = "utf-8"

    @property
    def source_params(self) -> dict[str, str]:
        return {"province": self.province} if self.province else {}


SITES = (
    Site(
        directory="dep",
        family="dep",
        name="กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ",
        name_en="Department of Empowerment of Persons with Disabilities",
        address="255 ถนนราชวิถี แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร 10400 โทรศัพท์ 0 2354 3388 สายด่วน 1479",
    ),
    Site(
        directory="sdo-lampang",
        family="sdo",
        name="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง",
        name_en="Lampang Provincial Office of Social Development and Human Security",
        address="ศาลากลางจังหวัดลำปาง ถนนบ้านเชียงราย ตำบลพระบาท อำเภอเมืองลำปาง จังหวัดลำปาง 52000 โทร 0 5426 5060",
        province="ลำปาง",
    ),
    Site(
        directory="sdo-chiangmai",
        family="sdo",
        name="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่",
        name_en="Chiang Mai Provincial Office of Social Development and Human Security",
        address="ศูนย์ราชการจังหวัดเชียงใหม่ ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300 โทร 0 5311 2345",
        province="เชียงใหม่",
    ),
    Site(
        directory="prd",
        family="prd",
        name="กรมประชาสัมพันธ์ ข่าวจังหวัด",
        name_en="Government Public Relations Department",
        address="กรมประชาสัมพันธ์ ถนนพระรามที่ 6 แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400",
        charset="windows-874",
    ),
)
SITE_BY_DIR = {site.directory: site for site in SITES}


# ---------------------------------------------------------------------------------------- loading


def load_releases(releases_dir: Path = RELEASES_DIR) -> dict[str, list[Release]]:
    """Releases per site directory, newest first; republished bodies resolved from their source."""
    raw = {
        site.directory: _read_site_file(releases_dir / f"{site.directory}.toml", site.directory)
        for site in SITES
    }
    by_key = {release.key: release for releases in raw.values() for release in releases}
    resolved: dict[str, list[Release]] = {}
    for directory, releases in raw.items():
        resolved[directory] = sorted(
            (_resolve_republished(release, by_key) for release in releases),
            key=lambda r: (r.published, r.id),
            reverse=True,
        )
    return resolved


def _read_site_file(path: Path, directory: str) -> list[Release]:
    with path.open("rb") as handle:
        entries = tomllib.load(handle)["release"]
    return [
        Release(
            site=directory,
            id=entry["id"],
            published=datetime.fromisoformat(entry["published"]),
            title=entry["title"],
            paragraphs=tuple(p.strip() for p in entry.get("body", "").split("\n\n") if p.strip()),
            photos=tuple(entry.get("photos", ())),
            meta_published=entry.get("meta_published", True),
            comments=tuple(Comment(**c) for c in entry.get("comments", ())),
            republish_of=entry.get("republish_of"),
            expected=entry.get("expected"),
        )
        for entry in entries
    ]


def _resolve_republished(release: Release, by_key: dict[str, Release]) -> Release:
    if release.republish_of is None:
        return release
    source = by_key[release.republish_of]
    return Release(
        site=release.site,
        id=release.id,
        published=release.published,
        title=release.title,
        paragraphs=source.paragraphs,
        photos=release.photos,
        meta_published=release.meta_published,
        comments=release.comments,
        republish_of=release.republish_of,
        expected=release.expected or source.expected,
    )


# ------------------------------------------------------------------------------------ formatting


def thai_date(moment: datetime) -> str:
    return f"{moment.day} {THAI_MONTHS[moment.month - 1]} {moment.year + 543}"


def thai_date_abbr(moment: datetime) -> str:
    return f"{moment.day} {THAI_MONTHS_ABBR[moment.month - 1]} {moment.year + 543}"


def prd_date(moment: datetime) -> str:
    """The prd date line: dd/mm/yy with a two-digit CE year, as on the real site."""
    return moment.strftime("%d/%m/%y")


def text(value: str) -> str:
    return escape(value, quote=False)


def attr(value: str) -> str:
    return escape(value, quote=True)


def teaser(release: Release, length: int = 160) -> str:
    first = release.paragraphs[0] if release.paragraphs else release.title
    return first if len(first) <= length else first[:length].rstrip() + "…"


def chunks(releases: list[Release], size: int) -> list[list[Release]]:
    return [releases[i : i + size] for i in range(0, len(releases), size)] or [[]]


def most_viewed(releases: list[Release], count: int = 3) -> list[Release]:
    return sorted(releases, key=lambda r: (-r.views, r.id))[:count]


def page(lines: Iterable[str]) -> str:
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------ family dep


def dep_article_path(release: Release) -> str:
    return f"/th/news/detail/{release.id}"


def dep_listing_path(index: int) -> str:
    return f"/th/news?page={index}"


def dep_frame(site: Site, title: str, breadcrumb: list[tuple[str, str | None]], main: list[str], latest: list[Release], head: list[str] = ()) -> str:  # fmt: skip
    crumbs = " › ".join(
        f'<a href="{href}">{text(label)}</a>' if href else text(label) for label, href in breadcrumb
    )
    return page(
        [
            "<!DOCTYPE html>",
            '<html lang="th" dir="ltr">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(title)} | {text(site.name)}</title>",
            *head,
            '<link rel="icon" href="/favicon.ico">',
            "</head>",
            '<body class="page-th-news">',
            '<div class="topbar"><span class="lang"><a href="/">ภาษาไทย</a> | <a href="/en">English</a></span>'
            ' <span class="font-size">ขนาดตัวอักษร <a href="#">ก-</a> <a href="#">ก</a> <a href="#">ก+</a></span></div>',
            '<header class="site-header">',
            f'<a href="/" class="logo"><img src="/images/logo-dep.png" alt="{attr(site.name)}"></a>',
            f'<div class="site-name">{text(site.name)}<br><small>{text(site.name_en)}</small></div>',
            "</header>",
            '<nav class="main-menu"><ul>',
            '<li><a href="/">หน้าแรก</a></li>',
            '<li><a href="/th/about">เกี่ยวกับกรม</a></li>',
            f'<li class="active"><a href="{dep_listing_path(0)}">ข่าวกิจกรรม</a></li>',
            '<li><a href="/th/about#services">บริการคนพิการ</a></li>',
            '<li><a href="/th/about#contact">ติดต่อเรา</a></li>',
            "</ul></nav>",
            f'<div class="breadcrumb">{crumbs}</div>',
            '<div class="layout">',
            '<main id="main-content" class="content">',
            *main,
            "</main>",
            '<aside class="sidebar">',
            '<section class="block-latest-news"><h2>ข่าวล่าสุด</h2><ul>',
            *(f'<li><a href="{dep_article_path(r)}">{text(r.title)}</a></li>' for r in latest),
            "</ul></section>",
            '<section class="block-links"><h2>ลิงก์หน่วยงาน</h2><ul>',
            '<li><a href="https://www.m-society.go.th">กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์</a></li>',
            '<li><a href="https://www.thaigov.go.th">ทำเนียบรัฐบาล</a></li>',
            "</ul></section>",
            "</aside>",
            "</div>",
            '<footer class="site-footer">',
            f"<p>{text(site.name)} {text(site.address)}</p>",
            "<p>สงวนลิขสิทธิ์ © กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ | นโยบายเว็บไซต์ | นโยบายคุ้มครองข้อมูลส่วนบุคคล</p>",
            "</footer>",
            "</body>",
            "</html>",
        ]
    )


def dep_article(site: Site, release: Release, latest: list[Release]) -> str:
    head = [
        f'<meta property="og:title" content="{attr(release.title)}">',
        f'<link rel="canonical" href="{dep_article_path(release)}">',
    ]
    if release.meta_published:
        head.append(f'<meta property="article:published_time" content="{release.published.isoformat()}">')
    gallery = [
        '<div class="news-gallery">',
        *(
            f'<figure><img src="/sites/default/files/news/{release.id}/{n}.jpg" alt="{attr(caption)}"><figcaption>{text(caption)}</figcaption></figure>'
            for n, caption in enumerate(release.photos, start=1)
        ),
        "</div>",
    ]
    main = [
        '<article class="node-news">',
        f'<h1 class="page-title">{text(release.title)}</h1>',
        f'<div class="news-date">วันที่ {thai_date(release.published)}</div>',
        '<div class="field-body">',
        *(f"<p>{text(p)}</p>" for p in release.paragraphs),
        "</div>",
        *(gallery if release.photos else []),
        '<div class="share-bar">แชร์ข่าวนี้: <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fdep.go.th'
        f'{dep_article_path(release).replace("/", "%2F")}">Facebook</a> <a href="https://twitter.com/intent/tweet">Twitter</a>'
        ' <a href="https://social-plugins.line.me/lineit/share">LINE</a> <a href="javascript:window.print()">พิมพ์</a></div>',
        f'<div class="visitor-counter">ผู้เข้าชม {release.views:,} ครั้ง</div>',
        "</article>",
    ]
    crumbs = [("หน้าแรก", "/"), ("ข่าวกิจกรรม", dep_listing_path(0)), (release.title, None)]
    return dep_frame(site, release.title, crumbs, main, latest, head)


def dep_listing(site: Site, items: list[Release], index: int, last: int, latest: list[Release]) -> str:
    rows = []
    for release in items:
        rows += [
            '<div class="views-row">',
            f'<div class="news-thumb"><img src="/sites/default/files/news/{release.id}/thumb.jpg" alt=""></div>',
            f'<h3 class="news-title"><a href="{dep_article_path(release)}">{text(release.title)}</a></h3>',
            f'<span class="news-date">{thai_date_abbr(release.published)}</span>',
            f'<p class="news-teaser">{text(teaser(release))}</p>',
            "</div>",
        ]
    pager = ['<ul class="pager">']
    if index > 0:
        pager.append(f'<li class="pager-previous"><a href="{dep_listing_path(index - 1)}">‹ ก่อนหน้า</a></li>')
    pager.append(f'<li class="pager-current">หน้า {index + 1} จาก {last + 1}</li>')
    if index < last:
        pager.append(f'<li class="pager-next"><a href="{dep_listing_path(index + 1)}">ถัดไป ›</a></li>')
    pager.append("</ul>")
    main = ['<h1 class="page-title">ข่าวกิจกรรม</h1>', '<div class="view-content">', *rows, "</div>", *pager]
    return dep_frame(site, "ข่าวกิจกรรม", [("หน้าแรก", "/"), ("ข่าวกิจกรรม", None)], main, latest)


def dep_home(site: Site, releases: list[Release]) -> str:
    main = [
        '<h1 class="page-title">ยินดีต้อนรับสู่เว็บไซต์กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ</h1>',
        '<section class="home-news"><h2>ข่าวกิจกรรมล่าสุด</h2><ul>',
        *(
            f'<li><a href="{dep_article_path(r)}">{text(r.title)}</a> <span class="news-date">{thai_date_abbr(r.published)}</span></li>'
            for r in releases[:3]
        ),
        "</ul>",
        f'<p><a href="{dep_listing_path(0)}">ดูข่าวทั้งหมด</a></p></section>',
    ]
    return dep_frame(site, "หน้าแรก", [("หน้าแรก", None)], main, releases[:5])


def dep_about(site: Site, releases: list[Release]) -> str:
    main = [
        '<h1 class="page-title">เกี่ยวกับกรม</h1>',
        "<p>กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ มีภารกิจส่งเสริม สนับสนุน และพัฒนาคุณภาพชีวิตคนพิการ"
        " ให้คนพิการเข้าถึงสิทธิ สวัสดิการ และบริการต่าง ๆ อย่างเท่าเทียม</p>",
        '<h2 id="services">บริการคนพิการ</h2><p>บัตรประจำตัวคนพิการ เบี้ยความพิการ กองทุนส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ ล่ามภาษามือ</p>',
        f'<h2 id="contact">ติดต่อเรา</h2><p>{text(site.address)}</p>',
    ]
    return dep_frame(site, "เกี่ยวกับกรม", [("หน้าแรก", "/"), ("เกี่ยวกับกรม", None)], main, releases[:5])


def dep_sitemap(releases: list[Release]) -> str:
    # Root-relative <loc>: the mirror's host and port are only known when it is served.
    entries = [
        f"  <url><loc>{dep_article_path(r)}</loc><lastmod>{r.published.date().isoformat()}</lastmod></url>"
        for r in releases
    ]
    return page(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            *entries,
            "</urlset>",
        ]
    )


def build_dep(site: Site, releases: list[Release]) -> SiteFiles:
    files = SiteFiles(site)
    latest = releases[:5]
    pages = chunks(releases, PER_PAGE)
    files.add("/", "index.html", dep_home(site, releases))
    files.add("/th/about", "th/about.html", dep_about(site, releases))
    for index, items in enumerate(pages):
        html = dep_listing(site, items, index, len(pages) - 1, latest)
        files.add(dep_listing_path(index), f"th/news/page-{index}.html", html)
    files.alias("/th/news", dep_listing_path(0))
    for release in releases:
        files.add(
            dep_article_path(release),
            f"th/news/detail/{release.id}.html",
            dep_article(site, release, latest),
            release,
        )
    files.add(
        "/sitemap.xml", "sitemap.xml", dep_sitemap(releases), content_type="application/xml; charset=utf-8"
    )
    files.add("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /user/\nDisallow: /search/\n", content_type="text/plain; charset=utf-8")  # fmt: skip
    return files


# ------------------------------------------------------------------------------------ family sdo


def sdo_article_path(release: Release) -> str:
    return f"/archives/{release.id}"


def sdo_listing_path(index: int) -> str:
    return "/category/news/" if index == 0 else f"/category/news/page/{index + 1}/"


def sdo_frame(site: Site, title: str, body_class: str, main: list[str], releases: list[Release], head: list[str] = ()) -> str:  # fmt: skip
    return page(
        [
            "<!DOCTYPE html>",
            '<html lang="th">',
            "<head>",
            '<meta charset="UTF-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(title)} – {text(site.name)}</title>",
            f'<link rel="alternate" type="application/rss+xml" title="{attr(site.name)} » ฟีด" href="/feed/">',
            *head,
            '<meta name="generator" content="WordPress 5.7.2">',
            "</head>",
            f'<body class="{body_class}">',
            '<div id="page" class="site">',
            '<a class="skip-link screen-reader-text" href="#content">ข้ามไปยังเนื้อหา</a>',
            '<header id="masthead" class="site-header">',
            '<div class="site-branding">',
            f'<p class="site-title"><a href="/" rel="home">{text(site.name)}</a></p>',
            f'<p class="site-description">{text(site.name_en)}</p>',
            "</div>",
            '<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">',
            '<li class="menu-item"><a href="/">หน้าหลัก</a></li>',
            '<li class="menu-item"><a href="/about/">เกี่ยวกับเรา</a></li>',
            f'<li class="menu-item current-menu-item"><a href="{sdo_listing_path(0)}">ข่าวประชาสัมพันธ์</a></li>',
            '<li class="menu-item"><a href="/about/#contact">ติดต่อเรา</a></li>',
            "</ul></nav>",
            "</header>",
            '<div id="content" class="site-content">',
            '<div id="primary" class="content-area"><main id="main" class="site-main">',
            *main,
            "</main></div>",
            '<aside id="secondary" class="widget-area">',
            '<section class="widget widget_search"><form role="search" method="get" class="search-form" action="/">'
            '<label><span class="screen-reader-text">ค้นหาสำหรับ:</span><input type="search" class="search-field" name="s"></label>'
            '<input type="submit" class="search-submit" value="ค้นหา"></form></section>',
            '<section class="widget widget_recent_entries"><h2 class="widget-title">เรื่องล่าสุด</h2><ul>',
            *(f'<li><a href="{sdo_article_path(r)}">{text(r.title)}</a></li>' for r in releases[:5]),
            "</ul></section>",
            '<section class="widget widget_top-posts popular-posts"><h2 class="widget-title">โพสต์ยอดนิยม</h2><ul>',
            *(
                f'<li><a href="{sdo_article_path(r)}" class="bump-view">{text(r.title)}</a></li>'
                for r in most_viewed(releases)
            ),
            "</ul></section>",
            "</aside>",
            "</div>",
            '<footer id="colophon" class="site-footer"><div class="site-info">',
            f"{text(site.name)} {text(site.address)}",
            '<span class="sep"> | </span>ขับเคลื่อนโดย WordPress',
            "</div></footer>",
            "</div>",
            "</body>",
            "</html>",
        ]
    )


def sdo_time(release: Release) -> str:
    return f'<time class="entry-date published" datetime="{release.published.isoformat()}">{thai_date(release.published)}</time>'


def sdo_comments(release: Release) -> list[str]:
    lines = ['<div id="comments" class="comments-area">']
    if release.comments:
        lines += [
            f'<h2 class="comments-title">{len(release.comments)} ความคิดเห็น</h2>',
            '<ol class="comment-list">',
        ]
        for n, comment in enumerate(release.comments, start=1):
            lines += [
                f'<li id="comment-{release.id}{n}" class="comment">',
                f'<div class="comment-author vcard"><b class="fn">{text(comment.author)}</b> <span class="says">พูดว่า:</span></div>',
                f'<div class="comment-metadata">{text(comment.date)}</div>',
                f'<div class="comment-content"><p>{text(comment.text)}</p></div>',
                "</li>",
            ]
        lines.append("</ol>")
    lines += [
        '<div id="respond" class="comment-respond">',
        '<h3 id="reply-title" class="comment-reply-title">ร่วมแสดงความคิดเห็น</h3>',
        '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">',
        '<p class="comment-notes">อีเมลของคุณจะไม่แสดงให้คนอื่นเห็น ช่องข้อมูลจำเป็นถูกทำเครื่องหมาย *</p>',
        '<p class="comment-form-comment"><label for="comment">ความเห็น</label><textarea id="comment" name="comment" rows="6"></textarea></p>',
        '<p class="comment-form-author"><label for="author">ชื่อ *</label><input id="author" name="author" type="text"></p>',
        '<p class="comment-form-email"><label for="email">อีเมล *</label><input id="email" name="email" type="email"></p>',
        f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="แสดงความเห็น"><input type="hidden" name="comment_post_ID" value="{release.id}"></p>',
        "</form>",
        "</div>",
        "</div>",
    ]
    return lines


def sdo_article(site: Site, release: Release, releases: list[Release]) -> str:
    position = releases.index(release)
    newer = releases[position - 1] if position > 0 else None
    older = releases[position + 1] if position + 1 < len(releases) else None
    navigation = ['<nav class="navigation post-navigation" aria-label="เรื่อง"><div class="nav-links">']
    if older:
        navigation.append(
            f'<div class="nav-previous"><a href="{sdo_article_path(older)}" rel="prev">← {text(older.title)}</a></div>'
        )
    if newer:
        navigation.append(
            f'<div class="nav-next"><a href="{sdo_article_path(newer)}" rel="next">{text(newer.title)} →</a></div>'
        )
    navigation.append("</div></nav>")
    figures = [
        f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/{release.published:%Y/%m}/{release.id}-{n}.jpg" alt=""><figcaption>{text(caption)}</figcaption></figure>'
        for n, caption in enumerate(release.photos, start=1)
    ]
    main = [
        f'<article id="post-{release.id}" class="post-{release.id} post type-post status-publish format-standard hentry category-news">',
        '<header class="entry-header">',
        f'<h1 class="entry-title">{text(release.title)}</h1>',
        f'<div class="entry-meta"><span class="posted-on">โพสต์เมื่อ <a href="{sdo_article_path(release)}" rel="bookmark">{sdo_time(release)}</a></span>'
        '<span class="byline"> โดย <span class="author vcard"><a class="url fn n" href="/about/">ผู้ดูแลระบบ</a></span></span></div>',
        "</header>",
        '<div class="entry-content">',
        *(f"<p>{text(p)}</p>" for p in release.paragraphs),
        *figures,
        "</div>",
        f'<footer class="entry-footer"><span class="cat-links">หมวดหมู่ <a href="{sdo_listing_path(0)}" rel="category tag">ข่าวประชาสัมพันธ์</a></span></footer>',
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">แชร์สิ่งนี้:</h3><ul>'
        '<li class="share-facebook"><a href="https://www.facebook.com/sharer/sharer.php">Facebook</a></li>'
        '<li class="share-twitter"><a href="https://twitter.com/intent/tweet">Twitter</a></li>'
        '<li class="share-line"><a href="https://social-plugins.line.me/lineit/share">LINE</a></li></ul></div>',
        "</article>",
        *navigation,
        *sdo_comments(release),
    ]
    head = [
        f'<link rel="canonical" href="{sdo_article_path(release)}">',
        f'<meta property="og:title" content="{attr(release.title)}">',
        f'<meta property="article:published_time" content="{release.published.isoformat()}">',
    ]
    return sdo_frame(
        site,
        release.title,
        f"post-template-default single single-post postid-{release.id}",
        main,
        releases,
        head,
    )


def sdo_listing(site: Site, items: list[Release], index: int, last: int, releases: list[Release]) -> str:
    posts = []
    for release in items:
        posts += [
            f'<article id="post-{release.id}" class="post-{release.id} post type-post status-publish hentry category-news">',
            f'<header class="entry-header"><h2 class="entry-title"><a href="{sdo_article_path(release)}" rel="bookmark">{text(release.title)}</a></h2>',
            f'<div class="entry-meta">{sdo_time(release)}</div></header>',
            f'<div class="entry-summary"><p>{text(teaser(release))} <a class="more-link" href="{sdo_article_path(release)}">อ่านเพิ่มเติม</a></p></div>',
            "</article>",
        ]
    numbers = []
    if index > 0:
        numbers.append(f'<a class="prev page-numbers" href="{sdo_listing_path(index - 1)}">« ก่อนหน้า</a>')
    for n in range(last + 1):
        numbers.append(
            f'<span aria-current="page" class="page-numbers current">{n + 1}</span>'
            if n == index
            else f'<a class="page-numbers" href="{sdo_listing_path(n)}">{n + 1}</a>'
        )
    if index < last:
        numbers.append(f'<a class="next page-numbers" href="{sdo_listing_path(index + 1)}">ถัดไป »</a>')
    main = [
        '<header class="page-header"><h1 class="page-title">หมวดหมู่: <span>ข่าวประชาสัมพันธ์</span></h1></header>',
        *posts,
        '<nav class="navigation pagination" aria-label="เรื่อง"><div class="nav-links">',
        *numbers,
        "</div></nav>",
    ]
    return sdo_frame(site, "ข่าวประชาสัมพันธ์", "archive category category-news", main, releases)


def sdo_home(site: Site, releases: list[Release]) -> str:
    main = [
        f'<section class="welcome"><h1 class="page-title">{text(site.name)}</h1>',
        "<p>ยินดีต้อนรับสู่เว็บไซต์สำนักงาน ศูนย์ช่วยเหลือสังคม สายด่วน 1300 ตลอด 24 ชั่วโมง</p></section>",
        '<section class="home-news"><h2>ข่าวประชาสัมพันธ์ล่าสุด</h2><ul>',
        *(f'<li><a href="{sdo_article_path(r)}">{text(r.title)}</a></li>' for r in releases[:3]),
        f'</ul><p><a href="{sdo_listing_path(0)}">ข่าวทั้งหมด</a></p></section>',
    ]
    return sdo_frame(site, "หน้าหลัก", "home blog", main, releases)


def sdo_about(site: Site, releases: list[Release]) -> str:
    main = [
        '<article class="page"><header class="entry-header"><h1 class="entry-title">เกี่ยวกับเรา</h1></header>',
        '<div class="entry-content">',
        f"<p>{text(site.name)} เป็นหน่วยงานของกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ในส่วนภูมิภาค"
        " ทำหน้าที่ดูแลกลุ่มเป้าหมาย ได้แก่ เด็ก เยาวชน สตรี ครอบครัว ผู้สูงอายุ คนพิการ และผู้ด้อยโอกาส</p>",
        f'<h2 id="contact">ติดต่อเรา</h2><p>{text(site.address)}</p>',
        "</div></article>",
    ]
    return sdo_frame(site, "เกี่ยวกับเรา", "page-template-default page", main, releases)


def sdo_feed(site: Site, releases: list[Release]) -> str:
    # Root-relative <link>: the mirror's host and port are only known when it is served.
    items = []
    for release in releases[:FEED_ITEMS]:
        items += [
            "<item>",
            f"<title>{text(release.title)}</title>",
            f"<link>{sdo_article_path(release)}</link>",
            f"<pubDate>{format_datetime(release.published)}</pubDate>",
            "<dc:creator><![CDATA[ผู้ดูแลระบบ]]></dc:creator>",
            "<category><![CDATA[ข่าวประชาสัมพันธ์]]></category>",
            f'<guid isPermaLink="false">/?p={release.id}</guid>',
            f"<description><![CDATA[{teaser(release)}]]></description>",
            "</item>",
        ]
    return page(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
            "<channel>",
            f"<title>{text(site.name)}</title>",
            "<link>/</link>",
            f"<description>{text(site.name_en)}</description>",
            f"<lastBuildDate>{format_datetime(releases[0].published)}</lastBuildDate>",
            "<language>th</language>",
            *items,
            "</channel>",
            "</rss>",
        ]
    )


SDO_ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"


def build_sdo(site: Site, releases: list[Release]) -> SiteFiles:
    files = SiteFiles(site)
    pages = chunks(releases, PER_PAGE)
    files.add("/", "index.html", sdo_home(site, releases))
    files.add("/about/", "about/index.html", sdo_about(site, releases))
    for index, items in enumerate(pages):
        path = sdo_listing_path(index)
        files.add(
            path, path.strip("/") + "/index.html", sdo_listing(site, items, index, len(pages) - 1, releases)
        )
    for release in releases:
        files.add(
            sdo_article_path(release),
            f"archives/{release.id}.html",
            sdo_article(site, release, releases),
            release,
        )
    files.add(
        "/feed/",
        "feed/index.xml",
        sdo_feed(site, releases),
        content_type="application/rss+xml; charset=UTF-8",
    )
    files.add("/robots.txt", "robots.txt", SDO_ROBOTS, content_type="text/plain; charset=utf-8")
    return files


# ------------------------------------------------------------------------------------ family prd


def prd_article_path(release: Release) -> str:
    return f"/ewt_news.php?nid={release.id}&filename=index"


def prd_listing_path(number: int) -> str:
    return f"/ewt_news_list.php?page={number}"


def prd_frame(site: Site, title: str, content: list[str], releases: list[Release]) -> str:
    # Old EWT CMS: table layout, no semantic classes around the chrome, TIS-620 declared in a meta.
    return page(
        [
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
            "<html>",
            "<head>",
            '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">',
            f"<title>{text(title)}</title>",
            '<link href="/css/style.css" rel="stylesheet" type="text/css">',
            "</head>",
            '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">',
            '<a name="top"></a>',
            '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">',
            f'<tr><td colspan="2"><img src="/images/banner_prd.jpg" width="980" height="120" alt="{attr(site.name)}"></td></tr>',
            '<tr><td colspan="2" bgcolor="#1F4E9C"><font color="#FFFFFF">'
            f'<a href="/"><font color="#FFFFFF">หน้าหลัก</font></a> | <a href="{prd_listing_path(1)}"><font color="#FFFFFF">ข่าวทั้งหมด</font></a>'
            ' | <a href="/"><font color="#FFFFFF">ติดต่อเรา</font></a></font></td></tr>',
            "<tr>",
            '<td width="200" valign="top" bgcolor="#F2F2F2">',
            "<b>ข่าวล่าสุด</b><br>",
            *(f'&raquo; <a href="{attr(prd_article_path(r))}">{text(r.title)}</a><br>' for r in releases[:5]),
            "<br><b>สถิติผู้เข้าชม</b><br>วันนี้ 128<br>เดือนนี้ 4,052<br>ทั้งหมด 1,204,377",
            "</td>",
            '<td width="780" valign="top">',
            *content,
            "</td>",
            "</tr>",
            f'<tr><td colspan="2" align="center" bgcolor="#1F4E9C"><font color="#FFFFFF" size="2">{text(site.address)}</font></td></tr>',
            "</table>",
            "</body>",
            "</html>",
        ]
    )


def prd_article(site: Site, release: Release, releases: list[Release]) -> str:
    indent = "&nbsp;" * 8
    content = [
        '<table width="100%" border="0" cellpadding="4" cellspacing="0">',
        '<tr><td class="navpath"><font size="2">ขณะนี้คุณอยู่ที่ &rsaquo; '
        f'<a href="{prd_listing_path(1)}">ข่าวจังหวัด</a> &rsaquo; ข่าวสังคม</font></td></tr>',
        f'<tr><td class="newsheadline"><font size="4" color="#1F4E9C"><b>{text(release.title)}</b></font></td></tr>',
        f'<tr><td class="newsdate"><font size="2">วันที่ลงข่าว: {prd_date(release.published)}</font></td></tr>',
        '<tr><td class="newsdetail">',
        *(f"<p>{indent}{text(p)}</p>" for p in release.paragraphs),
        "</td></tr>",
        *(
            f'<tr><td align="center"><img src="/news_img/{release.id}_{n}.jpg" width="400"><br><font size="2">{text(caption)}</font></td></tr>'
            for n, caption in enumerate(release.photos, start=1)
        ),
        '<tr><td><font size="2">ที่มาของข่าว สำนักข่าว กรมประชาสัมพันธ์</font></td></tr>',
        '<tr><td><font size="2"><a href="#top">^ กลับสู่เนื้อหาหลัก</a></font></td></tr>',
        "</table>",
    ]
    return prd_frame(site, release.title, content, releases)


def prd_listing(site: Site, items: list[Release], number: int, last: int, releases: list[Release]) -> str:
    rows = [
        f'<tr><td><img src="/images/bullet.gif" width="7" height="7"> <a href="{attr(prd_article_path(r))}">{text(r.title)}</a>'
        f' <font size="1" color="#999999">({prd_date(r.published)})</font></td></tr>'
        for r in items
    ]
    pager = []
    if number > 1:
        pager.append(f'<a href="{prd_listing_path(number - 1)}">&laquo; หน้าก่อนหน้า</a>')
    pager.append(f"หน้า {number}/{last}")
    if number < last:
        pager.append(f'<a href="{prd_listing_path(number + 1)}">หน้าถัดไป &raquo;</a>')
    content = [
        '<table class="newslist" width="100%" border="0" cellpadding="4" cellspacing="0">',
        '<tr><td><font size="2">ขณะนี้คุณอยู่ที่ &rsaquo; ข่าวจังหวัด</font></td></tr>',
        '<tr><td><font size="4"><b>ข่าวจังหวัด</b></font></td></tr>',
        *rows,
        f'<tr><td align="center">{" | ".join(pager)}</td></tr>',
        "</table>",
    ]
    return prd_frame(site, "ข่าวจังหวัด", content, releases)


def prd_home(site: Site, releases: list[Release]) -> str:
    content = [
        '<table width="100%" border="0" cellpadding="4" cellspacing="0">',
        '<tr><td><font size="4"><b>ข่าวเด่นประจำวัน</b></font></td></tr>',
        *(
            f'<tr><td><a href="{attr(prd_article_path(r))}">{text(r.title)}</a></td></tr>'
            for r in releases[:3]
        ),
        f'<tr><td><a href="{prd_listing_path(1)}">ข่าวทั้งหมด</a></td></tr>',
        "</table>",
    ]
    return prd_frame(site, site.name, content, releases)


def build_prd(site: Site, releases: list[Release]) -> SiteFiles:
    files = SiteFiles(site)
    pages = chunks(releases, PER_PAGE)
    files.add("/", "index.html", prd_home(site, releases))
    for number, items in enumerate(pages, start=1):
        files.add(
            prd_listing_path(number),
            f"ewt_news_list/page-{number}.html",
            prd_listing(site, items, number, len(pages), releases),
        )
    for release in releases:
        files.add(
            prd_article_path(release),
            f"ewt_news/{release.id}.html",
            prd_article(site, release, releases),
            release,
        )
    files.add(
        "/robots.txt", "robots.txt", "User-agent: *\nDisallow: /ewt_admin/\n", content_type="text/plain"
    )
    return files


# ---------------------------------------------------------------------------------------- output


class SiteFiles:
    """One site's files (relative path -> bytes), its routes and which route shows which release."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.files: dict[str, bytes] = {}
        self.routes: dict[str, str | dict[str, object]] = {}
        self.articles: dict[str, tuple[str, Release]] = {}  # release key -> (route, release)

    def add(self, route: str, file: str, content: str, release: Release | None = None, content_type: str | None = None) -> None:  # fmt: skip
        if self.site.charset == "utf-8":
            self.files[file] = content.encode("utf-8")
        else:
            # Characters outside the legacy code page become character references, as old CMSs do.
            self.files[file] = content.encode("cp874", errors="xmlcharrefreplace")
        if content_type is None and self.site.charset != "utf-8" and file.endswith(".html"):
            content_type = f"text/html; charset={self.site.charset}"
        self.routes[route] = (
            {"file": file, "headers": {"Content-Type": content_type}} if content_type else file
        )
        if release is not None:
            self.articles[release.key] = (route, release)

    def file_of(self, route: str) -> str:
        target = self.routes[route]
        return target if isinstance(target, str) else str(target["file"])

    def alias(self, route: str, existing_route: str) -> None:
        self.routes[route] = self.routes[existing_route]

    def settings(self) -> dict[str, object]:
        """`_site.json`: site-level settings read by crawlers/localsite.py (charset, [[source]] table)."""
        return {
            "charset": self.site.charset,
            "source": {"family": self.site.family, **self.site.source_params},
        }


FAMILY_BUILDERS: dict[str, Callable[[Site, list[Release]], SiteFiles]] = {
    "dep": build_dep,
    "sdo": build_sdo,
    "prd": build_prd,
}


def to_json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def expected_entry(site_files: SiteFiles, route: str, release: Release) -> dict[str, object]:
    expected = dict(release.expected or {})
    nulls = expected.pop("null", [])
    core = bool(expected.pop("core", False))
    values = {key: expected[key] for key in EXPECTED_KEYS if key in expected}
    values.update({key: None for key in nulls})
    return {
        "site": site_files.site.directory,
        "url": route,
        "file": f"sites/{site_files.site.directory}/{site_files.file_of(route)}",
        "title": release.title,
        "core": core,
        **{key: values[key] for key in EXPECTED_KEYS if key in values},
    }


def expected_document(built: dict[str, SiteFiles]) -> dict[str, object]:
    pages = []
    duplicates = []
    routes_by_key = {
        key: (files.site.directory, route)
        for files in built.values()
        for key, (route, _) in files.articles.items()
    }
    for files in built.values():
        for route, release in files.articles.values():
            if release.expected or release.republish_of:
                pages.append(expected_entry(files, route, release))
            if release.republish_of:
                source_site, source_route = routes_by_key[release.republish_of]
                duplicates.append(
                    {
                        "pages": [
                            {"site": source_site, "url": source_route},
                            {"site": files.site.directory, "url": route},
                        ],
                        "note": "same body text republished under a different headline and page chrome",
                    }
                )
    return {
        "about": "Values a correct extraction gives for pages of the demo mirror (see data/demo/README.md). "
        "url is root-relative to the site's own host; a key absent from a page is not asserted, "
        "a key with null asserts that the field is null. core=true marks pages whose every stated value "
        "follows directly from the GUIDE rules: the end-to-end test should assert those.",
        "sites": {
            files.site.directory: {
                "family": files.site.family,
                "params": files.site.source_params,
                "charset": files.site.charset,
                "articles": len(files.articles),
            }
            for files in built.values()
        },
        "pages": pages,
        "duplicates": duplicates,
    }


def build_mirror(releases_dir: Path = RELEASES_DIR) -> dict[str, bytes]:
    """Every generated file, keyed by its path relative to data/demo/."""
    releases = load_releases(releases_dir)
    built = {site.directory: FAMILY_BUILDERS[site.family](site, releases[site.directory]) for site in SITES}
    output: dict[str, bytes] = {}
    for directory, files in built.items():
        for path, content in files.files.items():
            output[f"sites/{directory}/{path}"] = content
        output[f"sites/{directory}/routes.json"] = to_json(files.routes)
        output[f"sites/{directory}/_site.json"] = to_json(files.settings())
    output["expected.json"] = to_json(expected_document(built))
    output["sources.toml"] = demo_sources_toml().encode("utf-8")
    return output


def demo_sources_toml() -> str:
    """`sources.toml` for `khaosan demo`: one [[source]] per site, base_url a `{site:DIR}` placeholder
    that the demo command replaces with the site's localhost URL once it is served."""
    blocks = [
        "# Demo sources: generated by data/demo/build_mirror.py. `khaosan demo` serves each directory of\n"
        "# data/demo/sites/ on its own localhost port and replaces {site:NAME} with that site's base URL.\n"
    ]
    for site in SITES:
        lines = [
            "[[source]]",
            f'id = "{site.directory}"',
            f'family = "{site.family}"',
            f'base_url = "{{site:{site.directory}}}"',
        ]
        lines += [f'{key} = "{value}"' for key, value in site.source_params.items()]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def generated_files_on_disk(demo_dir: Path = DEMO_DIR) -> set[str]:
    """Files under sites/ plus expected.json and sources.toml: everything the build owns."""
    on_disk = {str(p.relative_to(demo_dir)) for p in (demo_dir / "sites").rglob("*") if p.is_file()}
    on_disk.update(name for name in ("expected.json", "sources.toml") if (demo_dir / name).is_file())
    return on_disk


def differences(output: dict[str, bytes], demo_dir: Path = DEMO_DIR) -> list[str]:
    """Paths whose committed content differs from a fresh build (missing, changed or stale)."""
    problems = [
        path
        for path, content in output.items()
        if not (demo_dir / path).is_file() or (demo_dir / path).read_bytes() != content
    ]
    problems += sorted(generated_files_on_disk(demo_dir) - set(output))
    return problems


def write_mirror(output: dict[str, bytes], demo_dir: Path = DEMO_DIR) -> None:
    for stale in generated_files_on_disk(demo_dir) - set(output):
        (demo_dir / stale).unlink()
    for path, content in output.items():
        target = demo_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the committed mirror differs from a fresh build"
    )
    args = parser.parse_args(argv)
    output = build_mirror()
    if args.check:
        problems = differences(output)
        for path in problems:
            print(f"differs from a fresh build: data/demo/{path}", file=sys.stderr)
        return 1 if problems else 0
    write_mirror(output)
    print(f"wrote {len(output)} files under {DEMO_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
