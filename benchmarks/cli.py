"""``python -m benchmarks NAME …`` and ``khaosan bench NAME …``: figures printed, never asserted.

Every command prints the machine it ran on first.  NAME is one of:

* ``machine``     the machine only;
* ``extraction``  docs/s and ms/doc of our text and HTML extraction, trafilatura alone and ThaiNER
                  on the same documents, with the ratios and peak RSS;
* ``coverage``    every release through the extraction in worker processes: errors, docs/s, share
                  of events, field coverage among meeting releases, event_type distribution;
* ``profile``     cProfile of the text pipeline, top functions by cumulative time;
* ``e2e``         the corpus served as local sites, crawled, extracted and loaded by the real refresh
                  flow: wall time, docs/s, peak RSS of the process tree, per-stage times;
* ``incremental`` the same mirror refreshed again with nothing new: requests and seconds;
* ``queries``     analyst queries (province x month, one official, full-text search) in ms.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_CORPUS, read_releases
from benchmarks.machine import machine_info
from benchmarks.pipeline_e2e import PIPELINE_COMMANDS, add_pipeline_commands, run_pipeline_command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khaosan bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="name", required=True, metavar="NAME")
    commands.add_parser("machine", help="print the machine, Python and core package versions")

    def add(name: str, help_text: str, limit: int | None) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument(
            "--corpus", type=Path, default=DEFAULT_CORPUS, help="thaigov.jsonl(.gz) (default: %(default)s)"
        )
        sub.add_argument(
            "--limit", type=int, default=limit, help="first N releases only (default: %(default)s)"
        )
        sub.add_argument("--report", type=Path, help="also write the figures as JSON to this file")
        return sub

    extraction = add("extraction", "speed of text/HTML extraction vs trafilatura and ThaiNER", 2000)
    extraction.add_argument(
        "--warmup", type=int, default=50, help="untimed documents per method first (default: %(default)s)"
    )
    coverage = add("coverage", "all releases through the extraction: robustness and field coverage", None)
    coverage.add_argument(
        "--html",
        action="store_true",
        help="feed generic-layout HTML pages built around the texts (trafilatura path)",
    )
    coverage.add_argument("--workers", type=int, default=2, help="worker processes (default: %(default)s)")
    coverage.add_argument("--progress", type=int, default=5000, help="print progress every N docs; 0: never")
    profile = add("profile", "cProfile of the text pipeline over N releases", 500)
    profile.add_argument("--top", type=int, default=25, help="functions to print (default: %(default)s)")
    profile.add_argument("--sort", choices=("cumulative", "tottime"), default="cumulative")
    add_pipeline_commands(commands, DEFAULT_CORPUS)
    return parser


def _write_report(path: Path | None, name: str, figures: dict[str, Any]) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    report = {"benchmark": name, "machine": asdict(machine_info()), **figures}
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"report written to {path}")


def main(argv: list[str]) -> int:
    """Run one benchmark; 0 on success, 2 on a usage error or a missing corpus, 1 on crashes."""
    args = _parser().parse_args(argv)
    print(machine_info(), flush=True)
    if args.name == "machine":
        return 0
    if args.name in PIPELINE_COMMANDS:
        return run_pipeline_command(args)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (pass --corpus PATH to thaigov.jsonl.gz)", file=sys.stderr)
        return 2
    print(f"corpus:   {args.corpus} (limit {args.limit or 'none'})", flush=True)

    if args.name == "extraction":
        from benchmarks.extraction import format_report, run_extraction

        report = run_extraction(list(read_releases(args.corpus, args.limit)), warmup=args.warmup)
        print(format_report(report))
        _write_report(args.report, args.name, report.as_dict())
        return 0
    if args.name == "coverage":
        from benchmarks.coverage import format_report, run_coverage

        report = run_coverage(
            read_releases(args.corpus, args.limit),
            html=args.html,
            workers=args.workers,
            progress_every=args.progress,
        )
        print(format_report(report))
        _write_report(args.report, args.name, report.as_dict())
        return 1 if report.crashes else 0
    from benchmarks.hotspots import profile_text_pipeline

    text = profile_text_pipeline(list(read_releases(args.corpus, args.limit)), top=args.top, sort=args.sort)
    print(text)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    return 0
