from pathlib import Path

import pytest

from crawlers.sources import FAMILIES, SourcesFileError, load_sources
from crawlers.sources.sdo import PROVINCE_SLUGS, province_name


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_sources_parse_and_cover_every_province() -> None:
    sources = load_sources(Path("crawlers/default_sources.toml"))
    sdo = [s for s in sources if s.family == "sdo"]
    assert len(sdo) == 76 == len(PROVINCE_SLUGS)
    assert {s.params["province"] for s in sdo} == set(PROVINCE_SLUGS)
    thaigov = next(s for s in sources if s.family == "thaigov")
    assert not thaigov.enabled and "2025" in (thaigov.disabled_reason or "")
    assert all(s.enabled for s in sources if s.family != "thaigov")


def test_every_family_plans_absolute_start_urls() -> None:
    sources = load_sources(Path("crawlers/default_sources.toml"))
    for source in sources:
        plan = FAMILIES[source.family].plan(source)
        starts = plan.listing_urls + plan.sitemap_urls + plan.feed_urls
        assert starts and all(url.startswith(source.origin + "/") for url in starts)


def test_sdo_province_spellings_and_base_url(tmp_path: Path) -> None:
    assert province_name("จังหวัดลำปาง") == province_name("lampang") == "ลำปาง"
    assert province_name("กรุงเทพมหานคร") is None
    path_text = '[[source]]\nid = "sdo-lp"\nfamily = "sdo"\nprovince = "จังหวัดลำปาง"\n'
    (source,) = load_sources(write(tmp_path, path_text))
    assert source.base_url == "https://lampang.m-society.go.th"
    assert source.params["province"] == "ลำปาง"


def test_feed_and_msociety_parameters(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[source]]\nid = "blog"\nfamily = "feed"\nbase_url = "http://127.0.0.1:8000"\nfeed_url = "/feeds/posts/default"\n'
        '\n[[source]]\nid = "ms"\nfamily = "msociety"\ncid = "7"\n',
    )
    blog, ms = load_sources(path)
    blog_plan = FAMILIES["feed"].plan(blog)
    assert blog_plan.feed_urls == ("http://127.0.0.1:8000/feeds/posts/default",)
    assert blog_plan.sitemap_urls == ()  # unset parameter: template skipped
    assert blog_plan.article_pattern.match("/2021/03/lampang-news.html")
    assert FAMILIES["msociety"].plan(ms).listing_urls == (
        "https://www.m-society.go.th/ewt_news_list.php?cid=7&page=1",
    )


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[[source]]\nid = "a"\nfamily = "nope"\n', 3, "unknown family 'nope'"),
        ('[[source]]\nid = "a"\nfamily = "dep"\nbase_url = "dep.go.th"\n', 4, "not an absolute http(s) URL"),
        (
            '[[source]]\nid = "a"\nfamily = "dep"\nbase_url = "ftp://dep.go.th"\n',
            4,
            "not an absolute http(s) URL",
        ),
        (
            '[[source]]\nid = "a"\nfamily = "dep"\n\n[[source]]\nid = "a"\nfamily = "msociety"\n',
            5,
            "duplicate source id 'a'",
        ),
        ('[[source]]\nid = "lp"\nfamily = "sdo"\n', 1, "needs parameter 'province'"),
        ('[[source]]\nid = "lp"\nfamily = "sdo"\nprovince = "แอตแลนติส"\n', 4, "unknown province"),
        ('[[source]]\nid = "Bad Id"\nfamily = "dep"\n', 2, "must match"),
        ('[[source]]\nid = "a"\nfamily = "dep"\nenable = true\n', 4, "unknown key 'enable'"),
        ('[[source]]\nid = "a"\nfamily = "dep"\nenabled = "yes"\n', 4, "enabled must be true or false"),
        (
            '[[source]]\nid = "b"\nfamily = "feed"\nbase_url = "https://b.test"\n',
            1,
            "needs feed_url or sitemap_url",
        ),
        (
            '[[source]]\nid = "b"\nfamily = "feed"\nbase_url = "https://b.test"\nfeed_url = "https://other.test/feed"\n',
            5,
            "not on the source's origin",
        ),
        (
            '[[source]]\nid = "b"\nfamily = "feed"\nbase_url = "https://b.test"\nsitemap_url = "/s.xml"\narticle_pattern = "(["\n',
            6,
            "not a valid regex",
        ),
        ('[[source]]\nid = "p"\nfamily = "prd"\n', 1, "give base_url"),
        ('[[source]]\nid = "a"\nfamily = "dep"\nbase_url = "https://dep.go.th\n', 4, "invalid TOML"),
        ('[source]\nid = "a"\n', 1, "no [[source]] entries"),
        ('[[source]]\nid = "t"\nfamily = "thaigov"\nenabled = true\n', 4, "override_disabled = true"),
        (
            '[[source]]\nid = "t"\nfamily = "thaigov"\nenabled = true\noverride_disabled = true\n',
            4,
            "non-empty override_reason",
        ),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourcesFileError) as error:
        load_sources(path)
    message = str(error.value)
    assert f"{path}:{line}:" in message
    assert fragment in message


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[source]]\nid = "a"\nfamily = "nope"\n\n[[source]]\nid = "b"\nfamily = "dep"\nbase_url = "x"\n',
    )
    with pytest.raises(SourcesFileError) as error:
        load_sources(path)
    assert f"{path}:3:" in str(error.value) and f"{path}:8:" in str(error.value)


def test_thaigov_can_be_enabled_only_with_an_explicit_override(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[source]]\nid = "t"\nfamily = "thaigov"\nenabled = true\noverride_disabled = true\n'
        'override_reason = "written permission from the PR department, ref. 0123/2569"\n',
    )
    (source,) = load_sources(path)
    assert source.enabled and source.override_reason and source.disabled_reason is None


def test_missing_file_is_a_sources_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="cannot read"):
        load_sources(tmp_path / "absent.toml")
