"""HTML in, main text + title + publication date out: trafilatura for the text, Thai dates by hand.

htmldate rejects Buddhist-era years (2568), so trafilatura's date extraction is switched off and
the publication date is read from machine-readable meta tags or a Thai date near the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from extract.normalise import normalise_text
from extract.thai_dates import parse_thai_date

# Boilerplate blocks trafilatura can mistake for content on Thai CMS pages.
_PRUNE_XPATH = [
    "//*[contains(@class,'share')]",
    "//*[contains(@class,'counter') or contains(@class,'visitor')]",
    "//*[contains(@class,'comment')]",
    "//*[contains(@class,'related') or contains(@class,'popular')]",
    "//*[contains(@class,'gallery')]",
    "//*[contains(@class,'breadcrumb')]",
]
# Body containers of the CMSs Thai government sites run on (old EWT table layouts, Drupal,
# WordPress, Blogger). When one holds the article, reading it directly beats trafilatura's
# guess on table layouts, where menus, "ข่าวล่าสุด" sidebars and footers sit in sibling cells.
_BODY_CLASSES = (
    "newsdetail",
    "news-detail",
    "field-body",
    "entry-content",
    "post-body",
    "news-content",
    "article-body",
    "detail-content",
)
# XPath's contains(concat(' ', normalize-space(@class), ' '), ' name ') per class cost more than
# the page parse itself; the same test is a token lookup on the elements that have a class.
_CLASSED = etree.XPath("//*[@class]")
_XPATH_SPACE = str.maketrans("\t\n\r", "   ")  # normalize-space's whitespace: space, tab, LF, CR
_JUNK = etree.XPath(".//script | .//style | .//*[contains(@class,'share')]")
_BODY_CLASSES_SET = frozenset(_BODY_CLASSES)
_BLOCK_TAGS = ("p", "li", "h2", "h3", "h4", "blockquote")
_MIN_BODY_CHARS = 80
_META_DATE = (
    "article:published_time",
    "datePublished",
    "pubdate",
    "publish-date",
    "date",
    "dc.date",
    "DC.date.issued",
)
# Expressions compiled once: tree.xpath(str) compiles its expression on every call.
_META_WITH_CONTENT = etree.XPath("//meta[@content]")
_TIME_DATETIME = etree.XPath("//time/@datetime")
_TITLE_XPATHS = tuple(
    etree.XPath(xpath)
    for xpath in ("//meta[@property='og:title']/@content", "//h1//text()", "//title//text()")
)
_HEADER_DATE_TEXT = etree.XPath("//*[contains(@class,'date') or contains(@class,'time')]//text()")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    published: date | None


def _iso_date(value: str) -> date | None:
    """YYYY-MM-DD inside a machine-readable value; some Thai CMSs write the BE year there too."""
    m = _ISO_DATE.search(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        return date(year - 543 if year > 2400 else year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _meta_published(tree: lxml.html.HtmlElement) -> date | None:
    # One pass over the meta tags instead of one XPath per name; names keep their priority order
    # and tags their document order.
    metas = _META_WITH_CONTENT(tree)
    for name in _META_DATE:
        for meta in metas:
            if name in (meta.get("property"), meta.get("name"), meta.get("itemprop")):
                found = _iso_date(meta.get("content"))
                if found is not None:
                    return found
    for value in _TIME_DATETIME(tree):
        found = _iso_date(value)
        if found is not None:
            return found
    return None


def _title(tree: lxml.html.HtmlElement) -> str | None:
    for xpath in _TITLE_XPATHS:
        values = [v.strip() for v in xpath(tree) if v.strip()]
        if values:
            return " ".join(values[:1])
    return None


def _container_text(tree: lxml.html.HtmlElement) -> str | None:
    """Paragraphs of a known CMS body container, or None when there is none worth reading."""
    containers = [
        el
        for el in _CLASSED(tree)
        if not _BODY_CLASSES_SET.isdisjoint(el.get("class").translate(_XPATH_SPACE).split(" "))
    ]
    for container in containers:
        for junk in _JUNK(container):
            junk.drop_tree()
        texts = (el.text_content() for el in container.iter(*_BLOCK_TAGS))
        blocks = [" ".join(text.split()) for text in texts if text.strip()]
        if not blocks:
            for br in container.iter("br"):
                br.tail = "\n" + (br.tail or "")
            blocks = [line.strip() for line in container.text_content().split("\n") if line.strip()]
        text = "\n".join(blocks)
        if len(text) >= _MIN_BODY_CHARS:
            return text
    return None


def html_to_article(html: str | bytes) -> HtmlArticle:
    """Main text (paragraphs joined by newlines), headline and publication date of a page."""
    tree = lxml.html.fromstring(html) if html else None
    if tree is None:
        return HtmlArticle(text="", title=None, published=None)
    title = _title(tree)
    published = _meta_published(tree)
    text = _container_text(tree) or (
        trafilatura.extract(
            tree,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            prune_xpath=_PRUNE_XPATH,
            with_metadata=False,
        )
        or ""
    )
    if published is None:
        # A Thai date line in the page header ("วันที่ลงข่าว: 05/03/21", "วันจันทร์ที่ 27 มีนาคม 2566").
        header_text = " ".join(_HEADER_DATE_TEXT(tree))
        published = parse_thai_date(normalise_text(header_text).text) if header_text else None
    return HtmlArticle(text=text, title=title, published=published)
