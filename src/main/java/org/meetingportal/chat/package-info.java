/**
 * What people write to everyone in a meeting's room: kept with the meeting, the same for every page on every
 * node, in the order the database took it, and readable afterwards as a transcript.
 */
package org.meetingportal.chat;
