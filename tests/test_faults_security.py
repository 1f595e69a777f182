"""No SQL built from non-constant input: every `.execute(…)`-style call in the project code gets its
SQL either as a constant or from an f-string / concatenation whose interpolated parts are on a
reviewed allowlist of constant identifiers (table names from a fixed tuple, placeholder lists,
quoting helpers). Values always travel as parameters. A new interpolation fails this test until it
is reviewed and listed here with the reason it is safe."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = ("crawlers", "extract", "flows", "schemas", "benchmarks")
SQL_METHODS = frozenset({"execute", "executemany", "sql", "query", "from_query"})

# file -> interpolated expression (as ast.unparse writes it) -> why it cannot carry outside input
ALLOWED: dict[str, dict[str, str]] = {
    "flows/export.py": {
        "_table_query(table, fmt)": "built from the fixed EXPORT_TABLES queries and column names",
        "table.query": "a fixed query of EXPORT_TABLES",
        "options": "one of the fixed COPY option strings",
        "threads": "an int read back from DuckDB's own setting",
    },
    "flows/store.py": {
        "table": "iterates the constant COUNTED_TABLES tuple",
        "_SNAPSHOT_ALIAS": "a constant identifier",
        "_sql_string(str(temporary))": "quoted literal of a path we build; control characters refused",
        "_sql_identifier(source)": "quoted identifier of DuckDB's own current_database()",
    },
    "flows/store_crawl.py": {
        "', '.join(('?' for _ in _STAT_COLUMNS))": "placeholders, one per constant column",
        "', '.join((f'{column} = excluded.{column}' for column in _STAT_COLUMNS))": "constant columns",
    },
    "flows/store_bulk.py": {
        "insert": "insert_rows' INSERT clause: every caller (store_crawl, store_pending, search) passes a constant",
        "on_conflict": "insert_rows' ON CONFLICT clause: every caller passes a constant",
        "select": "rows_select's SELECT: unnest($n), some in CAST(… AS <constant type>); values are parameters",
    },
    "flows/search.py": {
        "select": "rows_select's SELECT: unnest($n), some in CAST(… AS <constant type>); values are parameters",
        "BM25_K1": "a float constant",
        "BM25_B": "a float constant",
    },
    "flows/store_extraction.py": {
        "', '.join((f'{column} = ?' for column in ARTICLE_COLUMNS))": "constant columns, ? values",
        "', '.join((f'{column} = ?' for column in EVENT_COLUMNS))": "constant columns, ? values",
        "query": "_BatchState._column's parameter; every caller passes a constant SELECT",
    },
    "flows/store_migrations.py": {
        "migration.path.read_text(encoding='utf-8')": "the project's own schemas/sql/NNN_*.sql files",
    },
}


def project_files() -> Iterator[Path]:
    for directory in PROJECT_DIRS:
        yield from sorted((ROOT / directory).rglob("*.py"))


def assignments(tree: ast.AST) -> dict[str, list[ast.expr]]:
    """Every value assigned to each simple name anywhere in the module (module constants, locals)."""
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found.setdefault(node.target.id, []).append(node.value)
    return found


def interpolations(
    expr: ast.expr, names: dict[str, list[ast.expr]], seen: frozenset[str] = frozenset()
) -> Iterator[str]:
    """Source text of every non-constant part that ends up inside the SQL string."""
    if isinstance(expr, ast.Constant):
        return
    if isinstance(expr, ast.JoinedStr):
        for part in expr.values:
            if isinstance(part, ast.FormattedValue):
                yield ast.unparse(part.value)
        return
    if isinstance(expr, ast.BinOp):  # "..." + x, "..." % x
        yield from interpolations(expr.left, names, seen)
        yield from interpolations(expr.right, names, seen)
        return
    if isinstance(expr, ast.Name) and expr.id in names and expr.id not in seen:
        for value in names[expr.id]:
            yield from interpolations(value, names, seen | {expr.id})
        return
    yield ast.unparse(expr)


def sql_interpolations() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in project_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = assignments(tree)
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_METHODS
                and node.args
            ):
                for text in interpolations(node.args[0], names):
                    found.setdefault(relative, set()).add(f"{text}  (line {node.lineno})")
    return found


def test_sql_is_never_built_from_unreviewed_input() -> None:
    unreviewed = {
        relative: sorted(
            entry for entry in entries if entry.split("  (line ")[0] not in ALLOWED.get(relative, {})
        )
        for relative, entries in sql_interpolations().items()
    }
    unreviewed = {relative: entries for relative, entries in unreviewed.items() if entries}
    assert unreviewed == {}, (
        "SQL built by string formatting; pass values as ? / $name parameters, or review the "
        f"expression and add it to ALLOWED with the reason it is constant: {unreviewed}"
    )


def test_every_allowed_expression_still_occurs() -> None:
    """An allowlist entry whose code is gone would silently approve whatever reuses its name."""
    found = {
        (relative, entry.split("  (line ")[0])
        for relative, entries in sql_interpolations().items()
        for entry in entries
    }
    stale = [
        (relative, text)
        for relative, texts in ALLOWED.items()
        for text in texts
        if (relative, text) not in found
    ]
    assert stale == []


def test_the_scanner_catches_formatted_sql() -> None:
    source = (
        "QUERY = f'SELECT * FROM t WHERE name = {name}'\n"
        "def f(con, name, table):\n"
        "    con.execute(f'DELETE FROM {table}')\n"
        "    con.execute('SELECT ' + name)\n"
        "    con.execute(QUERY)\n"
        "    con.execute('SELECT ?', [name])\n"
    )
    tree = ast.parse(source)
    names = assignments(tree)
    calls = [
        n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "execute"
    ]
    found = [list(interpolations(call.args[0], names)) for call in calls]
    assert found == [["table"], ["name"], ["name"], []]
