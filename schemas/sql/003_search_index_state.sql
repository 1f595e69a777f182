-- 003: what the full-text index was last built from, so that a refresh with no new or changed
-- articles skips the rebuild (DuckDB's fts indexes are rebuilt whole: ~50 s at 63k articles).

CREATE TABLE search_index_state (
    built_from VARCHAR NOT NULL              -- md5 over article_search (article_id, text_sha256)
);
