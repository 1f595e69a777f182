"""Dataset export: round trip, byte-identical re-export, BOM, PDPA, safe paths, schema up to date."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from flows.export import UTF8_BOM, ExportPathError, export_dataset, safe_output_path
from flows.store import finish_extraction_run, load_extraction, open_db, start_extraction_run
from schemas.export_schema import SCHEMA_PATH, ExportedEvent, event_json_schema
from schemas.models import EventRecord
from tests.store_factories import (
    RELEASE_FLOOD,
    RELEASE_LAMPANG,
    RELEASE_LAMPANG_REPOST,
    RELEASE_TRAINING,
    flood_record,
    lampang_record,
    page,
    training_record,
)

PRIVATE_NAME = "บุญมี ใจกล้า"


@pytest.fixture
def con(tmp_path: Path):
    connection = open_db(tmp_path / "khaosan.duckdb")
    run_id = start_extraction_run(connection, "0.1.0+test", "test")
    loads = [
        ("https://lampang.example/archives/101", "sdo_lampang", RELEASE_LAMPANG, lampang_record()),
        ("https://prd.example/news/9", "prd_lampang", RELEASE_LAMPANG_REPOST, lampang_record("repost")),
        ("https://nan.example/archives/7", "sdo_nan", RELEASE_FLOOD, flood_record()),
        ("https://dep.example/th/news/detail/3", "dep", RELEASE_TRAINING, training_record()),
        (
            "https://dep.example/th/news/detail/4",
            "dep",
            "ประกาศรับสมัครงาน " * 20,
            EventRecord(doc_id="notice", extractor_version="0.1.0+test"),
        ),
    ]
    for url, source, text, record in loads:
        outcome = load_extraction(
            connection,
            page(url, source, content=text),
            text=text,
            title=None,
            published=None,
            record=record,
            run_id=run_id,
        )
        assert outcome.action != "error", outcome.error
    finish_extraction_run(connection, run_id, {"pages": len(loads)})
    yield connection
    connection.close()


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_is_byte_identical_twice(con, tmp_path: Path, fmt: str) -> None:
    first = export_dataset(con, fmt, tmp_path / "a")
    second = export_dataset(con, fmt, tmp_path / "b")
    assert first == second
    files_a = _files(tmp_path / "a")
    assert files_a == _files(tmp_path / "b")
    export_dataset(con, fmt, tmp_path / "a")  # re-export over an existing export
    assert _files(tmp_path / "a") == files_a
    assert {"manifest.json", "DATA_DICTIONARY.md", "event.schema.json"} <= set(files_a)


def test_parquet_round_trip_matches_the_tables(con, tmp_path: Path) -> None:
    manifest = export_dataset(con, "parquet", tmp_path / "out")
    events_glob = str(tmp_path / "out" / "events" / "*" / "*.parquet")
    exported = con.execute(
        "SELECT event_id, year, event_date, province_code, attendee_count, mention_count, len(officials)"
        " FROM read_parquet(?, hive_partitioning = true) ORDER BY event_id",
        [events_glob],
    ).fetchall()
    expected = con.execute(
        "SELECT event_id, year(event_date), event_date, province_code, attendee_count, mention_count,"
        " official_count + private_person_count FROM v_events ORDER BY event_id"
    ).fetchall()
    assert exported == expected
    assert sorted({path.parent.name for path in (tmp_path / "out" / "events").rglob("*.parquet")}) == [
        "year=2023",
        "year=2024",
    ]
    mentions = con.execute(
        "SELECT event_id, article_id, is_primary FROM read_parquet(?) ORDER BY ALL",
        [str(tmp_path / "out" / "mentions.parquet")],
    ).fetchall()
    assert (
        mentions
        == con.execute("SELECT event_id, article_id, is_primary FROM event_mentions ORDER BY ALL").fetchall()
    )
    assert manifest["tables"]["events"]["rows"] == 3
    assert manifest["tables"]["mentions"]["rows"] == 4
    assert [s["source_id"] for s in manifest["sources"]] == ["dep", "prd_lampang", "sdo_lampang", "sdo_nan"]
    assert manifest["extractor_versions"] == {"0.1.0+test": 3}


def test_csv_has_bom_and_reads_back(con, tmp_path: Path) -> None:
    export_dataset(con, "csv", tmp_path / "out")
    raw = (tmp_path / "out" / "events.csv").read_bytes()
    assert raw.startswith(UTF8_BOM)
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    lampang = next(row for row in rows if row["province_code"] == "TH-52")
    assert lampang["mention_count"] == "2"
    assert json.loads(lampang["source_ids"]) == ["prd_lampang", "sdo_lampang"]
    assert json.loads(lampang["officials"])[0]["name"] == "วีระพงษ์ ศรีสุขสันต์"
    assert lampang["first_seen"] == "2024-03-05T08:00:00Z"


def test_jsonl_rows_match_the_committed_schema(con, tmp_path: Path) -> None:
    export_dataset(con, "jsonl", tmp_path / "out")
    lines = (tmp_path / "out" / "events.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        row = json.loads(line)
        assert list(row) == list(ExportedEvent.model_fields)
        ExportedEvent.model_validate(row)
    assert json.loads(SCHEMA_PATH.read_text("utf-8")) == event_json_schema(), (
        "schemas/event.schema.json is stale: run `uv run python -m schemas.export_schema`"
    )
    assert json.loads((tmp_path / "out" / "event.schema.json").read_text("utf-8")) == event_json_schema()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_private_names_are_withheld_unless_asked(con, tmp_path: Path, fmt: str) -> None:
    export_dataset(con, fmt, tmp_path / "public")
    assert all(PRIVATE_NAME.encode() not in data for data in _files(tmp_path / "public").values())
    manifest = export_dataset(con, fmt, tmp_path / "full", include_private_names=True)
    assert manifest["include_private_names"] is True
    if fmt != "parquet":  # compressed Parquet hides the bytes; checked through DuckDB below
        assert any(PRIVATE_NAME.encode() in data for data in _files(tmp_path / "full").values())


def test_private_person_row_keeps_role_without_name(con, tmp_path: Path) -> None:
    export_dataset(con, "parquet", tmp_path / "out")
    officials = con.execute(
        "SELECT officials FROM read_parquet(?, hive_partitioning = true) WHERE province_code = 'TH-55'",
        [str(tmp_path / "out" / "events" / "*" / "*.parquet")],
    ).fetchone()[0]
    private = [o for o in officials if not o["is_public_official"]]
    assert len(private) == 1 and private[0]["name"] is None and private[0]["official_id"] is None
    assert private[0]["role"] == "quoted"


def test_data_dictionary_describes_every_exported_column(con, tmp_path: Path) -> None:
    export_dataset(con, "parquet", tmp_path / "out")
    dictionary = (tmp_path / "out" / "DATA_DICTIONARY.md").read_text("utf-8")
    for name in ("events", "mentions", "officials"):
        path = tmp_path / "out" / name
        source = str(path / "*" / "*.parquet") if path.is_dir() else str(path.with_suffix(".parquet"))
        query = con.execute("SELECT * FROM read_parquet(?, hive_partitioning = true) LIMIT 0", [source])
        columns = [column[0] for column in query.description]
        section = dictionary.split(f"## {name}:")[1].split("\n## ")[0]
        for column in columns:
            assert f"| {column} |" in section, f"{name}.{column} missing from DATA_DICTIONARY.md"


@pytest.mark.parametrize("name", ["../escape.csv", "/etc/passwd", "events/../../x", "a\\..\\b", "", "."])
def test_export_paths_cannot_escape(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportPathError):
        safe_output_path(tmp_path, name)


def test_symlink_out_of_the_export_directory_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "export"
    root.mkdir()
    (root / "events.csv").symlink_to(outside / "events.csv")
    with pytest.raises(ExportPathError):
        safe_output_path(root, "events.csv")
    assert safe_output_path(root, "events/year=2024") == (root / "events" / "year=2024").resolve()


def test_unknown_format_is_refused(con, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_dataset(con, "xlsx", tmp_path)  # type: ignore[arg-type]
