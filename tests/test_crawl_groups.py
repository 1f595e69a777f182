"""How the refresh flow deals sources to crawl child processes."""

from __future__ import annotations

import pytest

from flows.refresh import crawl_groups, default_crawl_workers

SOURCES = [f"site-{i}" for i in range(1, 9)]


@pytest.mark.parametrize(
    ("workers", "expected"),
    [
        (1, [SOURCES]),
        (2, [SOURCES[0::2], SOURCES[1::2]]),
        (4, [["site-1", "site-5"], ["site-2", "site-6"], ["site-3", "site-7"], ["site-4", "site-8"]]),
        (20, [[source] for source in SOURCES]),  # never more children than sources
        (0, [SOURCES]),  # at least one
    ],
)
def test_sources_are_dealt_round_robin(workers: int, expected: list[list[str]]) -> None:
    assert crawl_groups(SOURCES, workers) == expected


@pytest.mark.parametrize(("cores", "children"), [(1, 2), (2, 4), (8, 16), (None, 2)])
def test_two_crawl_children_per_core_by_default(
    monkeypatch: pytest.MonkeyPatch, cores: int | None, children: int
) -> None:
    """So that a core is not left idle while the last child finishes (children end at different
    times; the others keep every core busy)."""
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert default_crawl_workers() == children
