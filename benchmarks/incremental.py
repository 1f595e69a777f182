"""Incremental refresh benchmark: the e2e mirror refreshed again with nothing new.

The same sites are served on the same ports (so every URL is one the database already knows) and the
real refresh flow runs again. A good incremental crawl asks each listing once (conditional GET, 304)
and fetches no article; extraction finds nothing to do. Figures: requests the sites received (by
status), the crawl's own request count, articles fetched, seconds (wall and per stage), peak RSS.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from benchmarks.pipeline_e2e import (
    FlowRun,
    WorkState,
    format_run,
    run_refresh,
    serve_mirror,
    site_ports,
    site_urls,
    sources_file,
)


class MirrorPortsTakenError(RuntimeError):
    """A site of the mirror could not get its previous port, so its URLs would all look new."""


@dataclass
class IncrementalReport:
    known_articles: int
    requests_received: int
    requests_by_status: dict[str, int]
    crawl_requests: int
    articles_fetched: int
    events_loaded: int
    run: FlowRun

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_incremental(
    state: WorkState,
    *,
    task_runner: str = "process",
    workers: int | None = None,
    crawl_workers: int | None = None,
) -> IncrementalReport:
    """Refresh the database of an e2e run against its unchanged mirror."""
    with serve_mirror(state.sites_root, ports=state.ports) as sites:
        if site_ports(sites) != state.ports:
            raise MirrorPortsTakenError(
                f"the mirror's sites could not listen on their previous ports {state.ports} "
                f"(got {site_ports(sites)}); free those ports and run again, otherwise every URL is new"
            )
        sources = sources_file(site_urls(sites), state.db.parent / "sources.toml")
        run = run_refresh(
            sources, state.db, task_runner=task_runner, workers=workers, crawl_workers=crawl_workers
        )
        statuses = Counter(
            str(entry.status)
            for site in sites.values()
            for entry in site.requests
            if entry.status is not None
        )
    summary = run.summary
    return IncrementalReport(
        known_articles=state.releases,
        requests_received=sum(statuses.values()),
        requests_by_status=dict(sorted(statuses.items())),
        crawl_requests=sum(int(s.get("requests", 0)) for s in summary.get("sources", {}).values()),
        articles_fetched=int(summary.get("articles_fetched", 0)),
        events_loaded=int(summary.get("events_loaded", 0)),
        run=run,
    )


def format_report(report: IncrementalReport) -> str:
    statuses = ", ".join(f"{status}: {count}" for status, count in report.requests_by_status.items())
    return "\n".join(
        [
            f"incremental refresh over {report.known_articles} known articles: "
            f"{report.requests_received} requests received by the sites ({statuses}), "
            f"{report.crawl_requests} counted by the crawler, {report.articles_fetched} articles fetched, "
            f"{report.events_loaded} events loaded",
            *format_run("incremental refresh", report.run, report.known_articles),
        ]
    )
