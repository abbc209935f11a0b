-- Grants are inserted in batches, many a second. H2 writes an identity's sequence to the schema, commits
-- that, and makes every prepared statement of every session compile again each time its cache (32 values)
-- runs out; a larger cache makes that rare. Values still cached at a stop are skipped: the ids have gaps,
-- which is harmless, as the audit is ordered by time. PostgreSQL never had that cost; there the cache is per
-- connection, so ids from different connections also come out of order, which is as harmless.
ALTER TABLE credential_grant ALTER COLUMN id SET CACHE 1000;
