package org.meetingportal.call;

/** Where a call stands. Every state but ringing and accepted is final. */
public enum CallState {
    RINGING,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    BUSY,
    MISSED,
    ENDED;

    public boolean isFinal() {
        return this != RINGING && this != ACCEPTED;
    }
}
