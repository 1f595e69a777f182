"""insert_rows: many rows in one statement, every value stored as it would be by a parameter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from flows.store import ExtractionInput, load_extractions, open_db
from flows.store_bulk import UnstorableValueError, insert_rows
from tests.store_factories import RELEASE_FLOOD, RELEASE_LAMPANG, flood_record, lampang_record, page

BANGKOK = timezone(timedelta(hours=7))


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("sql_type", "values"),
    [
        ("VARCHAR", ["นางธนาภรณ์ พรมสุวรรณ", None, "ผู้ว่าราชการจังหวัดน่าน", ""]),
        ("VARCHAR", [None] * 3000 + ["ณ โรงแรมริมน่าน"]),
        ("VARCHAR", ["", None, ""]),
        ("VARCHAR", ["ก\x00ข", None]),  # contains the separator: travels as a list parameter
        ("VARCHAR", ["\x01", "x"]),  # is the NULL mark: travels as a list parameter
        ("BIGINT", [600, 2**40, -1, -(2**63)]),
        ("BIGINT", [600, None, 2**53, -(2**53)]),  # NULLs: through float64, exact up to 2**53
        ("BIGINT", [2**53 + 1, None]),  # beyond that: Python objects
        ("HUGEINT", [2**70, 1]),
        ("INTEGER", [None, None]),  # a column of NULLs takes the table's type
        ("DOUBLE", [0.85, None, 1.0, float("inf"), 1e-05, -0.0, 1.7976931348623157e308]),
        ("BOOLEAN", [True, False]),
        ("BOOLEAN", [True, None, False]),
        ("BLOB", [b"\x00\x01\xff", None]),
        ("DATE", [date(2019, 10, 28), None, date(1900, 1, 1), date(9999, 12, 31)]),
        ("TIMESTAMP", [datetime(2019, 10, 28, 10, 30, 0, 123456), None]),
        ("TIMESTAMP", [datetime(2019, 10, 28, 10, 30), datetime(1, 1, 1)]),
        ("TIMESTAMPTZ", [datetime(2019, 10, 28, 10, 30, tzinfo=BANGKOK), None]),
    ],
)
def test_values_come_back_as_given(con, sql_type: str, values: list) -> None:
    assert [v for (v,) in stored_in_bulk_and_one_by_one(con, sql_type, values)] == values


@pytest.mark.parametrize(
    ("sql_type", "values"),
    [
        ("VARCHAR", [date(2019, 10, 28), None]),  # the date's text, not a timestamp's
        ("TIMESTAMPTZ", [datetime(2019, 10, 28, 10, 30, tzinfo=BANGKOK), datetime(2019, 10, 28, 3, 30)]),
        ("DOUBLE", [1, 2.5]),  # mixed types: a list parameter
    ],
)
def test_converted_values_are_converted_as_a_parameter_would_be(con, sql_type: str, values: list) -> None:
    stored_in_bulk_and_one_by_one(con, sql_type, values)


def stored_in_bulk_and_one_by_one(con: duckdb.DuckDBPyConnection, sql_type: str, values: list) -> list[tuple]:
    con.execute(f"CREATE TABLE bulk (n INTEGER, v {sql_type})")
    con.execute(f"CREATE TABLE one_by_one (n INTEGER, v {sql_type})")
    insert_rows(con, "INSERT INTO bulk", [[number, value] for number, value in enumerate(values)])
    for number, value in enumerate(values):
        con.execute("INSERT INTO one_by_one VALUES (?, ?)", [number, value])
    stored = con.execute("SELECT v FROM bulk ORDER BY n").fetchall()
    assert stored == con.execute("SELECT v FROM one_by_one ORDER BY n").fetchall()
    return stored


def test_nan_stays_a_number(con) -> None:
    con.execute("CREATE TABLE t (n INTEGER, v DOUBLE)")
    insert_rows(con, "INSERT INTO t", [[1, float("nan")], [2, None]])
    assert con.execute("SELECT isnan(v) FROM t ORDER BY n").fetchall() == [(True,), (None,)]


def test_aware_timestamps_keep_their_instant(con) -> None:
    con.execute("SET TimeZone = 'UTC'")
    con.execute("CREATE TABLE t (seen_at TIMESTAMPTZ)")
    insert_rows(con, "INSERT INTO t", [[datetime(2019, 10, 28, 10, 30, tzinfo=BANGKOK)]])
    assert con.execute("SELECT seen_at FROM t").fetchone()[0] == datetime(2019, 10, 28, 3, 30, tzinfo=UTC)


def test_on_conflict_clause_upserts(con) -> None:
    con.execute("CREATE TABLE t (url VARCHAR PRIMARY KEY, status INTEGER)")
    insert_rows(con, "INSERT INTO t", [["https://a.example/1", 200], ["https://a.example/2", 404]])
    insert_rows(
        con,
        "INSERT INTO t",
        [["https://a.example/2", 200]],
        on_conflict="ON CONFLICT (url) DO UPDATE SET status = excluded.status",
    )
    assert con.execute("SELECT * FROM t ORDER BY url").fetchall() == [
        ("https://a.example/1", 200),
        ("https://a.example/2", 200),
    ]


def test_a_lone_surrogate_is_refused_and_the_database_stays_usable(con) -> None:
    con.execute("CREATE TABLE t (n INTEGER, title VARCHAR)")
    with pytest.raises(UnstorableValueError, match=r"INSERT INTO t: column 2 .*lone surrogate.*'ข่าว\\ud800"):
        insert_rows(con, "INSERT INTO t", [[1, "ประชุม"], [2, "ข่าว\ud800สาร"]])
    insert_rows(con, "INSERT INTO t", [[3, "ประชุม"]])
    assert con.execute("SELECT * FROM t").fetchall() == [(3, "ประชุม")]


def test_a_page_with_a_lone_surrogate_fails_alone(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.duckdb")
    items = [
        ExtractionInput(
            page("https://lampang.example/archives/101"), RELEASE_LAMPANG, None, None, lampang_record()
        ),
        # The loader already refuses it when hashing the text; insert_rows' own guard is tested above.
        ExtractionInput(
            page("https://nan.example/archives/7", "sdo_nan"),
            RELEASE_FLOOD + "\nน้ำ\udc80ท่วม",
            None,
            None,
            flood_record(),
        ),
    ]
    outcomes = load_extractions(db, items, run_id="run")
    assert [o.action for o in outcomes] == ["new_event", "error"]
    assert "surrogate" in (outcomes[1].error or "")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    [later] = load_extractions(db, [replace(items[1], text=RELEASE_FLOOD)], run_id="run")
    assert later.action == "new_event"
