-- Credential requests per person in the current one-minute window: one row per person, updated in place,
-- so that checking the rate costs the same however many credentials were issued.
CREATE TABLE credential_rate (
    username     VARCHAR(32) NOT NULL PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER NOT NULL
);
