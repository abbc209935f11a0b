package org.meetingportal.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a plan says of a meeting besides its times and people: its title and how its room behaves. A meeting
 * and a series hold it alike, and each occurrence takes its series'.
 */
@Embeddable
public class MeetingDetails {

    @Column(nullable = false, length = Meeting.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = Meeting.DESCRIPTION_MAX)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Access access;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendee_rights", nullable = false, length = 16)
    private AttendeeRights attendeeRights;

    @Column(name = "mute_on_entry", nullable = false)
    private boolean muteOnEntry;

    @Enumerated(EnumType.STRING)
    @Column(name = "waiting_room", nullable = false, length = 16)
    private WaitingRoom waitingRoom;

    @Column(name = "host_first", nullable = false)
    private boolean hostFirst;

    protected MeetingDetails() {
        // for JPA
    }

    MeetingDetails(MeetingPlan plan) {
        this.title = plan.title();
        this.description = plan.description();
        this.access = plan.access();
        this.attendeeRights = plan.attendeeRights();
        this.muteOnEntry = plan.muteOnEntry();
        this.waitingRoom = plan.waitingRoom();
        this.hostFirst = plan.hostFirst();
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Access getAccess() {
        return access;
    }

    public AttendeeRights getAttendeeRights() {
        return attendeeRights;
    }

    public boolean isMuteOnEntry() {
        return muteOnEntry;
    }

    public WaitingRoom getWaitingRoom() {
        return waitingRoom;
    }

    public boolean isHostFirst() {
        return hostFirst;
    }
}
