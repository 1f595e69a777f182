"""Dataset export: events, mentions and officials as Parquet (partitioned by year), CSV or JSONL.

Every file is written by DuckDB from a fixed query with a total ORDER BY on one thread, and nothing
in it depends on the wall clock, so exporting the same database twice gives byte-identical files.
The manifest's time is the database's last refresh. PDPA: names (and person ids) of people
named without any position (is_public_official = false) are withheld unless include_private_names.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

import duckdb
from pydantic import BaseModel

from flows.store_migrations import current_version
from schemas.export_schema import (
    ExportedEvent,
    ExportedMention,
    ExportedOfficialActivity,
    render_event_schema,
)

ExportFormat = Literal["parquet", "csv", "jsonl"]
UTF8_BOM = b"\xef\xbb\xbf"
EXPORT_VERSION = 1


class ExportPathError(ValueError):
    """An output name would escape the export directory."""


@dataclass(frozen=True)
class ExportTable:
    name: str
    title: str
    model: type[BaseModel]
    query: str  # uses $private (include private names); no ORDER BY: see order_by
    order_by: str
    nested_columns: tuple[str, ...] = ()  # lists/objects: JSON text in CSV
    timestamp_columns: tuple[str, ...] = ()  # ISO 8601 UTC text in CSV and JSONL
    partitioned: bool = False


_EVENTS_QUERY = """
WITH mention_agg AS (
    SELECT m.event_id,
           count(*) AS mention_count,
           list_sort(list_distinct(list(a.source_id))) AS source_ids,
           max(CASE WHEN m.is_primary THEN a.canonical_url END) AS primary_url
    FROM event_mentions AS m JOIN articles AS a USING (article_id)
    GROUP BY m.event_id
), person_mentions AS (
    SELECT eo.*, m.is_primary
    FROM event_officials AS eo JOIN event_mentions AS m USING (article_id)
    QUALIFY row_number() OVER (
        PARTITION BY eo.event_id, eo.official_id ORDER BY m.is_primary DESC, eo.article_id, eo.seq) = 1
), official_agg AS (
    SELECT event_id,
           list({
               'official_id': CASE WHEN is_public_official OR $private THEN official_id END,
               'name': CASE WHEN is_public_official OR $private THEN name END,
               'honorific': honorific,
               'position': position,
               'organisation': organisation,
               'role': role,
               'is_public_official': is_public_official,
               'span': CASE WHEN span_start IS NOT NULL THEN [span_start, span_end] END,
               'article_id': article_id
           } ORDER BY is_primary DESC, article_id, seq) AS officials
    FROM person_mentions
    GROUP BY event_id
)
SELECT e.event_id,
       year(coalesce(e.event_date, e.published_date)) AS year,
       e.event_date, e.event_start, e.event_end, e.event_time, e.venue, e.venue_core,
       e.province, e.province_code, e.attendee_count, e.attendee_qualifier, e.programme_name,
       e.organizer, e.event_type, e.published_date, e.title, e.fiscal_year, e.evidence,
       e.extractor_version,
       coalesce(oa.officials, []) AS officials,
       e.venue_id, e.programme_id, e.primary_article_id, ma.primary_url,
       coalesce(ma.mention_count, 0) AS mention_count,
       coalesce(ma.source_ids, []) AS source_ids,
       e.first_seen, e.last_seen
FROM events AS e
LEFT JOIN mention_agg AS ma USING (event_id)
LEFT JOIN official_agg AS oa USING (event_id)
"""

_MENTIONS_QUERY = """
SELECT m.event_id, m.article_id, m.is_primary, m.similarity, a.source_id, a.url, a.canonical_url,
       a.title, a.published_date, a.fetched_at, a.extractor_version
FROM event_mentions AS m JOIN articles AS a USING (article_id)
"""

_OFFICIALS_QUERY = """
SELECT o.official_id, o.name, o.honorific, o.position, o.organisation, o.is_public_official,
       count(DISTINCT eo.event_id) AS event_count,
       list_sort(list_distinct(list(eo.role))) AS roles,
       min(e.event_date) AS first_date,
       max(e.event_date) AS last_date
