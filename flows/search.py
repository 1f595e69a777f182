"""Full-text search over articles with DuckDB's fts extension and pythainlp word tokens (nlpo3).

Thai has no spaces between words, so the index holds a copy of each article (title + text) as
word tokens joined by spaces, and queries are tokenised the same way. fts's defaults would destroy
Thai: its `ignore` pattern keeps only a-z, and `strip_accents` removes combining marks, which in
Thai are vowels and tone marks (เสื้อ "shirt" would become เสือ "tiger"). So the index keeps every
letter, mark and digit (Unicode classes L, M, N), never strips accents, lower-cases only Latin, and
uses no stemmer and no (English) stopword list.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import duckdb_extension_fts
from pythainlp.tokenize.nlpo3 import segment

from flows.store_bulk import insert_rows

SEARCH_TABLE = "article_search"
_FTS_SCHEMA = "fts_main_article_search"
# Runs of anything that is not a letter, combining mark, digit or underscore separate terms.
FTS_IGNORE = r"(\.|[^\p{L}\p{M}\p{N}_])+"
_CREATE_INDEX = (
    "PRAGMA create_fts_index('article_search', 'article_id', 'tokens', "
    "stemmer = 'none', stopwords = 'none', ignore = '" + FTS_IGNORE + "', "
    "strip_accents = 0, lower = 1, overwrite = 1)"
)
_SNIPPET_RADIUS = 80
# The index build is one big aggregation over every term (37M rows at 63k articles) that spills
# what does not fit. It runs after extraction, when the workers have exited, so it may use more
# than the loader's buffer pool (flows.store.MEMORY_LIMIT): 63k articles took 54 s at 400 MB and
# 49 s at 1.5 GB.
INDEX_BUILD_MEMORY_LIMIT = "600MB"
# Articles tokenised per read-tokenise-write round when the index has to tokenise them itself.
TOKENISE_CHUNK = 500
# Part of every row's digest, so that rows tokenised by an earlier tokenizer are tokenised again.
SEARCH_TOKENIZER = "nlpo3"


class SearchIndexMissingError(RuntimeError):
    """The database has no search index and the connection cannot build one (read-only)."""


def fts_extension_path() -> Path:
    """The fts extension shipped by the duckdb-extension-fts package for this DuckDB version."""
    package_dir = Path(duckdb_extension_fts.__file__).resolve().parent
    exact = package_dir / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if exact.is_file():
        return exact
    found = sorted(package_dir.glob("extensions/*/fts.duckdb_extension"))
    if not found:
        raise FileNotFoundError(
            f"no fts.duckdb_extension under {package_dir}; reinstall duckdb-extension-fts matching "
            f"duckdb {duckdb.__version__}"
        )
    return found[-1]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load fts from the package file (never from the network)."""
    con.load_extension(str(fts_extension_path()))


def search_tokens(text: str) -> str:
    """Word tokens joined by single spaces (whitespace tokens dropped).

    nlpo3 (through pythainlp, with pythainlp's bundled dictionary) is the newmm algorithm in Rust:
    nearly the same Thai words as newmm, ~5x faster (1.2 instead of 6 ms for a typical release),
    which matters at 60,000 articles. word_tokenize's post-processing (re-joining "1,000.50" and
    the like) is skipped: the index splits at punctuation anyway, and it cost a third of the time.
    """
    return " ".join(token.strip() for token in segment(text) if token.strip())


def search_text_tokens(title: str | None, text: str) -> str:
    """The indexed tokens of an article: its title and text, as article_search stores them."""
    return search_tokens(f"{title or ''}\n{text}")


def search_digest(text_sha256: str, title: str | None) -> str:
    """article_search.text_sha256: what the tokens were made from (build_search_index's SQL
    computes the same value to find stale rows)."""
    return f"{text_sha256}:{hashlib.md5((title or '').encode('utf-8')).hexdigest()}:{SEARCH_TOKENIZER}"


