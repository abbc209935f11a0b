/**
 * Scheduled meetings: titles, times, hosts and attendees, the join window and the TRTC room number each
 * meeting is given.
 */
package org.meetingportal.meeting;
