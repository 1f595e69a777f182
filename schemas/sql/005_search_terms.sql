-- 005: the full-text index becomes two plain tables that the loader keeps current, one batch at a
-- time, instead of DuckDB's fts index, which is rebuilt whole after any change (~55 s and 90 CPU-s
-- at 63k articles, a tenth of a whole-corpus refresh). Scoring stays fts's BM25 (flows/search.py).
-- The old tokens are dropped, not converted: the next refresh (or search) re-tokenises articles
-- that have no index entry.

DROP SCHEMA IF EXISTS fts_main_article_search CASCADE;
DROP TABLE search_index_state;
DROP TABLE article_search;

CREATE SEQUENCE search_docid START 1;

-- One row per indexed article.
CREATE TABLE search_docs (
    docid INTEGER PRIMARY KEY DEFAULT nextval('search_docid'),
    article_id VARCHAR NOT NULL UNIQUE,
    digest VARCHAR NOT NULL,                 -- text_sha256 : md5(title) : tokenizer, re-tokenised on change
    term_count INTEGER NOT NULL              -- the article's length in terms (BM25's document length)
);

-- One row per (article, distinct term): the inverted index, searched by term.
CREATE TABLE search_terms (
    docid INTEGER NOT NULL,                  -- search_docs.docid
    term VARCHAR NOT NULL,                   -- a lower-cased run of letters, marks, digits and _
    tf INTEGER NOT NULL                      -- how often the term occurs in the article
);
