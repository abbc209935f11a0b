-- What hosts took away from people in a running meeting, and whom they made co-hosts. Written for both H2 and
-- PostgreSQL.

-- Per person: what their next credentials lack (a host's "may not unmute", "may not restart the camera" or the
-- screen), and whether they are a co-host (every right, and the hosts' controls).
ALTER TABLE lobby_entry ADD COLUMN audio_withheld BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE lobby_entry ADD COLUMN video_withheld BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE lobby_entry ADD COLUMN screen_withheld BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE lobby_entry ADD COLUMN co_host BOOLEAN DEFAULT FALSE NOT NULL;

-- "Mute all, and attendees may not unmute": also for attendees who come after it.
ALTER TABLE meeting ADD COLUMN attendees_muted BOOLEAN DEFAULT FALSE NOT NULL;
