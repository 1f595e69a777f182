-- 004: only articles that carry an event get a near-duplicate fingerprint. The fingerprint is
-- compared only between mentions of events on the same date, so the ~45 % of releases that are not
-- events never needed one; computing it cost ~1.5 ms a release (a tenth of all extraction work).
-- Rows stored before keep their values; a re-extraction that makes an article an event computes it.

ALTER TABLE articles ALTER COLUMN shingle_count DROP NOT NULL;
ALTER TABLE articles ALTER COLUMN minhash DROP NOT NULL;
