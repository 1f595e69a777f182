"""The crawl entry point refuses unusable input with exit code 2 before sending any request."""

from pathlib import Path

import pytest
from crawl_support import source_block

from crawlers.localsite import LocalSite
from crawlers.run import USAGE_ERROR, crawl_in_subprocess, main


def write_inputs(
    tmp_path: Path, base_url: str, extra_sources: str, known_text: str | None
) -> tuple[Path, Path | None]:
    sources = tmp_path / "sources.toml"
    sources.write_text(source_block("dep", "dep", base_url) + extra_sources, encoding="utf-8")
    known = None
    if known_text is not None:
        known = tmp_path / "KNOWN.json"
        known.write_text(known_text, encoding="utf-8")
    return sources, known


@pytest.mark.parametrize(
    ("extra_sources", "only", "known_text", "expected"),
    [
        ('[[source]]\nid = "b"\nfamily = "nosuch"\n', None, None, "sources.toml:8: unknown family 'nosuch'"),
        (
            '[[source]]\nid = "t"\nfamily = "thaigov"\nenabled = true\n',
            None,
            None,
            "override_disabled = true",
        ),
        ("", ["nope"], None, "--only 'nope': no such source"),
        ('[[source]]\nid = "t"\nfamily = "thaigov"\n', ["t"], None, "--only 't': source is disabled"),
        ("", None, "{not json", "cannot read KNOWN state"),
        ("", None, '["a list"]', "must be a JSON object"),
    ],
)
def test_unusable_input_exits_2_before_any_request(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra_sources: str,
    only: list[str] | None,
    known_text: str | None,
    expected: str,
) -> None:
    with LocalSite() as site:
        sources, known = write_inputs(tmp_path, site.base_url, extra_sources, known_text)
        argv = [
            "--sources",
            str(sources),
            "--out",
            str(tmp_path / "run"),
            "--warc-dir",
            str(tmp_path / "warc"),
        ]
        argv += ["--known", str(known)] if known else []
        argv += ["--only", *only] if only else []
        assert main(argv) == USAGE_ERROR
    assert expected in capsys.readouterr().err
    assert site.requests == []
    assert not (tmp_path / "warc").exists() and not (tmp_path / "run" / "stats.json").exists()


def test_child_process_reports_the_refusal(tmp_path: Path) -> None:
    with LocalSite() as site:
        sources, _ = write_inputs(tmp_path, site.base_url, '[[source]]\nid = "b"\nfamily = "nosuch"\n', None)
        result = crawl_in_subprocess(sources, tmp_path / "run", tmp_path / "warc")
    assert result.returncode == USAGE_ERROR
    assert "sources.toml:8: unknown family 'nosuch'" in result.stderr_tail
    assert result.stats == {} and site.requests == []
