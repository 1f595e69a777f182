"""The `khaosan` command line: every subcommand wires I/O around pure extract/ and crawlers/ code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    name="khaosan",
    help="Thai government press releases -> an analyst-ready event database.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """Thai government press releases -> an analyst-ready event database."""


@app.command()
def extract(
    input: Annotated[Path, typer.Option("--input", "-i", help="JSONL: doc_id + text or html per line")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL: one event record per line")],
) -> None:
    """Extract one event record per input line (offline; no database)."""
    from flows.extract_file import extract_jsonl

    if not input.is_file():
        console.print(f"[red]error:[/] input file {input} does not exist; pass an existing JSONL file")
        raise typer.Exit(2)
    stats = extract_jsonl(input, output)
    console.print(
        f"extracted {stats.extracted} of {stats.lines} lines, {stats.events} events, "
        f"{len(stats.errors)} errors -> {output}"
    )
    for message in stats.errors[:20]:
        console.print(f"[yellow]warning:[/] {message}")
