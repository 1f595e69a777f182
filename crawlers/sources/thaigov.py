"""Family `thaigov`: thaigov.go.th, the government news portal.

DISABLED: the site's policy has forbidden scraping since 2025. The definition exists so the structure is
documented and a sources file mentioning it parses; enabling an instance requires
`override_disabled = true` plus a non-empty `override_reason` (e.g. written permission obtained).
Discovery: `/news/contents/category/<category>?page=N`; articles `/news/contents/details/<id>`.
"""

from crawlers.sources.base import FamilyDefinition

FAMILY = FamilyDefinition(
    name="thaigov",
    default_base_url="https://www.thaigov.go.th",
    enabled_by_default=False,
    disabled_reason="thaigov.go.th's site policy forbids scraping since 2025",
    listing_paths=("/news/contents/category/{category}?page=1",),
    optional_params={"category": "1"},
    article_pattern=r"^/news/contents/details/\d+/?$",
    listing_link_selector=None,
    next_page_selector="xpath://a[@rel='next' or contains(normalize-space(.), 'ถัดไป')]",
    title_selector="h1",
    content_selectors=("h1", ".news-detail", ".Content-Detail"),
)
