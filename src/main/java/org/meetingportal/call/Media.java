package org.meetingportal.call;

/** What a call carries: voice only, or voice and camera. */
public enum Media {
    AUDIO,
    VIDEO
}
