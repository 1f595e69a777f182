import gzip
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawlers.encoding import decode_html
from crawlers.warc import WarcArchive, read_html, reason_phrase

ARTICLE = "<html><body><h1>ศูนย์พัฒนาสังคมหน่วยที่ 12 มอบเครื่องอุปโภคบริโภค</h1></body></html>"


def test_round_trip_returns_url_headers_and_exact_bytes(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, run_id="20260101T000000Z-1")
    bodies = {
        "http://127.0.0.1:8001/th/news/detail/7": ARTICLE.encode("utf-8"),
        "http://127.0.0.1:8002/ewt_news.php?nid=3&filename=index": ARTICLE.encode("cp874"),
        "http://127.0.0.1:8003/empty": b"",
    }
    locations = {
        url: archive.write(
            url,
            200,
            [
                ("Content-Type", "text/html; charset=windows-874"),
                ("Content-Encoding", "gzip"),
                ("ETag", '"abc"'),
            ],
            body,
            request_headers=[("User-Agent", "Khaosan/0.1")],
        )
        for url, body in bodies.items()
    }
    archive.close()
    for url, location in locations.items():
        got_url, headers, body = read_html(tmp_path, location.warc_file, location.offset)
        assert got_url == url
        assert body == bodies[url]
        assert headers["etag"] == headers["ETag"] == headers.get("Etag") == '"abc"'
        assert "Content-Type" in headers and headers.get("X-Missing") is None
        assert "content-encoding" not in headers  # payload is stored decoded
        assert headers["content-length"] == str(len(body))
    tis = locations["http://127.0.0.1:8002/ewt_news.php?nid=3&filename=index"]
    text, codec = decode_html(
        read_html(tmp_path, tis.warc_file, tis.offset)[2], "text/html; charset=windows-874"
    )
    assert codec == "cp874" and "มอบเครื่องอุปโภคบริโภค" in text


def test_each_record_is_its_own_gzip_member_at_its_offset(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, run_id="r")
    first = archive.write("http://a.test/1", 200, [], b"one")
    second = archive.write("http://a.test/2", 404, [], b"two")
    archive.close()
    raw = (tmp_path / first.warc_file).read_bytes()
    member = gzip.decompress(raw[second.offset : second.offset + second.length])
    assert member.startswith(b"WARC/1.") and b"http://a.test/2" in member and b"404 Not Found" in member
    assert first.offset == 0 and second.offset > first.length


def test_files_rotate_at_the_size_limit(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, run_id="r", max_file_bytes=1)
    names = {archive.write(f"http://a.test/{i}", 200, [], b"x" * 100).warc_file for i in range(3)}
    archive.close()
    assert names == {"khaosan-r-00001.warc.gz", "khaosan-r-00002.warc.gz", "khaosan-r-00003.warc.gz"}


def test_wrong_offset_is_a_clear_error(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, run_id="r")
    location = archive.write("http://a.test/1", 200, [], b"one")
    archive.close()
    # the request record follows the response record: pointing at it is not a response
    with pytest.raises(ValueError, match="no WARC response record"):
        read_html(tmp_path, location.warc_file, location.offset + location.length)


def test_records_are_complete_warc_pairs_with_valid_digests(tmp_path: Path) -> None:
    """The archive gzips warcio's records itself: every member must still be a whole record whose
    block and payload digests verify, each response followed by its request record."""
    archive = WarcArchive(tmp_path, run_id="r")
    bodies = [ARTICLE.encode("utf-8") * 50, b""]
    locations = [
        archive.write(
            f"http://a.test/{n}?x=1", 200, [("Content-Type", "text/html")], body, request_headers=[("A", "b")]
        )
        for n, body in enumerate(bodies)
    ]
    archive.close()
    with (tmp_path / locations[0].warc_file).open("rb") as handle:
        records = [
            (record.rec_type, record.rec_headers, record.content_stream().read())
            for record in ArchiveIterator(handle, check_digests="raise")
        ]
    assert [kind for kind, _, _ in records] == ["response", "request"] * len(bodies)
    for (_, response, body), (_, request, request_head), sent in zip(
        records[::2], records[1::2], bodies, strict=True
    ):
        assert body == sent and response.get_header("WARC-Payload-Digest")
        assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
        assert request.get_header("WARC-Target-URI") == response.get_header("WARC-Target-URI")
        assert request_head == b""  # the request line and headers are the record's HTTP headers


@pytest.mark.parametrize(
    ("status", "phrase"), [(200, "OK"), (304, "Not Modified"), (429, "Too Many Requests"), (599, "Unknown")]
)
def test_reason_phrase_of_status_lines(status: int, phrase: str) -> None:
    """Both the archive's records and the local test server's responses use it."""
    assert reason_phrase(status) == phrase
