"""The crawl entry point refuses unusable input with exit code 2 before sending any request."""

from pathlib import Path

import pytest
from crawl_support import source_block

from crawlers.localsite import LocalSite
from crawlers.run import USAGE_ERROR, crawl_in_subprocess


@pytest.mark.parametrize(
    ("extra_sources", "options", "known_text", "expected"),
    [
        ('[[source]]\nid = "b"\nfamily = "nosuch"\n', {}, None, "sources.toml:8: unknown family 'nosuch'"),
        ('[[source]]\nid = "t"\nfamily = "thaigov"\nenabled = true\n', {}, None, "override_disabled = true"),
        ("", {"only": ["nope"]}, None, "--only 'nope': no such source"),
        (
            '[[source]]\nid = "t"\nfamily = "thaigov"\n',
            {"only": ["t"]},
            None,
            "--only 't': source is disabled",
        ),
        ("", {}, "{not json", "cannot read KNOWN state"),
    ],
)
def test_unusable_input_exits_2_without_a_request(
    tmp_path: Path, extra_sources: str, options: dict, known_text: str | None, expected: str
) -> None:
    with LocalSite() as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(source_block("dep", "dep", site.base_url) + extra_sources, encoding="utf-8")
        known = None
        if known_text is not None:
            known = tmp_path / "KNOWN.json"
            known.write_text(known_text, encoding="utf-8")
        result = crawl_in_subprocess(
            sources, tmp_path / "run", tmp_path / "warc", known_path=known, **options
        )
    assert result.returncode == USAGE_ERROR
    assert expected in result.stderr_tail
    assert result.stats == {}
    assert site.requests == []
    assert not (tmp_path / "warc").exists()
