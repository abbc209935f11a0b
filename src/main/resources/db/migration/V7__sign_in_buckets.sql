-- Failed password checks per bucket (ThrottlePolicy.Bucket): an account from one address, an account from
-- anywhere, an address, an account from a remembered browser. Counters last minutes, so the former
-- per-account and per-address table is replaced rather than converted.
DROP TABLE sign_in_throttle;

CREATE TABLE sign_in_throttle (
    throttle_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    username        VARCHAR(100),
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_until    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL
);

CREATE INDEX ix_sign_in_throttle_username ON sign_in_throttle (username);

-- Browsers where a person signed in (the hash of the browser's device cookie), so that guessing their
-- password elsewhere never slows them down there.
CREATE TABLE sign_in_device (
    device_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    username     VARCHAR(100) NOT NULL,
    signed_in_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_sign_in_device_signed_in_at ON sign_in_device (signed_in_at);
