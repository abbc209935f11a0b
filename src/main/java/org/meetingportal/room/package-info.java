/**
 * The meeting while it runs: its waiting room (who asked to enter, and what a host decided) and what hosts
 * decide about the people in it. The credential issuer asks it before every credential of a meeting.
 */
package org.meetingportal.room;
