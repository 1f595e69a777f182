"""Many rows into a DuckDB table with one statement, without converting values one by one.

executemany runs a statement per row (about 5 ms each). Passing each column as one list parameter
is one statement, but DuckDB's Python client converts a list parameter value by value, probing
twice per value whether pandas is loaded (a failed import when pandas is not installed): ~8.5 µs a
value, about 40 s of the 4.6 million values a 63k-release load writes. So a column whose values
are all of one plain type travels as ONE string, its values written as text and separated by NUL
(NULL is a lone \\x01), which SQL splits and casts back: a short value costs ~2 µs, and a load
batch 0.9 instead of 1.6 ms per page. Anything else (mixed types, a string containing NUL or
\\x01) still travels as a list parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

_SEPARATOR = "\x00"
_NULL = "\x01"
_SPLIT = "list_transform(string_split(${n}, chr(0)), s -> nullif(s, chr(1)))"
_SPLIT_NO_NULLS = "string_split(${n}, chr(0))"
_INT64 = range(-(2**63), 2**63)
_INT128 = range(-(2**127), 2**127)


class UnstorableValueError(ValueError):
    """A value DuckDB cannot store (a string with a lone surrogate, which is not valid Unicode)."""


def insert_rows(
    con: duckdb.DuckDBPyConnection, insert: str, rows: Sequence[Sequence[Any]], on_conflict: str = ""
) -> None:
    """`insert` (e.g. "INSERT OR IGNORE INTO pages") for many rows in ONE statement.

    Values are stored as a parameter would store them; None is NULL. A column is fastest when its
    values share one Python type (the row builders coerce them).
    """
    if not rows:
        return
    select, params = rows_select(rows)
    try:
        con.execute(f"{insert} {select} {on_conflict}", params)
    except (RuntimeError, duckdb.Error):
        _refuse_lone_surrogates(insert, rows)
        raise


def rows_select(rows: Sequence[Sequence[Any]]) -> tuple[str, list[Any]]:
    """A SELECT that yields `rows` (one or more), and its parameters: insert_rows' statement without
    the INSERT, for statements that transform the rows on the way in."""
    params: list[Any] = []
    selects: list[str] = []
    for values in zip(*rows, strict=True):
        param, select = _column(values)
        params.append(param)
        selects.append(select.replace("${n}", f"${len(params)}"))
    return f"SELECT {', '.join(selects)}", params


def _column(values: Sequence[Any]) -> tuple[Any, str]:
    """The parameter that carries a column, and the SQL expression (for parameter ${n}) that unnests
    it into typed values."""
    kinds = {type(value) for value in values} - {type(None)}
    form = _AS_TEXT.get(kinds.pop() if kinds else str) if len(kinds) <= 1 else None
    sql_type = form.sql_type(values) if form else None
    joined = _join(values, form.text) if form and sql_type else None
    if form is None or sql_type is None or joined is None:
        return list(values), "unnest(${n})"
    has_null = any(value is None for value in values)
    return joined, f"unnest({form.cast(_SPLIT if has_null else _SPLIT_NO_NULLS, sql_type)})"


def _join(values: Sequence[Any], text: Callable[[Any], str]) -> str | None:
    """The values as one string, None if a value's text contains the separator or the NULL mark."""
    joined = _SEPARATOR.join(_NULL if value is None else text(value) for value in values)
    nulls = sum(value is None for value in values)
    if joined.count(_SEPARATOR) != len(values) - 1 or joined.count(_NULL) != nulls:
        return None
    return joined


class _TextForm:
    """How values of one Python type are written as text, and read back by SQL."""

    def __init__(
        self,
        text: Callable[[Any], str],
        sql_type: str | Callable[[Sequence[Any]], str | None],
        cast: str = "CAST({list} AS {type}[])",
    ) -> None:
        self.text = text
        self._sql_type = sql_type
        self._cast = cast

    def sql_type(self, values: Sequence[Any]) -> str | None:
        """The SQL type for these values, None if text cannot carry them."""
        return self._sql_type(values) if callable(self._sql_type) else self._sql_type

    def cast(self, split_list: str, sql_type: str) -> str:
        return self._cast.format(list=split_list, type=sql_type)


def _integer_type(values: Sequence[Any]) -> str | None:
    present = [value for value in values if value is not None]
    if all(value in _INT64 for value in present):
        return "BIGINT"
    return "HUGEINT" if all(value in _INT128 for value in present) else None


def _datetime_type(values: Sequence[Any]) -> str | None:
    zones = {value.tzinfo is None for value in values if value is not None}
    return {frozenset({True}): "TIMESTAMP", frozenset({False}): "TIMESTAMPTZ"}.get(frozenset(zones))


_AS_TEXT: dict[type, _TextForm] = {
    str: _TextForm(str, "VARCHAR", "{list}"),
    int: _TextForm(str, _integer_type),
    float: _TextForm(repr, "DOUBLE"),  # repr round-trips exactly, inf and nan included
    bool: _TextForm(lambda value: "true" if value else "false", "BOOLEAN"),
    date: _TextForm(date.isoformat, "DATE"),
    datetime: _TextForm(datetime.isoformat, _datetime_type),  # aware ones keep their offset
    bytes: _TextForm(bytes.hex, "BLOB", "list_transform({list}, h -> from_hex(h))"),
}


def _refuse_lone_surrogates(insert: str, rows: Sequence[Sequence[Any]]) -> None:
    """DuckDB's client refuses a string with a lone surrogate with an obscure error: name it."""
    for row in rows:
        for number, value in enumerate(row, start=1):
            if isinstance(value, str) and not _encodable(value):
                raise UnstorableValueError(
                    f"{insert}: column {number} has a string with a lone surrogate (not valid "
                    f"Unicode), {value[:60]!r}; the source that produced it must decode its input properly"
                )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
