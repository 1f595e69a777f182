"""Family `feed`: any site discovered through an RSS/Atom feed and/or a sitemap (e.g. Blogger reposts).

Parameters: `feed_url` and/or `sitemap_url` (root-relative path or an absolute URL on the source's own
origin; at least one), optional `article_pattern` (regex on "/path?query"; default: Blogger post URLs
`/YYYY/MM/slug.html`). Blogger feeds live at `/feeds/posts/default` (Atom, `<link rel="alternate">`),
sitemaps at `/sitemap.xml` (a sitemapindex of `/sitemap.xml?page=N`).
Quirks: feeds only hold the newest items (Blogger: 25), so a source crawled rarely must also give a
sitemap to avoid gaps; Blogger adds `?m=1` mobile variants, which the pattern rejects.
"""

from crawlers.canonical import origin
from crawlers.sources.base import FamilyDefinition

BLOGGER_POST = r"^/\d{4}/\d{2}/[^/?#]+\.html$"


def check_feed_params(
    params: dict[str, str], base_url: str | None
) -> tuple[list[tuple[str | None, str]], str | None]:
    problems: list[tuple[str | None, str]] = []
    if not params.get("feed_url") and not params.get("sitemap_url"):
        problems.append((None, "family 'feed' needs feed_url or sitemap_url (or both)"))
    for key in ("feed_url", "sitemap_url"):
        value = params.get(key, "")
        if value.startswith(("http://", "https://")) and base_url and origin(value) != origin(base_url):
            problems.append((key, f"{key} {value!r} is not on the source's origin {origin(base_url)}"))
    return problems, base_url


FAMILY = FamilyDefinition(
    name="feed",
    feed_paths=("{feed_url}",),
    sitemap_paths=("{sitemap_url}",),
    optional_params={"feed_url": None, "sitemap_url": None, "article_pattern": None},
    article_pattern=BLOGGER_POST,
    title_selector="h3.post-title",
    content_selectors=("h3.post-title", "div.post-body"),
    check_params=check_feed_params,
)
