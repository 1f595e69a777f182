"""Full-text search over articles: BM25 over Thai word terms, in two tables the loader keeps current.

Thai has no spaces between words, so an article's title and text are segmented into words (pythainlp's
dictionary with the newmm algorithm, through nlpo3) and queries are segmented the same way. A term
is a lower-cased run of letters, combining marks, digits and underscores: punctuation separates
terms, and marks are kept, because Thai vowels and tone marks are combining marks (เสื้อ "shirt" is
not เสือ "tiger"). Only Latin letters have case.

The index is an inverted index in plain tables (migration 005): `search_docs` (an article's length
in terms) and `search_terms` (one row per article and distinct term, with its count). The extraction
workers count the terms and the loader writes them with each batch, so the index is always current
and never rebuilt. (DuckDB's fts extension, used before, must rebuild its index whole after any
change: 55 s and 90 CPU-s at 63k articles.) Scores are fts's BM25 (k1 = 1.2, b = 0.75, idf
log10((N - df + 0.5) / (df + 0.5) + 1)), so rankings did not change with the switch.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import duckdb
import regex
from pythainlp.tokenize.nlpo3 import segment

from flows.store_bulk import insert_rows, rows_select

# `regex`, not `re`: \p{M} is needed, and its findall is ~3x faster than an equivalent `re` class.
_TERM = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_SNIPPET_RADIUS = 80
# Articles tokenised per read-tokenise-write round when update_search_index tokenises them itself.
TOKENISE_CHUNK = 500
# Part of every entry's digest, so that entries made by an earlier tokenizer are made again.
SEARCH_TOKENIZER = "nlpo3"
# BM25's parameters, fts's defaults.
BM25_K1 = 1.2
BM25_B = 0.75


class SearchIndexMissingError(RuntimeError):
    """The database has no search index and the connection cannot build one (read-only)."""


class SearchTerms(NamedTuple):
    """An article's entry in the index: its distinct terms and their counts, each space-separated
    (a term never contains a space), and its length in terms. Extraction workers send one per
    article, and two strings unpickle far faster than a mapping (500 articles: 4 instead of 44 ms)."""

    terms: str
    counts: str
    length: int


def words(text: str) -> list[str]:
    """Word tokens (nlpo3), whitespace tokens dropped."""
    return [token.strip() for token in segment(text) if token.strip()]


def terms_of(text: str) -> list[str]:
    """The index terms of a text, in order and with repeats (one per word or part of a word)."""
    return _TERM.findall(" ".join(segment(text)).lower())


def article_terms(title: str | None, text: str) -> SearchTerms:
    """An article's index entry: the terms of its title and text."""
    counts = Counter(terms_of(f"{title or ''}\n{text}"))
    return SearchTerms(" ".join(counts), " ".join(map(str, counts.values())), sum(counts.values()))


def search_digest(text_sha256: str, title: str | None) -> str:
    """search_docs.digest: what an entry was made from (update_search_index's SQL computes the same
    value to find stale entries)."""
    return f"{text_sha256}:{hashlib.md5((title or '').encode('utf-8')).hexdigest()}:{SEARCH_TOKENIZER}"


def write_search_entries(
    con: duckdb.DuckDBPyConnection, entries: Sequence[tuple[str, str, SearchTerms]]
) -> None:
    """Add (article_id, digest, terms) entries, two statements however many; the articles must have
    no entry yet (delete_search_entries first)."""
    if not entries:
        return
    insert_rows(
        con,
        "INSERT INTO search_docs (article_id, digest, term_count)",
        [[article_id, digest, terms.length] for article_id, digest, terms in entries],
    )
    with_terms = [[article_id, terms.terms, terms.counts] for article_id, _, terms in entries if terms.terms]
    if not with_terms:
        return
    select, params = rows_select(with_terms)
    # Two lists unnested side by side pair up element by element.
    con.execute(
        f"""
        INSERT INTO search_terms
        SELECT d.docid, unnest(string_split(e.terms, ' ')), CAST(unnest(string_split(e.counts, ' ')) AS INTEGER)
        FROM ({select}) AS e(article_id, terms, counts)
        JOIN search_docs AS d USING (article_id)
        """,
        params,
    )


