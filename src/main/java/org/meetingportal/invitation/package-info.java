/**
 * What people are sent about their meetings: an invitation with the calendar entry when a meeting is
 * scheduled, changed or cancelled, and a reminder before each meeting, by e-mail and on the portal's open pages.
 */
package org.meetingportal.invitation;
