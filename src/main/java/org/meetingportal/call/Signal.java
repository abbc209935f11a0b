package org.meetingportal.call;

/**
 * What a signal says; the socket turns it into JSON. {@code detail} is an error's code or, for
 * presence, the person whose {@code presence} changed.
 */
public record Signal(String type, LiveCall call, String detail, Presence presence) {
    static Signal of(String type, LiveCall call) {
        return new Signal(type, call, null, null);
    }

    static Signal error(String code) {
        return new Signal("error", null, code, null);
    }

    static Signal presence(String username, Presence presence) {
        return new Signal("presence", null, username, presence);
    }
}
