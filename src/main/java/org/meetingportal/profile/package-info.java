/**
 * A person's own account: their time zone, their password (behind the sign-in throttle) and {@code /api/me}.
 */
package org.meetingportal.profile;
