import pytest

from crawlers.encoding import decode_html

THAI_PAGE = (
    "<html><head>{meta}</head><body><h1>จังหวัดลำปางจัดกิจกรรมวันคนพิการสากล</h1>"
    "<p>นายสมศักดิ์ ใจดี ผู้ว่าราชการจังหวัดลำปาง เป็นประธานเปิดงาน ณ หอประชุมอำเภอเมือง</p></body></html>"
)
TIS_META = '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
UTF8_META = '<meta charset="utf-8">'


def page(meta: str = "") -> str:
    return THAI_PAGE.format(meta=meta)


@pytest.mark.parametrize(
    ("body", "content_type", "expected_codec"),
    [
        (page(TIS_META).encode("cp874"), "text/html; charset=windows-874", "cp874"),
        (page(TIS_META).encode("cp874"), "text/html", "cp874"),  # meta only
        (page().encode("cp874"), None, "cp874"),  # undeclared
        (page().encode("cp874"), "text/html; charset=utf-8", "cp874"),  # wrong header
        (page(UTF8_META).encode("cp874"), "text/html", "cp874"),  # wrong meta
        (page().encode("cp874"), "text/html; charset=ISO-8859-1", "cp874"),  # CMS default latin-1
        (page().encode("cp874"), "text/html; charset=iso-8859-11", "cp874"),
        (page(UTF8_META).encode("utf-8"), "text/html; charset=utf-8", "utf-8"),
        (
            page(TIS_META).encode("utf-8"),
            "text/html; charset=tis-620",
            "utf-8",
        ),  # declared Thai, really UTF-8
        (page().encode("utf-8"), None, "utf-8"),
        (b"\xef\xbb\xbf" + page().encode("utf-8"), "text/html; charset=tis-620", "utf-8"),  # BOM wins
    ],
)
def test_thai_pages_decode_to_the_same_text(
    body: bytes, content_type: str | None, expected_codec: str
) -> None:
    text, codec = decode_html(body, content_type)
    assert codec == expected_codec
    assert "ผู้ว่าราชการจังหวัดลำปาง" in text
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    ("body", "content_type", "expected_codec"),
    [
        (b"<html><body>plain ascii</body></html>", None, "utf-8"),
        (b"<html><body>plain ascii</body></html>", "text/html; charset=windows-874", "cp874"),
        ("<p>café</p>".encode("cp1252"), "text/html; charset=windows-1252", "cp1252"),
        (b"<p>\x81\x82 broken</p>", "text/html; charset=no-such-charset", "utf-8"),
        (b"", None, "utf-8"),
    ],
)
def test_other_bodies_decode_without_raising(
    body: bytes, content_type: str | None, expected_codec: str
) -> None:
    text, codec = decode_html(body, content_type)
    assert codec == expected_codec
    assert isinstance(text, str)
