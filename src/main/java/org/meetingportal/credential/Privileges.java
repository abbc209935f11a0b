package org.meetingportal.credential;

import java.util.Set;
import org.meetingportal.meeting.AttendeeRights;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.room.Medium;

/**
 * The PrivateMapKey privilege bits (TRTC "advanced permission control"), decided here on the server from
 * the meeting's rules, never by the client.
 */
public final class Privileges {

    public static final int CREATE_ROOM = 1;
    public static final int ENTER_ROOM = 2;
    public static final int SEND_AUDIO = 4;
    public static final int RECEIVE_AUDIO = 8;
    public static final int SEND_VIDEO = 16;
    public static final int RECEIVE_VIDEO = 32;
    public static final int SEND_SCREEN = 64;
    public static final int RECEIVE_SCREEN = 128;
    public static final int ALL = 255;

    private Privileges() {
    }

    /** {@code privileges} less the sending of what a host withheld. */
    public static int without(int privileges, Set<Medium> withheld) {
        int less = privileges;
        for (Medium medium : withheld) {
            less &= ~switch (medium) {
                case AUDIO -> SEND_AUDIO;
                case VIDEO -> SEND_VIDEO;
                case SCREEN -> SEND_SCREEN;
            };
        }
        return less;
    }

    /** Hosts may do everything; attendees what the meeting's attendee rights allow. */
    public static int of(ParticipantRole role, AttendeeRights rights) {
        if (role == ParticipantRole.HOST) {
            return ALL;
        }
        return switch (rights) {
            case FULL -> ALL;
            case NO_SCREEN_SHARE -> ALL & ~SEND_SCREEN;
            case VIEW_ONLY -> CREATE_ROOM | ENTER_ROOM | RECEIVE_AUDIO | RECEIVE_VIDEO | RECEIVE_SCREEN;
        };
    }
}
