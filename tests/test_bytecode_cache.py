"""PYTHONDONTWRITEBYTECODE is honoured (nothing next to the sources) while Khaosan's processes still
import cached bytecode, from a cache under the temporary directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.bytecode_cache import (
    BYTECODE_CACHE_DIR,
    bytecode_cache_environment,
    cache_bytecode_outside_tree,
)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (
            {"PYTHONDONTWRITEBYTECODE": "1", "HOME": "/h"},
            {"PYTHONPYCACHEPREFIX": str(BYTECODE_CACHE_DIR), "HOME": "/h"},
        ),
        ({"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": "/c"}, {"PYTHONPYCACHEPREFIX": "/c"}),
        ({"HOME": "/h"}, {"HOME": "/h"}),  # bytecode is written as usual: nothing to change
    ],
)
def test_child_environment(environment: dict[str, str], expected: dict[str, str]) -> None:
    before = dict(environment)
    assert bytecode_cache_environment(environment) == expected
    assert environment == before  # a copy for the child; the caller's mapping is left alone


def test_this_process_and_its_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    cache_bytecode_outside_tree()
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ
    assert os.environ["PYTHONPYCACHEPREFIX"] == sys.pycache_prefix == str(BYTECODE_CACHE_DIR)
    assert sys.dont_write_bytecode is False


def test_a_child_caches_outside_the_source_tree(tmp_path: Path) -> None:
    sources, cache = tmp_path / "src", tmp_path / "cache"
    sources.mkdir()
    (sources / "release_module.py").write_text("VALUE = 'ข่าว'\n", encoding="utf-8")
    environment = bytecode_cache_environment(
        {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(cache)}
    )
    subprocess.run(
        [sys.executable, "-c", "import release_module"], cwd=sources, env=environment, check=True, timeout=60
    )
    assert list(cache.rglob("release_module*.pyc"))
    assert not (sources / "__pycache__").exists()
