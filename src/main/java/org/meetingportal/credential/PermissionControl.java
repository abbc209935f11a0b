package org.meetingportal.credential;

import java.time.Instant;

/**
 * Whether an admin has confirmed that TRTC's advanced permission control is on, and who did when. Until then
 * room isolation rests on a console switch nobody has vouched for, and the admin pages say so.
 */
public record PermissionControl(boolean confirmed, String confirmedBy, Instant confirmedAt) {

    static final PermissionControl UNCONFIRMED = new PermissionControl(false, null, null);
}
