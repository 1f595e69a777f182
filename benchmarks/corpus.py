"""The thaigov corpus for benchmarks: a streaming reader and a government-news-page wrapper.

The corpus (``thaigov.jsonl.gz``, one JSON object a line: id, url, category, crawl_day, title, text)
is read line by line so a full run never holds 63k releases in memory.  ``news_page`` builds, at run
time, the HTML page a Thai ministry CMS would serve around a release text, so the HTML path
(trafilatura + our extraction) is measured on pages with real-sized boilerplate.  No corpus text is
ever written into the repository: the page chrome below is invented.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

# Where the corpus sits when the repository is checked out next to shared/.
DEFAULT_CORPUS = Path("../shared/corpus/thaigov.jsonl.gz")

# "generic": the article sits in anonymous Bootstrap grid boxes, so our HTML path has to ask
# trafilatura where the text is; "cms": it sits in a body container of a known CMS
# (class "news-detail"), which extract.html reads directly without trafilatura.
PageLayout = Literal["generic", "cms"]
PAGE_LAYOUTS: tuple[PageLayout, ...] = get_args(PageLayout)


@dataclass(frozen=True, slots=True)
class Release:
    doc_id: str
    title: str
    text: str
    url: str = ""
    category: str = ""

    def as_text_input(self) -> dict[str, str]:
        """The extraction contract's text input line."""
        return {"doc_id": self.doc_id, "text": self.text}

    def as_html_input(self, layout: PageLayout = "generic") -> dict[str, str]:
        """The extraction contract's HTML input line, with the page built around the text."""
        return {"doc_id": self.doc_id, "html": news_page(self, layout)}


