import pytest

from crawlers.canonical import canonical_url, origin, path_and_query, without_tracking


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://DEP.go.th/th/news/detail/12", "http://dep.go.th/th/news/detail/12"),
        ("https://dep.go.th:443/th/news/detail/12#gallery", "https://dep.go.th/th/news/detail/12"),
        ("http://dep.go.th:80", "http://dep.go.th/"),
        (
            "http://127.0.0.1:8123/ewt_news.php?nid=5&filename=index",
            "http://127.0.0.1:8123/ewt_news.php?filename=index&nid=5",
        ),
        (
            "https://www.m-society.go.th/ewt_news.php?nid=9&utm_source=facebook&utm_medium=social&fbclid=IwAR0x",
            "https://www.m-society.go.th/ewt_news.php?nid=9",
        ),
        (
            "https://lampang.m-society.go.th/archives/55?gclid=abc",
            "https://lampang.m-society.go.th/archives/55",
        ),
        ("https://a.test/p?b=2&a=1&a=0", "https://a.test/p?a=0&a=1&b=2"),  # fully sorted
        ("https://a.test/p?q=&x=1", "https://a.test/p?q=&x=1"),  # blank values kept
        (
            "https://khaosan.blogspot.com/2021/03/ข่าวลำปาง.html",
            "https://khaosan.blogspot.com/2021/03/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B8%A5%E0%B8%B3%E0%B8%9B%E0%B8%B2%E0%B8%87.html",
        ),
        ("https://a.test/%e0%b8%82", "https://a.test/%E0%B8%82"),  # percent-encoding case
        ("  https://a.test/x  ", "https://a.test/x"),
        ("mailto:pr@dep.go.th", "mailto:pr@dep.go.th"),  # not http(s): left alone
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected  # idempotent


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8123/a", "http://127.0.0.1:8123"),
        ("https://DEP.go.th:443/a", "https://dep.go.th"),
        ("http://dep.go.th:8080/", "http://dep.go.th:8080"),
    ],
)
def test_origin_keeps_non_default_ports(url: str, expected: str) -> None:
    assert origin(url) == expected


def test_path_and_query() -> None:
    assert path_and_query("http://a.test/ewt_news.php?nid=1") == "/ewt_news.php?nid=1"
    assert path_and_query("http://a.test") == "/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://a.test/ewt_news.php?nid=9&utm_source=line&utm_medium=share",
            "http://a.test/ewt_news.php?nid=9",
        ),
        (
            "http://a.test/ewt_news.php?nid=9&filename=index#top",
            "http://a.test/ewt_news.php?nid=9&filename=index",
        ),
        ("http://a.test/p?z=1&a=2&fbclid=x", "http://a.test/p?z=1&a=2"),  # order kept for fetching
        ("http://a.test/archives/5", "http://a.test/archives/5"),
    ],
)
def test_without_tracking_keeps_the_sites_parameter_order(url: str, expected: str) -> None:
    assert without_tracking(url) == expected
