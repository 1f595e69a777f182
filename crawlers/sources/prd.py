"""Family `prd`: provincial public-relations news pages (prd.go.th style), old EWT CMS, TIS-620.

Discovery: `/ewt_news_list.php?page=1`, … with a "หน้าถัดไป" text link (no class). Articles:
`/ewt_news.php?nid=<id>&filename=index`.
Quirks: served as `Content-Type: text/html; charset=windows-874` with a `charset=tis-620` meta, bytes in
cp874 (crawlers.encoding decodes; some mirrors drop or mis-state the declaration); table layout without
semantic classes, so links are found by pattern and the next page by its text; the date line
"วันที่ลงข่าว: 05/03/21" uses a 2-digit CE year; the headline sits in `td.newsheadline` on the pages we
know, with <title> as fallback.
"""

from crawlers.sources.base import FamilyDefinition

FAMILY = FamilyDefinition(
    name="prd",
    listing_paths=("/ewt_news_list.php?page=1",),
    article_pattern=r"^/ewt_news\.php\?(?:.*&)?nid=\d+(?:&.*)?$",
    listing_link_selector=None,
    next_page_selector="xpath://a[contains(normalize-space(.), 'หน้าถัดไป')]",
    title_selector=".newsheadline",
    content_selectors=(".newsheadline", ".newsdate", ".newsdetail"),
)
