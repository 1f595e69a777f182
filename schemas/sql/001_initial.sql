-- 001: provenance (sources, crawl runs, raw pages), normalised articles, and the event model.
-- Ids are deterministic text hashes computed by flows/store_*.py, so reloading the same input
-- yields the same rows. Only primary keys are declared on tables whose rows are updated in place:
-- DuckDB cannot update a column that carries a secondary index.

CREATE TABLE sources (
    source_id VARCHAR PRIMARY KEY,
    family VARCHAR NOT NULL,
    base_url VARCHAR NOT NULL,
    enabled BOOLEAN NOT NULL,
    params JSON NOT NULL
);

CREATE TABLE crawl_runs (
    run_id VARCHAR PRIMARY KEY,
    run_dir VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    requests BIGINT,
    responses BIGINT,
    articles_fetched BIGINT,
    articles_new BIGINT,
    articles_changed BIGINT,
    articles_unchanged BIGINT,
    listings_fetched BIGINT,
    listings_not_modified BIGINT,
    errors BIGINT,
    elapsed_s DOUBLE,
    stats JSON
);

CREATE TABLE pages (
    page_id VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    canonical_url VARCHAR NOT NULL,
    fetched_at TIMESTAMP NOT NULL,           -- UTC
    status INTEGER,
    content_sha256 VARCHAR,
    warc_file VARCHAR,                       -- relative to the WARC directory
    warc_offset BIGINT,
    warc_length BIGINT,
    encoding VARCHAR,
    content_type VARCHAR,
    changed BOOLEAN,
    http_etag VARCHAR,
    http_last_modified VARCHAR
);
CREATE INDEX pages_canonical_url ON pages (canonical_url);

CREATE TABLE listing_state (
    url VARCHAR PRIMARY KEY,
    source_id VARCHAR NOT NULL,
    etag VARCHAR,
    last_modified VARCHAR,
    last_status INTEGER,
    last_run_id VARCHAR,
    article_links INTEGER,
    new_links INTEGER
);

CREATE TABLE crawl_errors (
    error_id VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    source_id VARCHAR,
    url VARCHAR,
    stage VARCHAR,
    status INTEGER,
    message VARCHAR,
    occurred_at TIMESTAMP                    -- "at" in errors.jsonl
);

CREATE TABLE extraction_runs (
    run_id VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    counts JSON
);

CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,          -- sha1 of canonical_url
    canonical_url VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    page_id VARCHAR,
    fetched_at TIMESTAMP,
    content_sha256 VARCHAR,                  -- of the fetched page the text came from
    text_sha256 VARCHAR NOT NULL,
    title VARCHAR,
    published_date DATE,
    text VARCHAR NOT NULL,                   -- normalised text; evidence spans index into it
    shingle_count INTEGER NOT NULL,          -- near-duplicate fingerprint, see flows/dedup.py
    minhash BLOB NOT NULL,                   -- 64 little-endian uint32 MinHash values
    is_event BOOLEAN NOT NULL,
    record JSON NOT NULL,                    -- the full EventRecord as extracted
    error VARCHAR,
    extractor_version VARCHAR NOT NULL,
    extraction_run_id VARCHAR
);

CREATE TABLE venues (
    venue_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    venue_core VARCHAR,
    province VARCHAR,
    province_code VARCHAR                    -- ISO 3166-2:TH
);

CREATE TABLE programmes (
    programme_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,            -- derived from the first mention's canonical URL, then kept
    primary_article_id VARCHAR NOT NULL,     -- the mention whose values (and evidence) the event carries
    event_date DATE,
    event_start DATE,
    event_end DATE,
    event_time VARCHAR,
    venue VARCHAR,
    venue_core VARCHAR,
    venue_id VARCHAR,
    province VARCHAR,
    province_code VARCHAR,
    attendee_count INTEGER,
    attendee_qualifier VARCHAR,
    programme_name VARCHAR,
    programme_id VARCHAR,
    organizer VARCHAR,
    event_type VARCHAR,
    published_date DATE,
    title VARCHAR,
    fiscal_year INTEGER,
    evidence JSON NOT NULL,                  -- field -> [start, end) in the primary article's text
    extractor_version VARCHAR NOT NULL,
    extraction_run_id VARCHAR,
    first_seen TIMESTAMP,                    -- earliest fetch of any mention (UTC)
    last_seen TIMESTAMP                      -- latest fetch of any mention (UTC)
);

CREATE TABLE event_mentions (
    article_id VARCHAR PRIMARY KEY,          -- an article mentions at most one (its main) event
    event_id VARCHAR NOT NULL,
    is_primary BOOLEAN NOT NULL,
    similarity DOUBLE,                       -- near-duplicate score against the event's mentions
    extractor_version VARCHAR NOT NULL,
    extraction_run_id VARCHAR
);

CREATE TABLE officials (
    official_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    honorific VARCHAR NOT NULL,
    position VARCHAR NOT NULL,
    position_key VARCHAR NOT NULL,
    organisation VARCHAR NOT NULL,
    is_public_official BOOLEAN NOT NULL
);
CREATE INDEX officials_name_key ON officials (name_key);

CREATE TABLE event_officials (
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,                    -- order in the article's record
    official_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,                   -- as written
    honorific VARCHAR NOT NULL,
    position VARCHAR NOT NULL,               -- as written
    organisation VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    is_public_official BOOLEAN NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    extractor_version VARCHAR NOT NULL
);