def build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Tokenise new or changed articles, drop removed ones, and rebuild the fts index.

    Tokenising is the slow part, so only articles whose title or text changed are re-tokenised
    (found in SQL, without reading unchanged texts into Python; in a refresh the extraction workers
    have usually supplied the tokens already). They are read, tokenised and written a chunk at a
    time: a new tokenizer re-tokenises every article, and 63k texts at once are more than the
    buffer pool (and Python) should hold. DuckDB's fts indexes are not incremental, so the index is
    rebuilt whole, but only when article_search differs from what it was built from.
    """
    load_fts(con)
    con.execute("DELETE FROM article_search WHERE article_id NOT IN (SELECT article_id FROM articles)")
    stale = con.execute(
        """
        WITH current AS (
            SELECT article_id, text_sha256 || ':' || md5(coalesce(title, '')) || ':' || $tokenizer AS digest
            FROM articles
        )
        SELECT a.article_id, a.digest
        FROM current AS a LEFT JOIN article_search AS s USING (article_id)
        WHERE s.text_sha256 IS DISTINCT FROM a.digest
        ORDER BY a.article_id
        """,
        {"tokenizer": SEARCH_TOKENIZER},
    ).fetchall()
    for start in range(0, len(stale), TOKENISE_CHUNK):
        _tokenise(con, dict(stale[start : start + TOKENISE_CHUNK]))
    _rebuild_index_if_changed(con)


def _tokenise(con: duckdb.DuckDBPyConnection, digests: dict[str, str]) -> None:
    """(Re)write the article_search rows of these articles (article_id -> digest)."""
    ids = list(digests)
    articles = con.execute(
        "SELECT article_id, title, text FROM articles WHERE article_id IN (SELECT unnest($ids))",
        {"ids": ids},
    ).fetchall()
    rows = [
        [article_id, digests[article_id], search_text_tokens(title, text)]
        for article_id, title, text in articles
    ]
    con.begin()
    try:
        con.execute("DELETE FROM article_search WHERE article_id IN (SELECT unnest($ids))", {"ids": ids})
        insert_rows(con, "INSERT INTO article_search", rows)
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise


def _rebuild_index_if_changed(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the fts index unless it was built from exactly the rows article_search holds now
    (rows come from this function and from the loader, which stores the workers' tokens)."""
    contents = con.execute(
        "SELECT md5(coalesce(string_agg(article_id || ':' || text_sha256, ',' ORDER BY article_id), ''))"
        " FROM article_search"
    ).fetchone()[0]
    built_from = con.execute("SELECT max(built_from) FROM search_index_state").fetchone()[0]
    if built_from == contents and _index_exists(con):
        return
    previous_limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute("SET memory_limit = $limit", {"limit": INDEX_BUILD_MEMORY_LIMIT})
    try:
        con.execute(_CREATE_INDEX)
    finally:
        con.execute("SET memory_limit = $limit", {"limit": previous_limit})
    con.execute("DELETE FROM search_index_state")
    con.execute("INSERT INTO search_index_state VALUES (?)", [contents])


def _index_exists(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ? AND database_name = current_database()",
            [_FTS_SCHEMA],
        ).fetchone()[0]
    )


def _snippet(text: str, terms: list[str]) -> str:
    positions = [text.find(term) for term in terms if term in text]
    centre = min(positions) if positions else 0
    start = max(0, centre - _SNIPPET_RADIUS)
    return text[start : centre + _SNIPPET_RADIUS].strip()


def search_articles(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[dict]:
    """Articles ranked by BM25 for the tokenised query, best first, each with its event if any."""
    tokens = search_tokens(query or "")
    if not tokens or limit < 1:
        return []
    load_fts(con)
    if not _index_exists(con):
        try:
            build_search_index(con)
        except duckdb.InvalidInputException as exc:
            raise SearchIndexMissingError(
                "this database has no search index and is open read-only; run the refresh (which "
                "calls build_search_index) on the main database and publish a new snapshot"
            ) from exc
    # The top `limit` scores first, then their articles: joining every matching article's text
    # before the LIMIT needed more than the 300 MB buffer pool on the 63k-release database.
    rows = con.execute(
        """
        WITH top AS (
            SELECT article_id, score
            FROM (
                SELECT article_id, fts_main_article_search.match_bm25(article_id, ?) AS score
                FROM article_search
            )
            WHERE score IS NOT NULL
            ORDER BY score DESC, article_id
            LIMIT ?
        )
        SELECT t.article_id, t.score, a.title, a.url, a.source_id, a.published_date, a.text, m.event_id
        FROM top AS t
        JOIN articles AS a USING (article_id)
        LEFT JOIN event_mentions AS m USING (article_id)
        ORDER BY t.score DESC, t.article_id
        """,
        [tokens, limit],
    ).fetchall()
    terms = tokens.split(" ")
    return [
        {
            "article_id": article_id,
            "score": round(score, 6),
            "title": title,
            "url": url,
            "source_id": source_id,
            "published_date": published.isoformat() if published else None,
            "event_id": event_id,
            "snippet": _snippet(text, terms),
        }
        for article_id, score, title, url, source_id, published, text, event_id in rows
    ]
