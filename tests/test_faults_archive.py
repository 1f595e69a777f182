"""A WARC file cut short (a crawl child killed mid-write, a full disk) keeps its earlier records
readable, and the damaged record is a clear ValueError, never a silently partial body."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawlers.warc import WarcArchive, WarcLocation, read_html

BODIES = [os.urandom(30_000) for _ in range(3)]  # incompressible: a cut lands inside the payload


def archive_then_cut(directory: Path, keep_of_last: int) -> list[WarcLocation]:
    archive = WarcArchive(directory, run_id="killed")
    locations = [
        archive.write(f"http://127.0.0.1:8001/th/news/detail/{n}", 200, [("Content-Type", "text/html")], body)
        for n, body in enumerate(BODIES)
    ]
    archive.close()
    last = locations[-1]
    path = directory / last.warc_file
    path.write_bytes(path.read_bytes()[: last.offset + keep_of_last])
    return locations


@pytest.mark.parametrize("keep_of_last", [0, 10, 100, 2_000, 15_000, 29_000])
def test_cut_last_record_is_reported_and_earlier_ones_read(tmp_path: Path, keep_of_last: int) -> None:
    locations = archive_then_cut(tmp_path, keep_of_last)
    for location, body in zip(locations[:-1], BODIES, strict=False):
        assert read_html(tmp_path, location.warc_file, location.offset)[2] == body
    last = locations[-1]
    with pytest.raises(ValueError) as error:
        read_html(tmp_path, last.warc_file, last.offset)
    message = str(error.value)
    assert f"offset {last.offset}" in message and last.warc_file in message and "re-crawl the page" in message


def test_appending_after_a_damaged_tail_keeps_new_records_readable(tmp_path: Path) -> None:
    """A re-run writes a new file, but even an append to the damaged one stays addressable by offset."""
    locations = archive_then_cut(tmp_path, 2_000)
    with (tmp_path / locations[0].warc_file).open("ab") as handle:
        offset = handle.tell()
    archive = WarcArchive(tmp_path, run_id="killed")
    location = archive.write("http://127.0.0.1:8001/th/news/detail/9", 200, [], b"<html>ok</html>")
    archive.close()
    assert location.offset == offset
    assert read_html(tmp_path, location.warc_file, location.offset)[2] == b"<html>ok</html>"