def read_releases(path: Path, limit: int | None = None) -> Iterator[Release]:
    """Releases of a (gzipped) JSONL corpus in file order, at most ``limit``; bad lines are skipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    yielded = 0
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if limit is not None and yielded >= limit:
                return
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if not isinstance(item, dict):
                continue
            doc_id = item.get("id", item.get("doc_id"))
            if doc_id is None:
                continue
            yield Release(
                doc_id=str(doc_id),
                title=str(item.get("title") or ""),
                text=str(item.get("text") or ""),
                url=str(item.get("url") or ""),
                category=str(item.get("category") or ""),
            )
            yielded += 1


# --- Splitting a thaigov text into its header parts and body paragraphs ---------------------------

_SITE_PREFIX = re.compile(r"^รัฐบาลไทย-(?:ข่าวทำเนียบรัฐบาล-)?")
_DATE_LINE = re.compile(r"^วัน\S{2,9}ที่\s?\d{1,2}\s\S+\s\d{4}$|^\d{1,2}/\d{1,2}/\d{2,4}$")
_PRINT_LINE = re.compile(r"^(?:พิมพ์|Print)$")
_SOURCE_LINE = re.compile(r"^ที่มา\s?:")
_INVISIBLE = re.compile(r"[\u200b-\u200d\ufeff]")
_SQUASH = re.compile(r"[\s\"'“”‘’\u200b-\u200d\ufeff]+")


@dataclass(frozen=True, slots=True)
class ReleaseParts:
    title: str
    date_line: str
    paragraphs: list[str]


def _squash(text: str) -> str:
    return _SQUASH.sub("", text)


def _repeats_title(line: str, title: str) -> bool:
    a, b = _squash(line), _squash(title)
    return bool(a) and (a == b or (len(a) >= 0.8 * len(b) and b.startswith(a)))


def split_release(release: Release) -> ReleaseParts:
    """Title, publication-date line and body paragraphs of a release text (site chrome dropped)."""
    lines = [_INVISIBLE.sub("", line).strip() for line in release.text.split("\n")]
    title = _INVISIBLE.sub("", release.title).strip()
    date_line = ""
    body_start = len(lines)
    for index, line in enumerate(lines):
        line = _SITE_PREFIX.sub("", line).strip()
        if not line or _PRINT_LINE.match(line):
            continue
        if not date_line and _DATE_LINE.match(line):
            date_line = line
            continue
        if not title:
            title = line
            continue
        if _repeats_title(line, title):
            continue
        body_start = index
        break
    body = [line for line in lines[body_start:] if line and not _SOURCE_LINE.match(line)]
    return ReleaseParts(title=title, date_line=date_line, paragraphs=body)


# --- The page: invented chrome of a Thai government news site ------------------------------------

_MENU = (
    "หน้าแรก",
    "เกี่ยวกับหน่วยงาน",
    "ข่าวประชาสัมพันธ์",
    "ภารกิจและอำนาจหน้าที่",
    "จัดซื้อจัดจ้าง",
    "การเปิดเผยข้อมูลสาธารณะ (ITA)",
    "ร้องเรียนร้องทุกข์",
    "ติดต่อเรา",
)
_SIDEBAR_NEWS = (
    "ผู้ว่าราชการจังหวัดตัวอย่างมอบถุงยังชีพแก่ผู้ประสบอุทกภัย",
    "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป",
    "ประชาสัมพันธ์ช่องทางแจ้งเหตุสายด่วน 1300 ตลอด 24 ชั่วโมง",
    "สรุปผลการดำเนินงานประจำไตรมาสที่ 2 ปีงบประมาณ",
    "เชิญชวนร่วมตอบแบบสำรวจความพึงพอใจต่อการให้บริการ",
)
_LINKS = ("สำนักนายกรัฐมนตรี", "ศูนย์ดำรงธรรม", "ราชกิจจานุเบกษา", "ระบบสารบรรณอิเล็กทรอนิกส์")


def _items(texts: tuple[str, ...], href: str) -> str:
    return "".join(f'<li><a href="{href}{n}">{html.escape(t)}</a></li>' for n, t in enumerate(texts))


_ARTICLE_BOXES: dict[PageLayout, tuple[str, str]] = {
    "generic": ('<div class="col-md-9"><div class="card"><div class="card-body">', "</div></div></div>"),
    "cms": ('<article class="news-detail">', "</article>"),
}


def news_page(release: Release, layout: PageLayout = "generic") -> str:
    """A full news page around the release: header, menu, breadcrumb, title, date, paragraphs,
    share bar, tags, related news, sidebar, visitor counter, cookie banner and footer."""
    parts = split_release(release)
    box_open, box_close = _ARTICLE_BOXES[layout]
    title = html.escape(parts.title)
    category = html.escape(release.category or "ข่าวประชาสัมพันธ์")
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in parts.paragraphs)
    # A stable, document-dependent visitor count: realistic noise that never changes between runs.
    visitors = sum(map(ord, release.doc_id)) * 37 % 9000 + 120
    date_block = f'<span class="news-date">{html.escape(parts.date_line)}</span>' if parts.date_line else ""
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<title>{title} | สำนักงานประชาสัมพันธ์ภาครัฐตัวอย่าง</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<link rel="stylesheet" href="/themes/gov/css/main.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
<div class="topbar"><a href="/th">ภาษาไทย</a> | <a href="/en">English</a> | <a href="#main">ข้ามไปเนื้อหาหลัก</a>
<span class="font-size">ขนาดตัวอักษร ก ก ก</span></div>
<header class="site-header"><a class="logo" href="/"><img src="/logo.png" alt="ตราสัญลักษณ์"></a>
<div class="site-name">สำนักงานประชาสัมพันธ์ภาครัฐตัวอย่าง<br><small>Example Government Public Relations Office</small></div>
<form class="search" action="/search"><input name="q" placeholder="ค้นหา"><button>ค้นหา</button></form></header>
<nav class="main-menu"><ul>{_items(_MENU, "/menu/")}</ul></nav>
<div class="breadcrumb"><a href="/">หน้าแรก</a> › <a href="/news">ข่าวประชาสัมพันธ์</a> › <span>{category}</span></div>
<div class="container"><main id="main" class="content">
{box_open}
<h1 class="news-title">{title}</h1>
<div class="news-meta">{date_block} <span class="category">หมวด: {category}</span></div>
<div class="news-body">
{paragraphs}
</div>
<div class="share-bar">แชร์: <a href="#fb">Facebook</a> <a href="#line">LINE</a> <a href="#x">X</a> <a href="#print">พิมพ์</a></div>
<div class="visitor-counter">จำนวนผู้เข้าชม {visitors:,} ครั้ง</div>
<div class="tags">แท็ก: <a href="/tag/1">{category}</a> <a href="/tag/2">ข่าวหน่วยงาน</a></div>
{box_close}
<section class="related-news"><h3>ข่าวที่เกี่ยวข้อง</h3><ul>{_items(_SIDEBAR_NEWS[:3], "/news/related/")}</ul></section>
</main>
<aside class="sidebar"><h3>ข่าวล่าสุด</h3><ul>{_items(_SIDEBAR_NEWS, "/news/latest/")}</ul>
<h3>ลิงก์หน่วยงาน</h3><ul>{_items(_LINKS, "/links/")}</ul>
<div class="popular-news"><h3>ข่าวยอดนิยม</h3><ul>{_items(_SIDEBAR_NEWS[2:], "/news/popular/")}</ul></div></aside>
</div>
<div class="cookie-consent">เว็บไซต์นี้ใช้คุกกี้เพื่อพัฒนาประสบการณ์การใช้งาน ศึกษา<a href="/privacy">นโยบายความเป็นส่วนตัว</a> <button>ยอมรับ</button></div>
<footer class="site-footer"><p>สำนักงานประชาสัมพันธ์ภาครัฐตัวอย่าง เลขที่ 99 ถนนตัวอย่าง แขวงตัวอย่าง เขตตัวอย่าง กรุงเทพฯ 10000</p>
<p>โทรศัพท์ 0 2000 0000 โทรสาร 0 2000 0001 อีเมล saraban@example.go.th</p>
<p>สงวนลิขสิทธิ์ © สำนักงานประชาสัมพันธ์ภาครัฐตัวอย่าง | <a href="/policy">นโยบายเว็บไซต์</a> | <a href="/sitemap">แผนผังเว็บไซต์</a></p></footer>
<script src="/themes/gov/js/main.js"></script>
</body></html>
"""