FROM officials AS o
JOIN event_officials AS eo USING (official_id)
JOIN events AS e USING (event_id)
WHERE o.is_public_official OR $private
GROUP BY ALL
"""

EXPORT_TABLES = (
    ExportTable(
        "events",
        "Events (one row per event)",
        ExportedEvent,
        _EVENTS_QUERY,
        "event_date NULLS LAST, event_id",
        nested_columns=("evidence", "officials", "source_ids"),
        timestamp_columns=("first_seen", "last_seen"),
        partitioned=True,
    ),
    ExportTable(
        "mentions",
        "Mentions (one row per article reporting an event)",
        ExportedMention,
        _MENTIONS_QUERY,
        "event_id, is_primary DESC, article_id",
        timestamp_columns=("fetched_at",),
    ),
    ExportTable(
        "officials",
        "Officials (one row per person)",
        ExportedOfficialActivity,
        _OFFICIALS_QUERY,
        "official_id",
        nested_columns=("roles",),
    ),
)

_COPY_OPTIONS = {
    "parquet": "(FORMAT parquet, COMPRESSION zstd)",
    "csv": "(FORMAT csv, HEADER true)",
    "jsonl": "(FORMAT json)",
}
_PARTITIONED_PARQUET_OPTIONS = "(FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year))"
_SUFFIX = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}


def safe_output_path(out_dir: Path, name: str) -> Path:
    """out_dir / name, refusing absolute names, `..`, backslashes and symlinks leading outside."""
    relative = PurePosixPath(name)
    if not name or "\\" in name or relative.is_absolute() or ".." in relative.parts:
        raise ExportPathError(f"export name {name!r} must be a relative path inside the export directory")
    root = out_dir.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or path == root:
        raise ExportPathError(f"export name {name!r} resolves to {path}, outside {root}")
    return path


def _private_param(query: str, private: bool) -> dict[str, bool]:
    """DuckDB rejects unused named parameters, so $private is passed only to queries that use it."""
    return {"private": private} if "$private" in query else {}


def _projection(table: ExportTable, fmt: ExportFormat) -> str:
    """Parquet keeps native types; text formats get ISO timestamps and (CSV) JSON for nested values."""
    replacements = []
    if fmt != "parquet":
        replacements += [f"strftime({c}, '%Y-%m-%dT%H:%M:%SZ') AS {c}" for c in table.timestamp_columns]
    if fmt == "csv":
        replacements += [f"CAST(to_json({c}) AS VARCHAR) AS {c}" for c in table.nested_columns]
    return f"* REPLACE ({', '.join(replacements)})" if replacements else "*"


def _table_query(table: ExportTable, fmt: ExportFormat) -> str:
    return f"SELECT {_projection(table, fmt)} FROM ({table.query}) ORDER BY {table.order_by}"


def _output_name(table: ExportTable, fmt: ExportFormat) -> str:
    if fmt == "parquet" and table.partitioned:
        return table.name
    return table.name + _SUFFIX[fmt]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _prepend_bom(path: Path) -> None:
    staged = path.with_name(path.name + ".tmp")
    staged.unlink(missing_ok=True)  # never write through a leftover or planted symlink
    with path.open("rb") as source, staged.open("xb") as target:
        target.write(UTF8_BOM)
        shutil.copyfileobj(source, target)
    staged.replace(path)


def _write_table(
    con: duckdb.DuckDBPyConnection, table: ExportTable, fmt: ExportFormat, out_dir: Path, private: bool
) -> list[Path]:
    target = safe_output_path(out_dir, _output_name(table, fmt))
    _remove(target)
    options = _PARTITIONED_PARQUET_OPTIONS if fmt == "parquet" and table.partitioned else _COPY_OPTIONS[fmt]
    con.execute(
        f"COPY ({_table_query(table, fmt)}) TO $path {options}",
        {**_private_param(table.query, private), "path": str(target)},
    )
    if fmt == "csv":
        _prepend_bom(target)
    if target.is_dir():
        return sorted(path for path in target.rglob("*") if path.is_file())
    return [target]


def _column_types(con: duckdb.DuckDBPyConnection, table: ExportTable, fmt: ExportFormat) -> dict[str, str]:
    rows = con.execute(f"DESCRIBE {_table_query(table, fmt)}", _private_param(table.query, False)).fetchall()
    return {row[0]: row[1] for row in rows}


def data_dictionary(con: duckdb.DuckDBPyConnection, fmt: ExportFormat) -> str:
    """DATA_DICTIONARY.md: every exported column with its type in this format and its meaning."""
    lines = [
        "# Khaosan dataset: data dictionary",
        "",
        f"Format: {fmt}. Text is UTF-8 (CSV files start with a byte-order mark so spreadsheet programs",
        "read Thai correctly). Dates are ISO 8601 (YYYY-MM-DD); timestamps are UTC. Evidence spans are",
        "[start, end) character offsets into the normalised article text stored in the database.",
        "Names of people named without a position are withheld (null) unless the export was made",
        "with include_private_names (PDPA).",
    ]
    if fmt == "csv":
        lines.append(
            "In CSV, list and object columns (officials, evidence, source_ids, roles) hold JSON text."
        )
    if fmt == "parquet":
        lines.append(
            "events is partitioned as events/year=YYYY/*.parquet (year=NULL for undated events); read it "
            "with hive partitioning to get the year column back."
        )
    for table in EXPORT_TABLES:
        types = _column_types(con, table, fmt)
        lines += ["", f"## {table.name}: {table.title}", "", (table.model.__doc__ or "").strip(), ""]
        lines += [
            f"File: `{_output_name(table, fmt)}`",
            "",
            "| column | type | description |",
            "|---|---|---|",
        ]
        for name, info in table.model.model_fields.items():
            if not info.description:
                raise ValueError(f"exported column {table.name}.{name} has no description")
            lines.append(f"| {name} | {types[name]} | {info.description} |")
    return "\n".join(lines) + "\n"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _manifest_facts(con: duckdb.DuckDBPyConnection) -> dict:
    last_refresh = con.execute("SELECT max(finished_at) FROM extraction_runs").fetchone()[0]
    versions = con.execute("SELECT extractor_version, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
    sources = con.execute(
        """
        SELECT a.source_id, s.family, s.base_url, count(*) AS mentions
        FROM event_mentions AS m
        JOIN articles AS a USING (article_id)
        LEFT JOIN sources AS s ON s.source_id = a.source_id
        GROUP BY ALL ORDER BY a.source_id
        """
    ).fetchall()
    return {
        "data_as_of": last_refresh.isoformat() + "Z" if last_refresh else None,
        "schema_version": current_version(con),
        "extractor_versions": dict(versions),
        "sources": [
            {"source_id": sid, "family": family, "base_url": base_url, "mentions": mentions}
            for sid, family, base_url, mentions in sources
        ],
    }


def _file_entry(out_dir: Path, path: Path) -> dict:
    return {
        "path": path.relative_to(out_dir.resolve()).as_posix(),
        "bytes": path.stat().st_size,
        "sha256": _sha256(path),
    }


def export_dataset(
    con: duckdb.DuckDBPyConnection,
    fmt: ExportFormat,
    out_dir: Path,
    *,
    include_private_names: bool = False,
) -> dict:
    """Write the dataset in one format plus event.schema.json, DATA_DICTIONARY.md, manifest.json."""
    if fmt not in _COPY_OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(_COPY_OPTIONS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    threads = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    # One thread: DuckDB writes rows in ORDER BY order and files with the same names every time.
    con.execute("SET threads = 1")
    try:
        tables = {}
        for table in EXPORT_TABLES:
            files = _write_table(con, table, fmt, root, include_private_names)
            rows = con.execute(
                f"SELECT count(*) FROM ({table.query})", _private_param(table.query, include_private_names)
            )
            tables[table.name] = {
                "rows": rows.fetchone()[0],
                "files": [_file_entry(root, path) for path in files],
            }
        documents = {
            "event.schema.json": render_event_schema(),
            "DATA_DICTIONARY.md": data_dictionary(con, fmt),
        }
    finally:
        con.execute(f"SET threads = {threads}")
    for name, text in documents.items():
        safe_output_path(root, name).write_text(text, encoding="utf-8")
    manifest = {
        "dataset": "khaosan-events",
        "export_version": EXPORT_VERSION,
        "format": fmt,
        "include_private_names": include_private_names,
        **_manifest_facts(con),
        "tables": tables,
        "documents": [_file_entry(root, safe_output_path(root, name)) for name in documents],
    }
    safe_output_path(root, "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return manifest
