"""Family `msociety`: Ministry of Social Development and Human Security (m-society.go.th), EWT CMS, UTF-8.

Discovery: `/ewt_news_list.php?cid=<cid>&page=1` (1-based; `a.next` "หน้าถัดไป"); parameter `cid`
(news category, default 1). Articles: `/ewt_news.php?nid=<id>`.
Quirks: EWT appends extra query parameters (`&filename=index`, tracking ids) in some links, so the
article pattern only requires `nid`; article pages have a visitor counter and a hashtag line, so the
content hash covers title, date and `div.news-detail` only.
"""

from crawlers.sources.base import FamilyDefinition

FAMILY = FamilyDefinition(
    name="msociety",
    default_base_url="https://www.m-society.go.th",
    listing_paths=("/ewt_news_list.php?cid={cid}&page=1",),
    optional_params={"cid": "1"},
    article_pattern=r"^/ewt_news\.php\?(?:.*&)?nid=\d+(?:&.*)?$",
    listing_link_selector="div.news-item a",
    next_page_selector="a.next",
    title_selector="div.news-title",
    content_selectors=("div.news-title", "div.news-date", "div.news-detail"),
)
