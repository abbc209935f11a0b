-- The journals whose credential grants have been carried into credential_grant. A journal's file is deleted
-- after the commit that carried it; a crash in between leaves the file, and this row says not to carry it
-- twice. Written for both H2 and PostgreSQL.
CREATE TABLE audit_journal (
    name     VARCHAR(100) PRIMARY KEY,
    moved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audit_journal_moved ON audit_journal (moved_at);

-- Grants are inserted in their hundreds at a time. H2 writes an identity's sequence to the schema, commits
-- that, and makes every prepared statement of every session compile again each time its cache (32 values)
-- runs out; a larger cache makes that rare. Values still cached at a stop are skipped: the ids have gaps,
-- which is harmless, as the audit is ordered by time. PostgreSQL never had that cost; there the cache is per
-- connection, so ids from different connections also come out of order, which is as harmless.
ALTER TABLE credential_grant ALTER COLUMN id SET CACHE 1000;
