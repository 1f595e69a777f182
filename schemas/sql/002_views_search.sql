-- 002: full-text search table (pythainlp newmm tokens, indexed by flows/search.py) and the
-- analyst views. Views are recreated by later migrations that change the tables they read.

CREATE TABLE article_search (
    article_id VARCHAR PRIMARY KEY,
    text_sha256 VARCHAR NOT NULL,            -- articles.text_sha256 + md5(title): rebuilt on change
    tokens VARCHAR NOT NULL                  -- title + text, newmm tokens joined by single spaces
);

-- One row per event: names of venue, programme and officials resolved, mentions aggregated.
CREATE VIEW v_events AS
WITH mention_agg AS (
    SELECT m.event_id,
           count(*) AS mention_count,
           string_agg(DISTINCT a.source_id, ', ' ORDER BY a.source_id) AS sources,
           max(CASE WHEN m.is_primary THEN a.canonical_url END) AS primary_url
    FROM event_mentions AS m
    JOIN articles AS a USING (article_id)
    GROUP BY m.event_id
), official_agg AS (
    SELECT eo.event_id,
           count(DISTINCT eo.official_id) FILTER (WHERE eo.is_public_official) AS official_count,
           count(DISTINCT eo.official_id) FILTER (WHERE NOT eo.is_public_official) AS private_person_count,
           string_agg(DISTINCT o.name, ', ' ORDER BY o.name) FILTER (WHERE eo.is_public_official) AS official_names,
           string_agg(DISTINCT o.name, ', ' ORDER BY o.name)
               FILTER (WHERE eo.is_public_official AND eo.role = 'chair') AS chair_names
    FROM event_officials AS eo
    JOIN officials AS o USING (official_id)
    GROUP BY eo.event_id
)
SELECT e.event_id,
       e.event_date,
       year(e.event_date) AS year,
       CAST(date_trunc('month', e.event_date) AS DATE) AS month,
       e.event_start,
       e.event_end,
       e.event_time,
       e.event_type,
       e.title,
       e.venue,
       v.name AS venue_name,
       e.province,
       e.province_code,
       coalesce(p.name, e.programme_name) AS programme_name,
       e.organizer,
       e.attendee_count,
       e.attendee_qualifier,
       e.fiscal_year,
       coalesce(oa.official_count, 0) AS official_count,
       coalesce(oa.private_person_count, 0) AS private_person_count,
       oa.official_names,
       oa.chair_names,
       coalesce(ma.mention_count, 0) AS mention_count,
       ma.sources,
       ma.primary_url,
       e.published_date,
       e.first_seen,
       e.last_seen,
       e.extractor_version
FROM events AS e
LEFT JOIN venues AS v USING (venue_id)
LEFT JOIN programmes AS p USING (programme_id)
LEFT JOIN mention_agg AS ma USING (event_id)
LEFT JOIN official_agg AS oa USING (event_id);

-- One row per official: how often, in which roles, where and when they appear.
CREATE VIEW v_official_activity AS
SELECT o.official_id,
       o.name,
       o.honorific,
       o.position,
       o.organisation,
       o.is_public_official,
       count(DISTINCT eo.event_id) AS event_count,
       count(*) AS appearance_count,
       string_agg(DISTINCT eo.role, ', ' ORDER BY eo.role) AS roles,
       count(DISTINCT eo.event_id) FILTER (WHERE eo.role = 'chair') AS chaired_events,
       min(e.event_date) AS first_date,
       max(e.event_date) AS last_date,
       string_agg(DISTINCT e.province, ', ' ORDER BY e.province) AS provinces
FROM officials AS o
JOIN event_officials AS eo USING (official_id)
JOIN events AS e USING (event_id)
GROUP BY ALL;

-- Monthly activity per province (events without a province are grouped under NULL).
CREATE VIEW v_events_by_province_month AS
SELECT e.province_code,
       e.province,
       CAST(date_trunc('month', e.event_date) AS DATE) AS month,
       count(*) AS event_count,
       sum(e.attendee_count) AS attendees_reported,
       count(e.attendee_count) AS events_with_attendees,
       count(DISTINCT e.programme_id) AS programmes
FROM events AS e
WHERE e.event_date IS NOT NULL
GROUP BY ALL;
