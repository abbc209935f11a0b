package org.meetingportal.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A TRTC room number that was handed out once and is never handed out again. */
@Entity
@Table(name = "room_number")
public class RoomNumber {

    /** TRTC's numeric room ids are 1..4294967295; the top value is kept out for safety with unsigned clients. */
    public static final long MIN = 1;
    public static final long MAX = 4_294_967_294L;

    @Id
    @Column(name = "room_id")
    private long roomId;

    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    protected RoomNumber() {
    }

    RoomNumber(long roomId, Instant allocatedAt) {
        this.roomId = roomId;
        this.allocatedAt = allocatedAt;
    }

    public long getRoomId() {
        return roomId;
    }
}
