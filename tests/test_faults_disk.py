"""A full disk (a 1 MB tmpfs filled up; needs root to mount) gives a clear error and a non-zero exit,
never a traceback, for the commands that write: export, extract and crawl."""

from __future__ import annotations

import errno
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawl_support import FIXTURE_SITES, source_block
from test_faults_cli import RELEASE_TEXT, events_db, refused_cleanly, run  # noqa: F401 (fixture)

from crawlers.localsite import LocalSite


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        with (mount_point / "filler").open("wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_export_to_a_full_disk(events_db: Path, full_disk: Path) -> None:  # noqa: F811
    result = run("export", "--db", str(events_db), "--format", "jsonl", "--out", str(full_disk / "export"))
    assert refused_cleanly(result, 4), result.output
    assert (
        f"the disk holding {full_disk / 'export'} is full" in result.stderr and "free space" in result.stderr
    )


def test_extract_to_a_full_disk(tmp_path: Path, full_disk: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"doc_id": "a", "text": RELEASE_TEXT * 50}, ensure_ascii=False) + "\n", "utf-8"
    )
    result = run("extract", "--input", str(source), "--output", str(full_disk / "out.jsonl"))
    assert refused_cleanly(result, 2), result.output
    assert f"cannot write {full_disk / 'out.jsonl'}" in result.stderr and "No space left" in result.stderr


def test_crawl_to_a_full_disk(full_disk: Path, tmp_path: Path) -> None:
    with LocalSite(FIXTURE_SITES / "dep") as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(source_block("dep", "dep", site.base_url), encoding="utf-8")
        result = run("crawl", "--sources", str(sources), "--out", str(full_disk / "crawl"), "--no-politeness")
    assert result.exit_code == 1, result.output
    message = " ".join(result.stderr.split())
    assert f"the disk holding {full_disk / 'crawl'} has only" in message and "free space there" in message