def delete_search_entries(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Drop these articles' entries (if they have any)."""
    if not article_ids:
        return
    select, params = rows_select([[article_id] for article_id in article_ids])
    con.execute(
        f"DELETE FROM search_terms WHERE docid IN (SELECT docid FROM search_docs WHERE article_id IN ({select}))",
        params,
    )
    con.execute(f"DELETE FROM search_docs WHERE article_id IN ({select})", params)


def update_search_index(con: duckdb.DuckDBPyConnection) -> int:
    """Index the articles whose entry is missing or stale and drop entries of removed articles;
    returns how many articles were tokenised.

    The loader stores the entries the extraction workers made, so after a refresh this usually finds
    nothing to do (one query). Stale entries are found in SQL, without reading unchanged texts into
    Python, and are made a chunk at a time: a new tokenizer re-tokenises every article, and 63k
    texts at once are more than the buffer pool (and Python) should hold.
    """
    removed = con.execute(
        "SELECT article_id FROM search_docs WHERE article_id NOT IN (SELECT article_id FROM articles)"
    ).fetchall()
    if removed:
        con.begin()
        try:
            delete_search_entries(con, [article_id for (article_id,) in removed])
            con.commit()
        except duckdb.Error:
            con.rollback()
            raise
    stale = con.execute(
        """
        WITH current AS (
            SELECT article_id, text_sha256 || ':' || md5(coalesce(title, '')) || ':' || $tokenizer AS digest
            FROM articles
        )
        SELECT a.article_id, a.digest
        FROM current AS a LEFT JOIN search_docs AS s USING (article_id)
        WHERE s.digest IS DISTINCT FROM a.digest
        ORDER BY a.article_id
        """,
        {"tokenizer": SEARCH_TOKENIZER},
    ).fetchall()
    for start in range(0, len(stale), TOKENISE_CHUNK):
        _tokenise(con, dict(stale[start : start + TOKENISE_CHUNK]))
    return len(stale)


def _tokenise(con: duckdb.DuckDBPyConnection, digests: dict[str, str]) -> None:
    """(Re)make the entries of these articles (article_id -> digest)."""
    ids = list(digests)
    select, params = rows_select([[article_id] for article_id in ids])
    articles = con.execute(
        f"SELECT article_id, title, text FROM articles WHERE article_id IN ({select})", params
    ).fetchall()
    entries = [
        (article_id, digests[article_id], article_terms(title, text)) for article_id, title, text in articles
    ]
    con.begin()
    try:
        delete_search_entries(con, ids)
        write_search_entries(con, entries)
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise


def _snippet(text: str, query_words: list[str]) -> str:
    positions = [text.find(word) for word in query_words if word in text]
    centre = min(positions) if positions else 0
    start = max(0, centre - _SNIPPET_RADIUS)
    return text[start : centre + _SNIPPET_RADIUS].strip()


# fts's BM25, computed for the documents that contain a query term. The top `limit` scores are cut
# first and only then joined to their articles: joining every matching article's text before the
# LIMIT needs more than the 300 MB buffer pool on the 63k-release database.
_SEARCH = f"""
WITH query_terms AS (
    SELECT DISTINCT unnest($terms) AS term
), hits AS (
    SELECT docid, term, tf FROM search_terms SEMI JOIN query_terms USING (term)
), document_frequency AS (
    SELECT term, count(*) AS df FROM hits GROUP BY term
), collection AS (
    SELECT count(*) AS documents, avg(term_count) AS average_length FROM search_docs
), top AS (
    SELECT any_value(d.article_id) AS article_id,
           sum(
               log((c.documents - f.df + 0.5) / (f.df + 0.5) + 1)
               * h.tf * ({BM25_K1} + 1)
               / (h.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * d.term_count / c.average_length))
           ) AS score
    FROM hits AS h
    JOIN document_frequency AS f USING (term)
    JOIN search_docs AS d USING (docid)
    CROSS JOIN collection AS c
    GROUP BY h.docid
    ORDER BY score DESC, article_id
    LIMIT $limit
)
SELECT t.article_id, t.score, a.title, a.url, a.source_id, a.published_date, a.text, m.event_id
FROM top AS t
JOIN articles AS a USING (article_id)
LEFT JOIN event_mentions AS m USING (article_id)
ORDER BY t.score DESC, t.article_id
"""


def search_articles(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles ranked by BM25 for the segmented query, best first, each with its event if any."""
    query_terms = sorted(set(terms_of(query or "")))
    if not query_terms or limit < 1:
        return []
    _index_unindexed_articles(con)
    rows = con.execute(_SEARCH, {"terms": query_terms, "limit": limit}).fetchall()
    query_words = words(query)
    return [
        {
            "article_id": article_id,
            "score": round(score, 6),
            "title": title,
            "url": url,
            "source_id": source_id,
            "published_date": published.isoformat() if published else None,
            "event_id": event_id,
            "snippet": _snippet(text, query_words),
        }
        for article_id, score, title, url, source_id, published, text, event_id in rows
    ]


def _index_unindexed_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Articles stored without an entry (loaded by a caller that made none, or a database from
    before migration 005) are indexed on first search, where the connection may write."""
    articles, indexed = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM search_docs)"
    ).fetchone()
    if articles == indexed:
        return
    try:
        update_search_index(con)
    except duckdb.InvalidInputException as exc:  # a read-only connection
        if indexed == 0:
            raise SearchIndexMissingError(
                "this database has no search index and is open read-only; run the refresh (which "
                "updates the index) on the main database and publish a new snapshot"
            ) from exc
