-- The audit page lists grants newest first (issued_at, then id, both descending), a page at a time, for all,
-- for one user or for one meeting. H2 reads an index only in the order it was built, so an ascending index
-- on issued_at left it sorting the whole audit for every page: about a second at a million grants. These
-- indexes are in the page's own order; PostgreSQL reads them the same way. Written for both H2 and
-- PostgreSQL; on a large audit the migration takes a while, once.
CREATE INDEX ix_grant_newest ON credential_grant (issued_at DESC, id DESC);
CREATE INDEX ix_grant_user_newest ON credential_grant (username, issued_at DESC, id DESC);
CREATE INDEX ix_grant_meeting_newest ON credential_grant (meeting_id, issued_at DESC, id DESC);
DROP INDEX ix_grant_time;
DROP INDEX ix_grant_user_time;
DROP INDEX ix_grant_meeting_time;
