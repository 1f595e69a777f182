"""Offline extraction of a JSONL file: the `khaosan extract` contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.pipeline import extract_record


@dataclass
class ExtractStats:
    lines: int = 0
    extracted: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def _input_items(path: Path, stats: ExtractStats) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, parsed line); a bad or blank line becomes an error item so that output line N
    always answers input line N."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            stats.lines += 1
            try:
                if not line.strip():
                    raise ValueError("blank line")
                item = json.loads(line)
                if not isinstance(item, dict) or "doc_id" not in item:
                    raise ValueError("expected a JSON object with a 'doc_id' key")
            except ValueError as exc:
                message = f"{path}:{number}: invalid input line ({exc}); fix or remove the line"
                stats.errors.append(message)
                yield number, {"doc_id": None, "_error": message}
                continue
            yield number, item


def extract_jsonl(input_path: Path, output_path: Path) -> ExtractStats:
    """One output line per input line, same order; failures are recorded, never raised."""
    stats = ExtractStats()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w", encoding="utf-8") as out:
        for number, item in _input_items(input_path, stats):
            if "_error" in item:
                out.write(json.dumps({"doc_id": None, "error": item["_error"]}, ensure_ascii=False) + "\n")
                continue
            record = extract_record(item)
            stats.extracted += 1
            stats.events += record.is_event
            if record.error:
                stats.errors.append(f"{input_path}:{number}: {record.error}")
            out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
    return stats
