"""Shared fixtures: one temporary Prefect API for the whole session (it is slow to start)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from crawlers.bytecode_cache import cache_bytecode_outside_tree

# Prefect migrates a fresh SQLite database before its temporary API answers; on a cold CI machine
# that takes far longer than the default 30 s.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "300")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# As the CLI does: Prefect's API, CLI subprocesses and workers import from cached bytecode.
cache_bytecode_outside_tree()


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield
