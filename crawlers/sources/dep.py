"""Family `dep`: Department of Empowerment of Persons with Disabilities (dep.go.th), Drupal-style CMS, UTF-8.

Discovery: the news listing `/th/news?page=0` (0-based, newest first, `li.pager-next` absent on the last
page) and `/sitemap.xml` (urlset with <lastmod>). Articles: `/th/news/detail/<id>`.
Quirks: the listing is 0-based while most Thai CMSs are 1-based; article pages carry a visitor counter
("ผู้เข้าชม 1,234 ครั้ง") that changes on every visit, so the content hash covers only the title, date
and `div.field-body`; `article:published_time` meta is present on some pages only.
"""

from crawlers.sources.base import FamilyDefinition

FAMILY = FamilyDefinition(
    name="dep",
    default_base_url="https://dep.go.th",
    listing_paths=("/th/news?page=0",),
    sitemap_paths=("/sitemap.xml",),
    article_pattern=r"^/th/news/detail/\d+/?$",
    listing_link_selector=".view-content .views-row h3.news-title a",
    next_page_selector="ul.pager li.pager-next a",
    title_selector="h1.page-title",
    content_selectors=("h1.page-title", "div.news-date", "div.field-body"),
)
