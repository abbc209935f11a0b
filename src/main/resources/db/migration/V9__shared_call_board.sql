-- The call board the nodes of a cluster share (on PostgreSQL; H2 serves one node, which keeps it in memory).
-- Written for both H2 and PostgreSQL.

-- The nodes alive now: each writes seen_at every second, and a node silent for a few seconds is gone. Its
-- sockets are then removed by whichever node notices first.
CREATE TABLE cluster_node (
    id       VARCHAR(36) PRIMARY KEY,
    name     VARCHAR(64) NOT NULL,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every open call socket (a portal page) and the node it is connected to: presence, and where to ring.
CREATE TABLE call_socket (
    id         VARCHAR(36) PRIMARY KEY,
    node_id    VARCHAR(36) NOT NULL,
    username   VARCHAR(32) NOT NULL,
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_call_socket_username ON call_socket (username);
CREATE INDEX ix_call_socket_node ON call_socket (node_id);

-- What one node keeps of a call in its memory: since when a party has had no page open (the call ends
-- when that lasts longer than the grace period).
ALTER TABLE phone_call ADD COLUMN caller_gone_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE phone_call ADD COLUMN callee_gone_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_call_state ON phone_call (state);

-- Credentials issued per person in the current window, counted for the whole cluster.
CREATE TABLE credential_rate (
    username      VARCHAR(32) PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    requests      INTEGER NOT NULL
);
